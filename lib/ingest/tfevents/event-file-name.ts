/**
 * Names TensorBoard writers give event files: `events.out.tfevents.<ts>.<host>.<pid>.<n>[.v2]`, or
 * CatBoost's bare `events.out.tfevents`. No slashes, so a name can never climb out of a run folder.
 */
export const EVENT_FILE_NAME = /^events\.out\.tfevents(\.[\w.\-]+)?$/;

export function isEventFileName(name: string): boolean {
  return EVENT_FILE_NAME.test(name);
}

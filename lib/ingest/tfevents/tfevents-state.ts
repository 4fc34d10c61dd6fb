import { createTfRecordReaderState, type TfRecordReaderState } from './tfrecord-reader';

/** Everything carried between chunks of one event file; plain JSON, stored with the ingest cursor. */
export interface TfeventsState {
  version: 1;
  reader: TfRecordReaderState;
  /** Events decoded so far. */
  recordsRead: number;
  /** Records or stretches reported as not read so far. */
  corruptCount: number;
  /** The `file_version` record's value ("brain.Event:2"); CatBoost files have none. */
  fileVersion: string | null;
  /**
   * Whether the file's steps are placed on OpenCLIP's geometry, decided by the first call so one
   * file never mixes raw and shifted steps when the run's params arrive halfway through it.
   */
  openclipPlacement: boolean | null;
}

export function createTfeventsState(): TfeventsState {
  return { version: 1, reader: createTfRecordReaderState(), recordsRead: 0, corruptCount: 0, fileVersion: null, openclipPlacement: null };
}

function readCount(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

/**
 * Copies a state that has been through the database into a fresh, typed object; missing or mistyped
 * fields fall back to their initial values, so a damaged state degrades the parse instead of crashing it.
 */
export function restoreTfeventsState(input: unknown): TfeventsState {
  const loose = (typeof input === 'object' && input !== null ? input : {}) as Partial<Record<keyof TfeventsState, unknown>>;
  const reader = (typeof loose.reader === 'object' && loose.reader !== null ? loose.reader : {}) as Partial<Record<keyof TfRecordReaderState, unknown>>;
  return {
    version: 1,
    reader: { offset: readCount(reader.offset), resyncing: reader.resyncing === true, skipBytes: readCount(reader.skipBytes) },
    recordsRead: readCount(loose.recordsRead),
    corruptCount: readCount(loose.corruptCount),
    fileVersion: typeof loose.fileVersion === 'string' ? loose.fileVersion : null,
    openclipPlacement: typeof loose.openclipPlacement === 'boolean' ? loose.openclipPlacement : null,
  };
}

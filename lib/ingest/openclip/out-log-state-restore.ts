import type { LogFlavour } from './log-prefix';
import type { OutLogState } from './out-log-parser';

const FLAVOURS: readonly LogFlavour[] = ['classic', 'classic-host', 'main', 'rank'];
const BLOCKS: readonly OutLogState['block'][] = ['none', 'model', 'params', 'traceback'];
const MAX_ERRORS = 20;

type Loose = Partial<Record<keyof OutLogState, unknown>>;

function readCount(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

function readNullableCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

function readNullableText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function readParams(value: unknown): Record<string, string> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const params: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string' && key !== '__proto__') params[key] = entry;
  }
  return params;
}

/**
 * Copies a state that has been through the database into a fresh, fully typed object. Fields that
 * are missing or of the wrong type fall back to their initial value, so an old or damaged state
 * degrades the parse instead of crashing it, and the caller's object is never mutated.
 */
export function restoreOutLogState(input: unknown): OutLogState {
  const loose: Loose = typeof input === 'object' && input !== null ? (input as Loose) : {};
  const errors = Array.isArray(loose.errors) ? loose.errors.filter((error): error is string => typeof error === 'string') : [];
  return {
    version: 1,
    linesConsumed: readCount(loose.linesConsumed),
    flavour: FLAVOURS.find((flavour) => flavour === loose.flavour) ?? null,
    block: BLOCKS.find((block) => block === loose.block) ?? 'none',
    expectWarningCode: loose.expectWarningCode === true,
    launches: readCount(loose.launches),
    errors: errors.slice(0, MAX_ERRORS),
    headerModel: readNullableText(loose.headerModel),
    headerGpus: readNullableCount(loose.headerGpus),
    throughputGpus: readNullableCount(loose.throughputGpus),
    params: readParams(loose.params),
    samplesPerEpoch: readNullableCount(loose.samplesPerEpoch),
    learnedGlobalBatch: readNullableCount(loose.learnedGlobalBatch),
    lastTrainEpoch: readNullableCount(loose.lastTrainEpoch),
    startedEpoch: readNullableCount(loose.startedEpoch),
  };
}

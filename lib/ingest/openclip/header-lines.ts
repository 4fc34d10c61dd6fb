/** What a prefixed header message (LOG_FORMATS section 3) says about the run. */
export type HeaderMessage =
  | { kind: 'launch'; gpus: number | null; isRankZero: boolean }
  | { kind: 'model-config'; model: string }
  | { kind: 'start-epoch'; epoch: number }
  | { kind: 'params-start' }
  | { kind: 'param'; key: string; value: string }
  | { kind: 'model-repr' };

const SINGLE_PROCESS = /^Running with a single process\./;
const MULTI_PROCESS = /^Running in (?:distributed|horovod) mode with multiple processes/;
const PROCESS_COUNTS = /Process \(global: (\d+), local \d+\), total (\d+)\./;
const MODEL_CONFIG = /^Loaded (?:built-in )?(.+?) model config\.\s*$/;
const START_EPOCH = /^Start epoch (\d+)\s*$/;
// `f"  {name}: {val}"`: two leading spaces; an empty value leaves `key: ` (or `key:` once trimmed).
const PARAM = /^ {2}([A-Za-z_][\w.-]*):(?: (.*))?$/s;
// `Model:` then the repr's first line (`CLIP(`, fork `model:AppleMobileCLIP(`); the rest is unprefixed.
const MODEL_REPR = /^(?:Model:|\S*\()\s*$/;

/** Recognises the header messages that change parser state; null for any other message. */
export function readHeaderMessage(message: string): HeaderMessage | null {
  if (SINGLE_PROCESS.test(message)) return { kind: 'launch', gpus: 1, isRankZero: true };
  if (MULTI_PROCESS.test(message)) {
    // Captures of every rank's stdout repeat this line per rank; only rank 0's starts a launch.
    const counts = PROCESS_COUNTS.exec(message);
    return counts
      ? { kind: 'launch', gpus: Number(counts[2]), isRankZero: counts[1] === '0' }
      : { kind: 'launch', gpus: null, isRankZero: true };
  }
  const modelConfig = MODEL_CONFIG.exec(message);
  if (modelConfig) return { kind: 'model-config', model: modelConfig[1] };
  const startEpoch = START_EPOCH.exec(message);
  if (startEpoch) return { kind: 'start-epoch', epoch: Number(startEpoch[1]) };
  if (message.trim() === 'Params:') return { kind: 'params-start' };
  const param = PARAM.exec(message);
  if (param && param[1] !== '__proto__') return { kind: 'param', key: param[1], value: param[2] ?? '' };
  if (MODEL_REPR.test(message)) return { kind: 'model-repr' };
  return null;
}

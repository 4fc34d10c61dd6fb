/**
 * Evaluation gaps, for OpenCLIP's epoch-based evaluations (LOG_FORMATS sections 5, 7, 8).
 *
 * `eval_missing`: open_clip evaluates after completed epoch E when `E % frequency == 0 or E == epochs`
 * (zero-shot: `--zeroshot-frequency` with `--imagenet-val`/`--imagenet-v2`; validation:
 * `--val-frequency` with `--val-data`). An evaluation is expected only once training has moved past
 * it (a train line of a later epoch exists, or the run ended after its last epoch), and only from the
 * first epoch this run trained, so a run resumed into a new folder is not blamed for the epochs before
 * it, and a resumed launch that re-logs an epoch changes nothing. Step-based evaluation (clipa_torch's
 * `--zeroshot-steps`, fractional eval epochs) and runs without those arguments are not judged.
 *
 * `eval_keys_changed`: within a family (zero-shot keys; other validation keys), the set of keys of
 * one evaluation differs from the previous one: a relaunch with other eval flags, or a crash mid-eval.
 * Families are judged apart because zero-shot and validation may run at different frequencies.
 */
import { isBookkeepingKey } from '@/lib/charts/metric-keys';
import { formatStep } from './format';
import type { DiagnosticFinding, EvalPoint, RunStatus } from './types';

type Family = 'zero-shot' | 'validation';

const FAMILY_LABEL: Record<Family, string> = { 'zero-shot': 'zero-shot', validation: 'validation' };
const MAX_LINES = 12;

export interface EvalContext {
  status: RunStatus;
  config: Readonly<Record<string, string>> | null;
  epochs: number | null;
  /** Fractional epochs (E + N/M) of the first and last train points; null without train points. */
  trainEpochs: { first: number; last: number } | null;
  stepsPerEpoch: number | null;
}

function familyOf(key: string): Family | null {
  if (!key.startsWith('val/') || isBookkeepingKey(key)) return null;
  return /zero[-_]?shot/i.test(key) ? 'zero-shot' : 'validation';
}

function setting(config: EvalContext['config'], key: string): string | null {
  const value = config?.[key]?.trim();
  return value && value !== 'None' ? value : null;
}

/** The frequency open_clip evaluates a family at, or null when the run's arguments do not say it evaluates it by epoch. */
function frequencyOf(family: Family, config: EvalContext['config']): number | null {
  if (setting(config, family === 'zero-shot' ? 'zeroshot_steps' : 'val_steps') !== null) return null;
  const data = family === 'zero-shot' ? setting(config, 'imagenet_val') ?? setting(config, 'imagenet_v2') : setting(config, 'val_data');
  const frequency = Number(setting(config, family === 'zero-shot' ? 'zeroshot_frequency' : 'val_frequency'));
  return data !== null && Number.isInteger(frequency) && frequency > 0 ? frequency : null;
}

function expectedEpochs(context: EvalContext, frequency: number): number[] {
  const { trainEpochs, epochs } = context;
  if (!trainEpochs) return [];
  const expected: number[] = [];
  const last = Math.max(trainEpochs.last, trainEpochs.first);
  const ended = context.status !== 'running';
  for (let epoch = Math.floor(trainEpochs.first) + 1; epoch <= Math.ceil(last); epoch += 1) {
    const isFinal = epochs !== null && epoch === epochs;
    if (epoch % frequency !== 0 && !isFinal) continue;
    const movedOn = last > epoch;
    const finishedFinal = ended && isFinal && last >= epoch - 1e-9;
    if (movedOn || finishedFinal) expected.push(epoch);
  }
  return expected;
}

export function diagnoseMissingEvals(points: readonly EvalPoint[], context: EvalContext): DiagnosticFinding | null {
  const lines: string[] = [];
  const missingEpochs: number[] = [];
  let metric: string | undefined;
  for (const family of ['zero-shot', 'validation'] as const) {
    const frequency = frequencyOf(family, context.config);
    if (frequency === null) continue;
    const familyPoints = points.filter((point) => familyOf(point.key) === family);
    if (familyPoints.some((point) => point.epoch !== null && !Number.isInteger(point.epoch))) continue;
    const seen = new Set(familyPoints.flatMap((point) => (point.epoch !== null ? [point.epoch] : [])));
    const missing = expectedEpochs(context, frequency).filter((epoch) => !seen.has(epoch));
    if (missing.length === 0) continue;
    metric ??= family === 'zero-shot' ? 'val/imagenet-zeroshot-val-top1' : familyPoints.map((point) => point.key).sort()[0] ?? 'val/clip_val_loss';
    missingEpochs.push(...missing);
    const every = frequency === 1 ? 'every epoch' : `every ${frequency} epochs`;
    for (const epoch of missing) lines.push(`epoch ${epoch}: no ${FAMILY_LABEL[family]} evaluation (expected ${every}${context.epochs === epoch ? ' and after the last epoch' : ''})`);
  }
  if (missingEpochs.length === 0) return null;
  const first = Math.min(...missingEpochs);
  const last = Math.max(...missingEpochs);
  const spe = context.stepsPerEpoch;
  return {
    code: 'eval_missing',
    severity: 'medium',
    summary: `${lines.length} expected ${lines.length === 1 ? 'evaluation is' : 'evaluations are'} missing: ${lines.slice(0, 3).map((line) => line.split(' (')[0]).join('; ')}${lines.length > 3 ? '; …' : ''}.`,
    evidence: {
      metric,
      fromStep: spe ? Math.max(0, Math.round((first - 1) * spe)) : undefined,
      toStep: spe ? Math.round((last + 1) * spe) : undefined,
      lines: lines.slice(0, MAX_LINES),
      values: { missing: lines.length, firstMissingEpoch: first },
    },
    suggestion:
      'Look in out.log after the end of those epochs for an error during evaluation (a missing ImageNet folder, out of memory, a crash); check --zeroshot-frequency and --val-frequency; if the metrics are only in checkpoints/results.jsonl, upload it.',
  };
}

interface EvalEvent {
  step: number;
  epoch: number | null;
  keys: Set<string>;
}

function describeEvent(event: EvalEvent): string {
  return event.epoch !== null ? `epoch ${Number(event.epoch.toFixed(4))} (step ${formatStep(event.step)})` : `step ${formatStep(event.step)}`;
}

function listKeys(keys: readonly string[]): string {
  const names = keys.map((key) => key.slice('val/'.length));
  return names.length <= 4 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

export function diagnoseEvalKeyChanges(points: readonly EvalPoint[]): DiagnosticFinding | null {
  const changes: { line: string; from: EvalEvent; to: EvalEvent; key: string }[] = [];
  for (const family of ['zero-shot', 'validation'] as const) {
    const events = new Map<number, EvalEvent>();
    for (const point of points) {
      if (familyOf(point.key) !== family) continue;
      const event = events.get(point.step) ?? { step: point.step, epoch: point.epoch, keys: new Set<string>() };
      event.keys.add(point.key);
      events.set(point.step, event);
    }
    const ordered = [...events.values()].sort((a, b) => a.step - b.step);
    for (let index = 1; index < ordered.length; index += 1) {
      const previous = ordered[index - 1]!;
      const current = ordered[index]!;
      const stopped = [...previous.keys].filter((key) => !current.keys.has(key)).sort();
      const started = [...current.keys].filter((key) => !previous.keys.has(key)).sort();
      if (stopped.length > 0) changes.push({ line: `${describeEvent(current)}: ${FAMILY_LABEL[family]} keys no longer logged: ${listKeys(stopped)}`, from: previous, to: current, key: stopped[0]! });
      if (started.length > 0) changes.push({ line: `${describeEvent(current)}: new ${FAMILY_LABEL[family]} keys: ${listKeys(started)}`, from: previous, to: current, key: started[0]! });
    }
  }
  if (changes.length === 0) return null;
  changes.sort((a, b) => a.to.step - b.to.step);
  const first = changes[0]!;
  return {
    code: 'eval_keys_changed',
    severity: 'low',
    summary: `The evaluation metrics changed mid-run: ${first.line}${changes.length > 1 ? ` (and ${changes.length - 1} more ${changes.length === 2 ? 'change' : 'changes'})` : ''}.`,
    evidence: {
      metric: first.key,
      fromStep: first.from.step,
      toStep: first.to.step,
      lines: changes.slice(0, MAX_LINES).map((change) => change.line),
      values: { changes: changes.length },
    },
    suggestion:
      'A relaunch or resume with different --val-data, --imagenet-val or --imagenet-v2 changes which metrics exist; compare the Params blocks of the launches in out.log (params.txt keeps only the last one).',
  };
}

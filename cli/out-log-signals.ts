/**
 * Reads, from the out.log bytes streaming past, the few facts finish detection needs: the planned
 * epochs and whether eval data was configured (the latest `Params:` block, LOG_FORMATS section 3),
 * the highest `Eval Epoch: E` summary line (section 5) and the last epoch whose train lines reached
 * 100% (section 4). Progress lines (`Eval Epoch: E [n / m]`) are not summaries and are ignored.
 */
import type { ByteObserver } from './file-follower';

const PARAM_LINE = /\| {3}([A-Za-z_][\w.-]*): (.*?)\r?$/;
const EVAL_SUMMARY = /Eval Epoch: (\d+) (?!\[)[^\s:]+: /;
const TRAIN_COMPLETE = /Train Epoch: (\d+) \[\s*\d+\/\d+ \(100%\)\]/;
const EVAL_DATA_KEYS = ['imagenet_val', 'imagenet_v2', 'val_data'];

export interface FinishSignals {
  expectedEpochs: number | null;
  /** True when the run has eval data (so a final `Eval Epoch` line will come), null when unknown. */
  evaluates: boolean | null;
  lastEvalEpoch: number | null;
  /** Highest 0-based epoch whose `(100%)` train line was seen. */
  lastCompletedTrainEpoch: number | null;
}

export class OutLogSignals implements ByteObserver {
  readonly signals: FinishSignals = { expectedEpochs: null, evaluates: null, lastEvalEpoch: null, lastCompletedTrainEpoch: null };
  private readonly params: Record<string, string> = {};
  private seenTo = 0;
  private partial = '';
  private decoder = new TextDecoder();

  startSegment(): void {
    this.seenTo = 0;
    this.partial = '';
    this.decoder = new TextDecoder();
  }

  push(fileOffset: number, bytes: Uint8Array): void {
    const end = fileOffset + bytes.length;
    if (end <= this.seenTo) return;
    if (fileOffset > this.seenTo) this.partial = '';
    const text = this.partial + this.decoder.decode(bytes.subarray(Math.max(0, this.seenTo - fileOffset)), { stream: true });
    this.seenTo = end;
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.readLine(line);
  }

  /** params.txt says the same as the `Params:` block; whichever arrives later wins. */
  applyParams(params: Record<string, string>): void {
    for (const [key, value] of Object.entries(params)) this.setParam(key, value);
  }

  private readLine(line: string): void {
    const param = PARAM_LINE.exec(line);
    if (param) return this.setParam(param[1]!, param[2]!);
    const evaluation = EVAL_SUMMARY.exec(line);
    if (evaluation) this.signals.lastEvalEpoch = Math.max(this.signals.lastEvalEpoch ?? 0, Number(evaluation[1]));
    const train = TRAIN_COMPLETE.exec(line);
    if (train) this.signals.lastCompletedTrainEpoch = Math.max(this.signals.lastCompletedTrainEpoch ?? 0, Number(train[1]));
  }

  private setParam(key: string, value: string): void {
    if (key === 'epochs') {
      const epochs = Number(value.trim());
      if (Number.isInteger(epochs) && epochs > 0) this.signals.expectedEpochs = epochs;
    }
    if (!EVAL_DATA_KEYS.includes(key)) return;
    this.params[key] = value.trim();
    this.signals.evaluates = EVAL_DATA_KEYS.some((name) => this.params[name] !== undefined && !['', 'None'].includes(this.params[name]!));
  }
}

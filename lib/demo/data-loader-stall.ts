/**
 * Turns part of a classic OpenCLIP out.log (as openclip-run-writer.ts writes it) into a data-loader
 * stall: on the train lines of one epoch between two percentages, every step waits `extraSeconds`
 * longer for data. As in open_clip's train loop, the wait is part of the step, so `Data (t)` and
 * `Batch (t)` both grow by it and the samples/s (all GPUs and per GPU) fall in proportion. Other lines
 * are kept byte for byte.
 */
import { formatAlternateG, formatFixed } from './python-format';

export interface DataLoaderStall {
  /** 0-based epoch whose lines stall. */
  epoch: number;
  /** Percent of the epoch (as the line prints it) where the stall starts and ends, inclusive. */
  fromPercent: number;
  toPercent: number;
  extraSeconds: number;
}

const TRAIN_LINE =
  /^(.* \| Train Epoch: (\d+) \[\s*\d+\/\d+ \((\d+)%\)\] Data \(t\): )([\d.]+)( Batch \(t\): )([\d.]+), ([\d.e+]+)\/s, ([\d.e+]+)\/s\/gpu(.*)$/;

export function injectDataLoaderStall(outLog: string, stall: DataLoaderStall): string {
  return outLog
    .split('\n')
    .map((line) => {
      const match = TRAIN_LINE.exec(line);
      if (!match) return line;
      const [, head, epoch, percent, data, middle, batch, perSecond, perGpu, tail] = match;
      if (Number(epoch) !== stall.epoch || Number(percent) < stall.fromPercent || Number(percent) > stall.toPercent) return line;
      const batchTime = Number(batch);
      const slowed = batchTime + stall.extraSeconds;
      const factor = batchTime / slowed;
      return (
        `${head}${formatFixed(Number(data) + stall.extraSeconds, 3)}${middle}${formatFixed(slowed, 3)}, ` +
        `${formatAlternateG(Number(perSecond) * factor)}/s, ${formatAlternateG(Number(perGpu) * factor)}/s/gpu${tail}`
      );
    })
    .join('\n');
}

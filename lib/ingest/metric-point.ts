/** One value of one metric at one optimizer step, as every importer hands it to the store. */
export interface MetricPointInput {
  /** Canonical, TensorBoard-style key such as `train/loss` or `val/imagenet-zeroshot-val-top1`. */
  key: string;
  /** Integer global optimizer step (>= 0); (key, step) is the point's identity in the store. */
  step: number;
  /** Fractional epoch where known (train: E + N/M; eval: E as logged). */
  epoch: number | null;
  /** Samples seen by the model at that point, summed over all GPUs. */
  samplesSeen: number | null;
  /** Milliseconds since the Unix epoch; OpenCLIP's naive local timestamps are read as UTC. */
  wallTime: number | null;
  /** As logged; NaN, Infinity and -Infinity are legitimate values (diverged runs). */
  value: number;
}

/** A line the parser could not use, reported back to the uploader. */
export interface UnparsedLine {
  /** 1-based physical line number in the file. */
  line: number;
  /** The line, cut to 300 characters. */
  text: string;
  reason: string;
}

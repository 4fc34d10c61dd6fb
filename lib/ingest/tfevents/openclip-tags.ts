/** Which axis a TensorBoard tag's step counts. */
export type TagStepAxis = 'global-step' | 'epoch';

export interface MetricKeyForTag {
  key: string;
  axis: TagStepAxis;
}

/** Tags OpenCLIP renamed or misspelled across releases (LOG_FORMATS.md section 10). */
const RENAMED_TAGS: Readonly<Record<string, string>> = {
  'train/scale': 'train/logit_scale',
  'train/samples_per_scond': 'train/samples_per_second',
};

/** `val/epoch` and `val/num_samples` describe the evaluation itself; they are not metrics. */
const DROPPED_TAGS: ReadonlySet<string> = new Set(['val/epoch', 'val/num_samples']);

/**
 * Maps a TensorBoard tag to the metric key the out.log parser uses for the same quantity, so a run
 * ingested from both sources has one series per metric. Returns null for tags that are not metrics.
 *
 * OpenCLIP logs every `train/*` tag at the global step and every `val/*` tag at the completed epoch,
 * hence the axis (it only moves points once the run's OpenCLIP batch geometry is known). `train/data_time` and `train/batch_time` keep their out.log keys although
 * TensorBoard gets the window's last value where out.log prints the window mean: the issue asks for
 * the same keys, the two differ only in smoothing, and a separate key would split one chart into
 * two. When both files of a run are ingested, the last upload wins for a step. Tags of other writers
 * (HF Trainer, TF2, CatBoost) pass through unchanged on the global-step axis.
 */
export function mapTensorboardTag(tag: string): MetricKeyForTag | null {
  if (DROPPED_TAGS.has(tag)) return null;
  const key = RENAMED_TAGS[tag] ?? tag;
  return { key, axis: key.startsWith('val/') ? 'epoch' : 'global-step' };
}

/**
 * What kind of quantity a metric key holds, judged from its name alone (OpenCLIP's TensorBoard / W&B
 * names, see LOG_FORMATS.md section 10). Accuracies and recalls arrive as fractions (0.632) and are
 * shown as percent; everything else is drawn as logged.
 */
const FRACTION_SUFFIX = /(^|[/_-])(top\d+|acc\d*|accuracy|R@\d+|recall@\d+)$/i;

/** Zero-shot accuracy and retrieval recall keys: fractions in [0, 1] that the UI shows as percent. */
export function isFractionMetricKey(key: string): boolean {
  return FRACTION_SUFFIX.test(key);
}

export function isTrainLossKey(key: string): boolean {
  return /^train\/(.+_)?loss(_epoch_avg)?$/.test(key);
}

export function isZeroShotKey(key: string): boolean {
  return key.startsWith('val/') && (/zero[-_]?shot/i.test(key) || /(top\d+|acc\d*|accuracy)$/i.test(key)) && !isRecallKey(key);
}

export function isRecallKey(key: string): boolean {
  return key.startsWith('val/') && /(R@\d+|recall@\d+)$/i.test(key);
}

export function isRankKey(key: string): boolean {
  return key.startsWith('val/') && /rank$/i.test(key);
}

export function isValLossKey(key: string): boolean {
  return key.startsWith('val/') && /loss$/i.test(key);
}

/** `val/epoch` and `val/num_samples` only restate where the evaluation happened; they are not results. */
export function isBookkeepingKey(key: string): boolean {
  return key === 'val/epoch' || key === 'val/num_samples';
}

/** What the UI calls each diagnostic: short badge labels and a sentence for titles. */
import type { DiagnosticCode, Severity } from './types';

export const DIAGNOSTIC_LABELS: Record<DiagnosticCode, { label: string; title: string }> = {
  config_mismatch: { label: 'config mismatch', title: 'The config differs from the reported result the run is linked to' },
  loss_non_finite: { label: 'NaN loss', title: 'The loss was logged as NaN or infinite' },
  loss_spike: { label: 'loss spike', title: 'The loss jumped well above its running median' },
  logit_scale_pinned: { label: 'logit scale pinned', title: 'The logit scale sat at its clamp early in training' },
  data_bottleneck: { label: 'data bottleneck', title: 'Steps waited for the data loader for a sustained stretch' },
  throughput_drop: { label: 'throughput drop', title: "Samples/s per GPU fell well below the run's own median" },
  throughput_below_peers: { label: 'slower than peers', title: 'Slower per GPU than other runs of the same model and GPU count' },
  stalled: { label: 'stalled', title: 'Running, but no data or heartbeat for longer than the project limit' },
  eval_missing: { label: 'missing evals', title: 'Expected evaluations are missing' },
  eval_keys_changed: { label: 'eval keys changed', title: 'The evaluation metrics changed mid-run' },
};

export const SEVERITY_LABELS: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };

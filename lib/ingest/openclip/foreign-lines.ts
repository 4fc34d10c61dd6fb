/** How an unprefixed line outside any multi-line record is understood. */
export type ForeignLine = 'noise' | 'python-warning' | 'traceback-start';

// Foreign output seen in out.log and stdout captures (LOG_FORMATS sections 6 and 12.6).
const NOISE_PATTERNS: readonly RegExp[] = [
  /^\s*```/, // Markdown code fence around a pasted log
  /Handling webdataset error/,
  /remote sync (?:successful|failed)/i,
  /store_based_barrier_key|store-based barrier/,
  /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d{6}\s+\d+ \S+:\d+\] /, // absl-style torch / JAX lines
  /^nohup: ignoring input/,
  /^\s*\^C/,
  /^KeyboardInterrupt\s*$/,
  /\d{1,3}%\|/, // tqdm bar `100%|██████████| 100/100 [00:12<00:00,  8.00it/s]`
  /\|\s*\d+\/\d+ \[\d/,
  /^\*{5,}\s*$/, // torchrun banner around the OMP_NUM_THREADS notice
  /Setting OMP_NUM_THREADS/,
  /^WARNING:torch\.distributed/,
  /^wandb: /,
];

// `warnings.showwarning` format: `path.py:48: FutureWarning: text`, then the source line indented.
const PYTHON_WARNING = /^\S.{0,500}?:\d+: [A-Za-z]{0,40}Warning: /;
// `^C` is echoed right before the KeyboardInterrupt traceback, on the same line.
const TRACEBACK_START = /^(?:\^C)?Traceback \(most recent call last\):/;

/** Classifies a foreign line; null when it matches nothing known. */
export function recognizeForeignLine(text: string): ForeignLine | null {
  if (TRACEBACK_START.test(text)) return 'traceback-start';
  if (PYTHON_WARNING.test(text)) return 'python-warning';
  return NOISE_PATTERNS.some((pattern) => pattern.test(text)) ? 'noise' : null;
}

/** True for a Python warning header, whose next line repeats the offending source line. */
export function isPythonWarning(text: string): boolean {
  return PYTHON_WARNING.test(text);
}

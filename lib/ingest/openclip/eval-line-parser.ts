import { LOGGED_NUMBER_SOURCE, parseLoggedNumber } from '../logged-number';

export type EvalLineParse =
  | { kind: 'progress' }
  | { kind: 'summary'; epoch: number; metrics: Map<string, number> }
  | { kind: 'invalid'; reason: string };

const MARKER = 'Eval Epoch: ';
const EPOCH = /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?=[\s[]|$)/;
const PROGRESS = /^\s*\[\s*\d+ \/ \d+\]/;
// Keys have no spaces (`image_to_text_R@1`, `imagenet-zeroshot-val-top1`); TABs may be lost in pastes.
const METRIC_PAIR = new RegExp(String.raw`(?:^|\s)([^\s:]+): (${LOGGED_NUMBER_SOURCE})`, 'g');

/** Bookkeeping fields of the summary, not metrics (`num_elements` is the 2021 name). */
export const EVAL_BOOKKEEPING_KEYS: ReadonlySet<string> = new Set(['epoch', 'num_samples', 'num_elements']);

/**
 * Parses an `Eval Epoch:` record (LOG_FORMATS section 5): progress lines `Eval Epoch: E [a / b]…`
 * carry no final metrics; the summary `Eval Epoch: E k: v<TAB>k: v…` yields every `k: v` pair except
 * the bookkeeping keys. E may be fractional (clipa_torch). Returns null without `Eval Epoch: `.
 */
export function parseEvalLine(text: string): EvalLineParse | null {
  const start = text.indexOf(MARKER);
  if (start < 0) return null;
  const rest = text.slice(start + MARKER.length);
  const epochMatch = EPOCH.exec(rest);
  if (!epochMatch) return { kind: 'invalid', reason: 'eval line without a numeric epoch' };
  const epoch = Number(epochMatch[1]);
  if (!Number.isFinite(epoch)) return { kind: 'invalid', reason: 'eval line with an epoch out of range' };
  const body = rest.slice(epochMatch[0].length);
  if (PROGRESS.test(body)) return { kind: 'progress' };
  const metrics = new Map<string, number>();
  for (const match of body.matchAll(METRIC_PAIR)) {
    const value = parseLoggedNumber(match[2]);
    if (value !== null && !EVAL_BOOKKEEPING_KEYS.has(match[1])) metrics.set(match[1], value);
  }
  return { kind: 'summary', epoch, metrics };
}

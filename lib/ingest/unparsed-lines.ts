import type { UnparsedLine } from './metric-point';

const MAX_TEXT_LENGTH = 300;

export interface UnparsedCollector {
  add(line: number, text: string, reason: string): void;
  /** The first `limit` lines added. */
  readonly lines: UnparsedLine[];
  /** Every line added, also those beyond `limit`. */
  count(): number;
}

/**
 * Keeps the first `limit` unparsed lines and counts all of them, so a file with a million foreign
 * lines still yields a small report with an exact total.
 */
export function createUnparsedCollector(limit = Infinity): UnparsedCollector {
  const lines: UnparsedLine[] = [];
  let total = 0;
  return {
    lines,
    add(line, text, reason) {
      total += 1;
      if (lines.length < limit) lines.push({ line, text: text.slice(0, MAX_TEXT_LENGTH), reason });
    },
    count: () => total,
  };
}

import { parseNonFiniteJson } from './non-finite-json';
import { splitTextLines } from './split-lines';
import type { UnparsedCollector } from './unparsed-lines';

const MAX_LINE_CHARS = 1024 * 1024;

/**
 * Walks a JSON-lines file (results.jsonl, big_vision_metrics.txt) object by object. Python writes
 * bare NaN/Infinity, so lines are read NaN-tolerantly; a line that is not one JSON object is
 * reported to `unparsed` with its 1-based line number and the walk goes on.
 */
export function forEachJsonObjectLine(
  text: string,
  unparsed: UnparsedCollector,
  visit: (record: Record<string, unknown>, lineNumber: number, line: string) => void,
): void {
  splitTextLines(text).forEach((line, index) => {
    if (line.trim() === '') return;
    if (line.length > MAX_LINE_CHARS) return unparsed.add(index + 1, line, 'line longer than 1 MiB');
    let row: unknown;
    try {
      row = parseNonFiniteJson(line);
    } catch {
      return unparsed.add(index + 1, line, 'not valid JSON');
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return unparsed.add(index + 1, line, 'not a JSON object');
    visit(row as Record<string, unknown>, index + 1, line);
  });
}

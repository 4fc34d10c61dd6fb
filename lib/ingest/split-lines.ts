/**
 * Splits file text into physical lines: `\n` or `\r\n` end a line, a final newline does not start an
 * empty line. Bare `\r` (tqdm progress updates) stays inside its line for the line parser to handle.
 */
export function splitTextLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/**
 * Counts the lines of raw upload bytes the way the out.log reader splits them: `\n`, `\r\n` and a
 * bare `\r` (a tqdm progress update) each end a line, and a last line without an ending counts too.
 * Bytes, not text, so a limit can be checked before anything is decoded; counting stops once it
 * passes `stopAbove`, so a huge chunk costs no more than the limit it breaks.
 */
export function countLines(bytes: Uint8Array, stopAbove = Infinity): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let breaks = 0;
  for (let at = buffer.indexOf(0x0a); at !== -1 && breaks <= stopAbove; at = buffer.indexOf(0x0a, at + 1)) breaks += 1;
  for (let at = buffer.indexOf(0x0d); at !== -1 && breaks <= stopAbove; at = buffer.indexOf(0x0d, at + 1)) {
    if (buffer[at + 1] !== 0x0a) breaks += 1;
  }
  const last = buffer[buffer.length - 1];
  return breaks + (last === undefined || last === 0x0a || last === 0x0d ? 0 : 1);
}

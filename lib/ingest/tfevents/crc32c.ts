/** CRC-32C (Castagnoli, reflected polynomial 0x82f63b78): the checksum TFRecord framing uses. */
const CRC32C_TABLE = buildTable();

function buildTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
    table[byte] = crc >>> 0;
  }
  return table;
}

/** CRC-32C of bytes[start, end), one table lookup per byte; fast enough for log-sized uploads. */
export function computeCrc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffffffff;
  for (let index = start; index < end; index++) crc = CRC32C_TABLE[(crc ^ bytes[index]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * TFRecord stores CRCs masked (rotated right by 15 and offset), because a CRC computed over data that
 * itself embeds CRCs is weak; the mask is TensorFlow's `crc32c::Mask`.
 */
export function maskCrc32c(crc: number): number {
  return (((crc >>> 15) | (crc << 17)) + 0xa282ead8) >>> 0;
}

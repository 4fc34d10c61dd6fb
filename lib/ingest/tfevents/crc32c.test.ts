import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { computeCrc32c, maskCrc32c } from './crc32c';
import { TFEVENTS_FIXTURES } from './tfevents-test-helpers';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('computeCrc32c', () => {
  it('matches the standard check value and the RFC 3720 (iSCSI) test vectors', () => {
    expect(computeCrc32c(ascii('123456789'))).toBe(0xe3069283);
    expect(computeCrc32c(new Uint8Array(32))).toBe(0x8a9136aa);
    expect(computeCrc32c(new Uint8Array(32).fill(0xff))).toBe(0x62a8ab43);
    expect(computeCrc32c(Uint8Array.from({ length: 32 }, (_, index) => index))).toBe(0x46dd794e);
    expect(computeCrc32c(new Uint8Array(0))).toBe(0);
  });

  it('checks a sub-range without copying', () => {
    const bytes = ascii('xx123456789yy');
    expect(computeCrc32c(bytes, 2, 11)).toBe(0xe3069283);
  });
});

describe('maskCrc32c', () => {
  it('applies TensorFlow masking: rotate right by 15, add 0xa282ead8, modulo 2^32', () => {
    expect(maskCrc32c(0)).toBe(0xa282ead8);
    expect(maskCrc32c(0xe3069283)).toBe((((0xe3069283 >>> 15) | (0xe3069283 << 17)) + 0xa282ead8) >>> 0);
  });

  it('reproduces the masked length CRC stored in a real event file', () => {
    const file = readFileSync(path.join(TFEVENTS_FIXTURES, 'dfalbel__tfevents-js/src____tests____assets__events.out.tfevents.1687811641.v2'));
    expect(maskCrc32c(computeCrc32c(file, 0, 8))).toBe(file.readUInt32LE(8));
  });
});

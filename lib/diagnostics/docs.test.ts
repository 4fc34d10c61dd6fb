import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { THRESHOLD_NAMES, THRESHOLD_SPECS } from './thresholds';
import { DIAGNOSTIC_CODES } from './types';

const doc = readFileSync(new URL('../../docs/DIAGNOSTICS.md', import.meta.url), 'utf8');

describe('docs/DIAGNOSTICS.md', () => {
  it('documents every threshold with its default, range and reason as the code has them', () => {
    for (const name of THRESHOLD_NAMES) {
      const spec = THRESHOLD_SPECS[name];
      expect(doc, name).toContain(`| \`${name}\` | ${spec.default} | ${spec.unit} | ${spec.min}–${spec.max} | ${spec.reason} |`);
    }
  });

  it('describes every diagnostic code', () => {
    for (const code of DIAGNOSTIC_CODES) expect(doc, code).toContain(`| \`${code}\` |`);
  });
});

import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModelProfiles, loadReference, loadScalingLaws, ReferenceDataError } from './load-reference';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `git hash-object` of a file: the copies must stay byte-identical to the open_clip blobs named in the README. */
function gitBlobId(file: string): string {
  const content = readFileSync(file);
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

describe('loadReference', () => {
  it('returns the four papers and 87 + 121 results from the shipped folder', () => {
    const { papers, results } = loadReference(ROOT);
    expect(papers.map((paper) => paper.id)).toEqual(['clipa', 'clipa-v2', 'openclip', 'openclip-benchmarks']);
    expect(results).toHaveLength(87 + 121);
    const paperIds = new Set(papers.map((paper) => paper.id));
    expect(results.every((result) => paperIds.has(result.paperId))).toBe(true);
  });

  it('loads model profiles and scaling laws', () => {
    expect(loadModelProfiles(ROOT)).toHaveLength(85);
    expect(loadScalingLaws(ROOT)).toHaveLength(8);
  });

  it('ships the open_clip tables byte-for-byte (git blob ids from reference/openclip/README.md)', () => {
    expect(gitBlobId(path.join(ROOT, 'reference/openclip/openclip_results.csv'))).toBe('2a32aefd590dbf3c5445a29d08e16de09be48777');
    expect(gitBlobId(path.join(ROOT, 'reference/openclip/openclip_retrieval_results.csv'))).toBe('65055f2e6568c73615f9a38228b381abde7d5d49');
    expect(gitBlobId(path.join(ROOT, 'reference/openclip/model_profile.csv'))).toBe('b561623f54293be6c585c5caa7e645ccb91eee53');
  });

  it('throws with file, line and column when a shipped file is invalid', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'reproboard-reference-'));
    try {
      cpSync(path.join(ROOT, 'reference'), path.join(root, 'reference'), { recursive: true });
      const file = path.join(root, 'reference/clipa_reported.csv');
      const lines = readFileSync(file, 'utf8').split('\n');
      lines[2] = lines[2].replace(/^([^,]+),1,/, '$1,maybe,');
      writeFileSync(file, lines.join('\n'));
      expect(() => loadReference(root)).toThrow(ReferenceDataError);
      expect(() => loadReference(root)).toThrow(/reference\/clipa_reported\.csv:3:2 \(plot_primary\) plot_primary must be 0 or 1/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

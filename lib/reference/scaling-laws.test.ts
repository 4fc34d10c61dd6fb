import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScalingLaws, predictError } from './scaling-laws';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('parseScalingLaws', () => {
  const result = parseScalingLaws(readFileSync(path.join(ROOT, 'reference/scaling_laws.csv'), 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const laws = result.value;

  it('reads the 8 fits with printed and re-fit coefficients', () => {
    expect(laws).toHaveLength(8);
    const imagenet = laws.find((law) => law.modelFamily === 'OpenCLIP' && law.task === 'ImageNet-1k zero-shot classification');
    expect(imagenet).toMatchObject({ a: 5.86, alpha: -0.11, aRefit: 5.8581, alphaRefit: -0.11139, nModels: 29, sourceCommit: '652b1e7' });
    expect(imagenet?.computeUnit).toMatch(/^GMAC/);
    expect(imagenet?.errorMetric).toMatch(/fraction/);
  });

  it('reports a coefficient that is not a number', () => {
    const header = 'paper,source_repo,source_path,source_commit,source_location,model_family,task,error_metric,formula,A,alpha,compute_unit';
    expect(parseScalingLaws(`${header}\np,r,f,c,l,m,t,e,E = A * C^alpha,5.86,-0.1x,GMAC\n`)).toMatchObject({
      ok: false,
      errors: [{ line: 2, column: 11, columnName: 'alpha' }],
    });
  });

  it('predicts the error fraction from compute in GMACs', () => {
    expect(predictError({ a: 5.86, alpha: -0.11 }, 1e12)).toBeCloseTo(5.86 * 1e12 ** -0.11, 12);
  });
});

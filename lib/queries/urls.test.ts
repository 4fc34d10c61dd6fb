import { describe, expect, it } from 'vitest';
import { apiUrls, decodeRouteParam, pageUrls } from './urls';

const awkwardKey = 'sweep [lr=5e-4] "quoted" 50%/a';

describe('urls', () => {
  it('encodes run keys as one path segment', () => {
    expect(pageUrls.run('clipa', awkwardKey)).toBe('/projects/clipa/runs/sweep%20%5Blr%3D5e-4%5D%20%22quoted%22%2050%25%2Fa');
    expect(apiUrls.run('clipa', awkwardKey)).toBe('/api/v1/projects/clipa/runs/sweep%20%5Blr%3D5e-4%5D%20%22quoted%22%2050%25%2Fa');
  });

  it('puts metric keys in the query string', () => {
    expect(apiUrls.metrics('p', 'r', ['train/loss', 'val/image_to_text_R@1'], 1500)).toBe(
      '/api/v1/projects/p/runs/r/metrics?keys=train%2Floss%2Cval%2Fimage_to_text_R%401&maxPoints=1500',
    );
  });

  it('decodes a route segment once, and leaves an already decoded one alone', () => {
    expect(decodeRouteParam(encodeURIComponent(awkwardKey))).toBe(awkwardKey);
    expect(decodeRouteParam('50%')).toBe('50%');
  });
});

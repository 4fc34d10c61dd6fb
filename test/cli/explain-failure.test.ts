import { describe, expect, it } from 'vitest';
import { ReproboardApiError } from '@/lib/client/reproboard-client';
import { classifyFailure, isTransientFailure } from '@/cli/classify-failure';
import { explainFailure, explainFileFailure } from '@/cli/explain-failure';

const context = { server: 'http://box:3000', project: 'clip' };
const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });

describe('classifyFailure', () => {
  it('retries network errors, timeouts, 5xx and 429 only', () => {
    expect(isTransientFailure(refused)).toBe(true);
    expect(isTransientFailure(new DOMException('timed out', 'TimeoutError'))).toBe(true);
    expect(isTransientFailure(new ReproboardApiError(503, 'http_503', 'HTTP 503'))).toBe(true);
    expect(isTransientFailure(new ReproboardApiError(429, 'rate_limited', 'slow down'))).toBe(true);
    expect(isTransientFailure(new ReproboardApiError(401, 'unauthorized', 'authorization: …'))).toBe(false);
    expect(isTransientFailure(new ReproboardApiError(400, 'bad_request', 'body.x: …'))).toBe(false);
    expect(isTransientFailure(new DOMException('SIGINT', 'AbortError'))).toBe(false);
  });

  it('tells a missing project, run and route apart', () => {
    expect(classifyFailure(new ReproboardApiError(404, 'not_found', 'project: no project "x"'))).toBe('project-missing');
    expect(classifyFailure(new ReproboardApiError(404, 'not_found', 'run: no run "r" in project "x"'))).toBe('run-missing');
    expect(classifyFailure(new ReproboardApiError(404, 'http_404', 'HTTP 404 Not Found: <html>'))).toBe('route-missing');
    expect(classifyFailure(new ReproboardApiError(409, 'offset_gap', 'offset: …', { expectedOffset: 3 }))).toBe('offset-gap');
    expect(classifyFailure(new SyntaxError('Unexpected token <'))).toBe('not-reproboard');
  });
});

describe('explainFailure', () => {
  it('says what to do for each failure a lab will meet', () => {
    expect(explainFailure(refused, context)).toMatchObject({ message: 'server unreachable at http://box:3000 (ECONNREFUSED)', advice: expect.stringMatching(/is it running\? \(npm start\)/) });
    expect(explainFailure(new ReproboardApiError(401, 'unauthorized', 'authorization: the API key is unknown or revoked'), context).advice).toMatch(/check the key: REPROBOARD_KEY or --key/);
    expect(explainFailure(new ReproboardApiError(403, 'forbidden', 'authorization: …'), context).message).toMatch(/does not belong to project "clip"/);
    expect(explainFailure(new ReproboardApiError(404, 'not_found', 'project: no project "clip"'), context)).toMatchObject({
      message: 'project clip does not exist on http://box:3000',
      advice: expect.stringMatching(/create it in the UI/),
    });
    expect(explainFailure(new ReproboardApiError(500, 'internal', 'Internal server error'), context).message).toMatch(/keeps failing \(HTTP 500/);
  });

  it('names an unreadable file and why', () => {
    const error = explainFileFailure('/runs/a/out.log', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    expect(error.message).toBe('cannot read /runs/a/out.log: EACCES');
    expect(error.advice).toMatch(/permissions/);
  });
});

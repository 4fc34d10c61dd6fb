import { describe, expect, it } from 'vitest';
import { ReproboardApiError } from '@/lib/client/reproboard-client';
import { backoffDelay, classifyFailure, sleep, UPLOAD_RETRY_POLICY } from './upload-retry';

describe('classifyFailure', () => {
  it('moves the cursor on a 409 offset_gap with the expected offset', () => {
    const gap = new ReproboardApiError(409, 'offset_gap', 'offset: expected 4096', { expectedOffset: 4096 });
    expect(classifyFailure(gap)).toEqual({ action: 'move-cursor', offset: 4096 });
  });

  it('retries network errors, 5xx and 429, and gives up on client errors', () => {
    expect(classifyFailure(new TypeError('Failed to fetch'))).toEqual({ action: 'retry', reason: 'Failed to fetch' });
    expect(classifyFailure(new ReproboardApiError(503, 'internal', 'down'))).toMatchObject({ action: 'retry' });
    expect(classifyFailure(new ReproboardApiError(429, 'rate_limited', 'slow down'))).toMatchObject({ action: 'retry' });
    for (const status of [400, 401, 403, 404, 413]) expect(classifyFailure(new ReproboardApiError(status, 'x', 'no'))).toEqual({ action: 'fail' });
    expect(classifyFailure(new ReproboardApiError(409, 'conflict', 'other'))).toEqual({ action: 'fail' });
  });

  it('stops at once when the user cancels', () => {
    expect(classifyFailure(new DOMException('cancelled', 'AbortError'))).toEqual({ action: 'abort' });
  });
});

describe('backoff', () => {
  it('doubles up to the cap, half of each delay random', () => {
    expect([0, 1, 2, 10].map((attempt) => backoffDelay(attempt, UPLOAD_RETRY_POLICY, () => 0))).toEqual([250, 500, 1000, 4000]);
    expect(backoffDelay(10, UPLOAD_RETRY_POLICY, () => 1)).toBe(8000);
  });

  it('sleep rejects with an AbortError when aborted', async () => {
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});

import { describe, expect, it } from 'vitest';
import { classifyResponse, DEFAULT_RETRY_POLICY, nextRetryDelay } from './retry-policy';

describe('classifyResponse', () => {
  it('delivers on 2xx, retries temporary failures and gives up on other refusals', () => {
    expect(classifyResponse(200)).toEqual({ kind: 'delivered' });
    expect(classifyResponse(204)).toEqual({ kind: 'delivered' });
    expect(classifyResponse(500, 'boom')).toEqual({ kind: 'retry', error: 'HTTP 500: boom' });
    expect(classifyResponse(503)).toEqual({ kind: 'retry', error: 'HTTP 503' });
    expect(classifyResponse(429).kind).toBe('retry');
    expect(classifyResponse(408).kind).toBe('retry');
    expect(classifyResponse(404, 'no_service')).toEqual({ kind: 'give_up', error: 'HTTP 404: no_service' });
    expect(classifyResponse(400).kind).toBe('give_up');
  });
});

describe('nextRetryDelay', () => {
  it('doubles from the base, caps the delay, and stops after the last attempt', () => {
    const delays = Array.from({ length: 8 }, (_, index) => nextRetryDelay(index + 1, DEFAULT_RETRY_POLICY));
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, null]);
    expect(nextRetryDelay(3, { maxAttempts: 10, baseMs: 1000, maxMs: 3000 })).toBe(3000);
  });
});

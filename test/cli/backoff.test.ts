import { describe, expect, it } from 'vitest';
import { computeBackoffDelay, retryWithBackoff, sleep, type RetryPolicy } from '@/cli/backoff';

const policy: RetryPolicy = { baseMs: 100, maxMs: 1_000, maxAttempts: 5 };

describe('computeBackoffDelay', () => {
  it('doubles up to the cap, with half of each delay random', () => {
    expect([0, 1, 2, 3, 4, 10].map((attempt) => computeBackoffDelay(attempt, policy, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([0, 1, 2, 3, 4, 10].map((attempt) => computeBackoffDelay(attempt, policy, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('stays finite for very many attempts (watch retries forever)', () => {
    expect(computeBackoffDelay(5000, { ...policy, maxAttempts: Infinity }, () => 0.5)).toBe(750);
  });
});

describe('retryWithBackoff', () => {
  const noWait = async () => {};

  it('retries transient failures and returns the first success', async () => {
    let calls = 0;
    const delays: number[] = [];
    const result = await retryWithBackoff(
      async () => {
        calls += 1;
        if (calls < 3) throw new Error('transient');
        return 'ok';
      },
      { policy, isRetryable: () => true, wait: noWait, random: () => 0, onRetry: (_error, _attempt, delay) => delays.push(delay) },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(delays).toEqual([50, 100]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    let calls = 0;
    await expect(
      retryWithBackoff(async () => {
        calls += 1;
        throw new Error(`failure ${calls}`);
      }, { policy, isRetryable: () => true, wait: noWait }),
    ).rejects.toThrow('failure 5');
    expect(calls).toBe(5);
  });

  it('does not retry a failure that is not transient', async () => {
    let calls = 0;
    await expect(
      retryWithBackoff(async () => {
        calls += 1;
        throw new Error('bad key');
      }, { policy, isRetryable: () => false, wait: noWait }),
    ).rejects.toThrow('bad key');
    expect(calls).toBe(1);
  });

  it('stops waiting as soon as it is aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = retryWithBackoff(async () => {
      throw new Error('down');
    }, { policy: { baseMs: 60_000, maxMs: 60_000, maxAttempts: Infinity }, isRetryable: () => true, signal: controller.signal });
    setTimeout(() => controller.abort(new DOMException('SIGINT', 'AbortError')), 20);
    await expect(pending).rejects.toThrow('SIGINT');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('sleep resolves after the delay', async () => {
    const started = Date.now();
    await sleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});

/**
 * Sends pending webhook deliveries. Every app process runs one (started from instrumentation.ts); they
 * share the queue through the database, where a claim is one conditional UPDATE
 * (lib/db/webhook-deliveries.ts), so two processes never send one delivery at once.
 *
 * Each tick: sweep for stalled runs (at most every `sweepEveryMs`), claim up to `batchSize` due
 * deliveries, POST them in parallel with a timeout, then record delivered / retry later / failed
 * (retry-policy.ts). Ticks run every `pollMs` and right away when an alert is raised in this process
 * (delivery-kick.ts); they never run inside a request, so a slow or dead receiver cannot slow ingestion.
 */
import type { Db } from '@/lib/db/client';
import { sweepStalledRuns } from '@/lib/db/run-alerts';
import { claimDueDeliveries, markDelivered, markFailed, scheduleRetry, type ClaimedDelivery } from '@/lib/db/webhook-deliveries';
import { currentDeliveryKick, registerDeliveryKick } from './delivery-kick';
import { classifyResponse, nextRetryDelay, type RetryPolicy, type SendOutcome } from './retry-policy';
import { renderWebhookBody } from './webhook-body';

export interface DeliveryWorkerOptions {
  db: () => Db;
  pollMs: number;
  timeoutMs: number;
  retry: RetryPolicy;
  /** Prefix of the links in alerts (REPROBOARD_PUBLIC_URL); null leaves them out. */
  publicUrl: string | null;
  batchSize?: number;
  /** 0 turns the stalled-run sweep off. */
  sweepEveryMs?: number;
  now?: () => Date;
}

export interface TickResult {
  delivered: number;
  retried: number;
  failed: number;
  stalledRaised: number;
}

const USER_AGENT = 'Reproboard-Webhook/1';

export class DeliveryWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<TickResult> | null = null;
  private again = false;
  private lastSweep = 0;
  private readonly kick = () => void this.tickSoon();

  constructor(private readonly options: DeliveryWorkerOptions) {}

  /** Polls until stopped and answers this process's kicks. */
  start(): this {
    if (this.timer) return this;
    registerDeliveryKick(this.kick);
    this.timer = setInterval(() => void this.tickSoon(), this.options.pollMs);
    this.timer.unref();
    void this.tickSoon();
    return this;
  }

  /** Stops polling and waits for the tick in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (currentDeliveryKick() === this.kick) registerDeliveryKick(undefined);
    this.again = false;
    await this.running?.catch(() => undefined);
  }

  /** One tick now, or right after the one in flight. */
  tickSoon(): Promise<TickResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.tick()
      .catch((error: unknown) => {
        console.error('Webhook delivery tick failed', error);
        return { delivered: 0, retried: 0, failed: 0, stalledRaised: 0 };
      })
      .finally(() => {
        this.running = null;
        if (this.again && this.timer) {
          this.again = false;
          void this.tickSoon();
        }
      });
    return this.running;
  }

  /** Sweeps, claims and sends once; exposed for tests and scripts. */
  async tick(): Promise<TickResult> {
    const db = this.options.db();
    const now = this.now();
    const result: TickResult = { delivered: 0, retried: 0, failed: 0, stalledRaised: 0 };
    const sweepEveryMs = this.options.sweepEveryMs ?? 60_000;
    if (sweepEveryMs > 0 && now.getTime() - this.lastSweep >= sweepEveryMs) {
      this.lastSweep = now.getTime();
      result.stalledRaised = await sweepStalledRuns(db, now);
    }
    // Read the clock again: deliveries of alerts the sweep just raised are due from now.
    const claimed = await claimDueDeliveries(db, { now: this.now(), leaseMs: this.options.timeoutMs + 30_000, limit: this.options.batchSize ?? 20 });
    await Promise.all(
      claimed.map(async (delivery) => {
        const outcome = await this.send(delivery);
        const recorded = await this.record(db, delivery, outcome);
        if (recorded) result[recorded] += 1;
      }),
    );
    return result;
  }

  private async send(delivery: ClaimedDelivery): Promise<SendOutcome> {
    const body = renderWebhookBody(delivery.webhook.format, delivery.alert, this.options.publicUrl);
    try {
      const response = await fetch(delivery.webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          'x-reproboard-alert': delivery.alert.id,
          'x-reproboard-delivery': delivery.id,
          'x-reproboard-attempt': String(delivery.attempts),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const excerpt = response.ok ? '' : (await response.text().catch(() => '')).trim();
      if (response.ok) await response.body?.cancel().catch(() => undefined);
      return classifyResponse(response.status, excerpt);
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : describeNetworkError(error);
      return { kind: 'retry', error: reason };
    }
  }

  private async record(db: Db, delivery: ClaimedDelivery, outcome: SendOutcome): Promise<keyof Omit<TickResult, 'stalledRaised'> | null> {
    const now = this.now();
    if (outcome.kind === 'delivered') return (await markDelivered(db, delivery, now)) ? 'delivered' : null;
    const delay = outcome.kind === 'retry' ? nextRetryDelay(delivery.attempts, this.options.retry) : null;
    if (delay === null) return (await markFailed(db, delivery, `${outcome.error} (after ${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'})`)) ? 'failed' : null;
    return (await scheduleRetry(db, delivery, new Date(now.getTime() + delay), outcome.error)) ? 'retried' : null;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, …) is in its cause, or in the cause's errors. */
function describeNetworkError(error: unknown): string {
  type Cause = { code?: string; message?: string; errors?: Cause[] };
  const cause = error instanceof Error ? (error.cause as Cause | undefined) : undefined;
  const detail = cause?.code ? cause : cause?.errors?.find((inner) => inner.code) ?? cause;
  if (detail?.code) return `network error: ${detail.code}${detail.message ? ` (${detail.message})` : ''}`;
  if (detail?.message) return `network error: ${detail.message}`;
  return `network error: ${error instanceof Error ? error.message : String(error)}`;
}

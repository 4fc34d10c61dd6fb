import 'server-only';
/**
 * When diagnostics are recomputed after ingest, so that ingestion does not wait for them: a chunk's
 * request schedules a refresh and returns; the refresh runs in the background, at most once per
 * REFRESH_INTERVAL_MS per run, and a chunk that arrives inside the interval (or during a refresh)
 * gets one trailing refresh at its end, so the last chunk of a burst is always diagnosed.
 * Per process: with several app processes each throttles its own ingests, and the refresh itself
 * locks per run, so two processes never store one run's diagnostics at once.
 *
 * Background refreshes take turns, one at a time per process, and together take at most
 * BACKGROUND_SHARE of its time: with hundreds of runs ingesting at once they would otherwise compete
 * with the ingest requests themselves (SQLite reads block the event loop). Under load they simply
 * come less often; each run's next refresh still covers all the data that arrived meanwhile.
 *
 * Changes a person makes and expects to see at once (linking a run to a result, marking it finished)
 * refresh immediately with `refreshDiagnosticsNow`.
 */
import type { Db } from './client';
import { alertOnDiagnostics } from './run-alerts';
import { refreshRunDiagnostics, type RefreshResult } from './run-diagnostics';
import { processWide } from '@/lib/process-wide';

export const REFRESH_INTERVAL_MS = 10_000;

interface RunSchedule {
  db: Db;
  lastStartedAt: number;
  running: Promise<unknown> | null;
  /** New data arrived while a refresh ran: refresh again when it ends. */
  dirty: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

/** Entries kept before idle ones are dropped; an idle entry only remembers when its run was last refreshed. */
const MAX_IDLE_ENTRIES = 1000;
const schedules = processWide('diagnostics-schedules', () => new Map<string, RunSchedule>());

/** Diagnostics must never break ingestion: a failed refresh is logged and retried at the next chunk. */
function logFailure(runId: string, error: unknown): void {
  console.error(`Diagnostics refresh failed for run ${runId}`, error);
}

const isBusy = (entry: RunSchedule) => entry.running !== null || entry.timer !== null || entry.dirty;

function pruneIdle(now: number): void {
  if (schedules.size <= MAX_IDLE_ENTRIES) return;
  for (const [runId, entry] of schedules) {
    if (!isBusy(entry) && now - entry.lastStartedAt > REFRESH_INTERVAL_MS) schedules.delete(runId);
  }
}

function entryFor(db: Db, runId: string): RunSchedule {
  const entry = schedules.get(runId) ?? { db, lastStartedAt: 0, running: null, dirty: false, timer: null };
  entry.db = db;
  schedules.set(runId, entry);
  return entry;
}

/**
 * The share of the process's time background refreshes may take. After each one the lane rests
 * for the rest of that share, measured in wall time (which, under load, includes the refresh's
 * waits behind ingest requests): at 200 ingesting clients back-to-back refreshes took enough of
 * the one JavaScript thread to push ingest p99 from 32 ms to a second (`npm run bench:load`).
 */
export const BACKGROUND_SHARE = 0.2;
/** Longest rest after one refresh: a refresh that slow already means refreshes once per run interval. */
const LONGEST_REST_MS = REFRESH_INTERVAL_MS;

const backgroundLane = processWide('diagnostics-lane', () => ({ tail: Promise.resolve() as Promise<unknown> }));

function rest(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}

/** The queue background refreshes wait in; each starts when the one before it and its rest have ended. */
function inBackgroundLane<T>(work: () => Promise<T>): Promise<T> {
  let tookMs = 0;
  const timed = async () => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      tookMs = performance.now() - started;
    }
  };
  const turn = backgroundLane.tail.then(timed, timed);
  backgroundLane.tail = turn.catch(() => undefined).then(() => rest(Math.min(LONGEST_REST_MS, (tookMs * (1 - BACKGROUND_SHARE)) / BACKGROUND_SHARE)));
  return turn;
}

function run(runId: string, entry: RunSchedule, lane: 'background' | 'now' = 'background'): Promise<RefreshResult | null> {
  if (entry.timer !== null) clearTimeout(entry.timer);
  entry.timer = null;
  entry.dirty = false;
  entry.lastStartedAt = Date.now();
  const compute = () => refreshRunDiagnostics(entry.db, runId);
  const refresh = (lane === 'background' ? inBackgroundLane(compute) : compute())
    .then(async (result) => {
      // High-severity codes that just fired alert the project's webhooks (once per firing).
      await alertOnDiagnostics(entry.db, runId, result.diagnostics.filter((diagnostic) => result.newlyFired.includes(diagnostic.code)));
      return result;
    })
    .catch((error: unknown) => {
      logFailure(runId, error);
      return null;
    });
  const running = refresh.finally(() => {
    if (entry.running === running) entry.running = null;
    if (entry.dirty) arm(runId, entry);
  });
  entry.running = running;
  return refresh;
}

function arm(runId: string, entry: RunSchedule): void {
  if (entry.timer !== null || entry.running !== null) return;
  const wait = entry.lastStartedAt + REFRESH_INTERVAL_MS - Date.now();
  if (wait <= 0) {
    void run(runId, entry);
    return;
  }
  entry.timer = setTimeout(() => void run(runId, entry), wait);
  // A pending refresh must not keep a CLI or test process alive.
  entry.timer.unref?.();
}

/** Schedules a background refresh of a run's diagnostics after new data; returns at once. */
export function scheduleDiagnosticsRefresh(db: Db, runId: string): void {
  pruneIdle(Date.now());
  const entry = entryFor(db, runId);
  if (entry.running !== null) {
    entry.dirty = true;
    return;
  }
  arm(runId, entry);
}

/** Refreshes now (after a refresh of the run already running), for changes a person waits to see. */
export async function refreshDiagnosticsNow(db: Db, runId: string): Promise<RefreshResult | null> {
  const entry = entryFor(db, runId);
  while (entry.running !== null) await entry.running;
  return run(runId, entry, 'now');
}

/** Runs every pending refresh now and waits for all of them (tests, and a graceful shutdown). */
export async function settleDiagnosticsRefreshes(): Promise<void> {
  for (;;) {
    const busy = [...schedules.entries()].filter(([, entry]) => isBusy(entry));
    if (busy.length === 0) return;
    for (const [runId, entry] of busy) if (entry.running === null) void run(runId, entry, 'now');
    await Promise.all(busy.map(([, entry]) => entry.running));
  }
}

/** Schedules a refresh of every run of a project (after its thresholds changed). */
export async function scheduleProjectDiagnosticsRefresh(db: Db, projectId: string): Promise<void> {
  const runs = await db.run.findMany({ where: { projectId }, select: { id: true } });
  for (const run of runs) scheduleDiagnosticsRefresh(db, run.id);
}

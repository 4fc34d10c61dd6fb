/**
 * Alerts: what happened to a run, as one payload that webhooks render (webhook-body.ts) and the
 * Alert table stores. Each builder also returns the alert's dedupe key: the same event detected twice
 * (two app processes, a retried request, every sweep of a still-stalled run) has the same key, so it
 * is raised and sent once (lib/db/alerts.ts). A new episode gets a new key: a run that stalls again
 * after new data, or ends again after a resume, alerts again.
 */
import type { Verdict } from '@/lib/scorecard/verdict';

export const ALERT_KINDS = ['run_crashed', 'run_stalled', 'run_finished', 'diagnostic_high', 'test'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
/** The kinds a webhook can subscribe to ("test" goes only to the webhook being tested). */
export const SUBSCRIBABLE_ALERT_KINDS = ['run_crashed', 'run_stalled', 'run_finished', 'diagnostic_high'] as const satisfies readonly AlertKind[];
export type SubscribableAlertKind = (typeof SUBSCRIBABLE_ALERT_KINDS)[number];

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  run_crashed: 'Run crashed or failed',
  run_stalled: 'Run stalled (no data for longer than the stale limit)',
  run_finished: 'Run finished, with its verdict against its target',
  diagnostic_high: 'High-severity diagnostic fired',
  test: 'Test delivery',
};

export interface AlertProject {
  slug: string;
  name: string;
}

export interface AlertRun {
  id: string;
  key: string;
  name: string;
  status: string;
  samplesSeen: number | null;
  lastHeartbeatAt: Date | null;
  createdAt: Date;
  endedAt: Date | null;
}

export interface AlertVerdict {
  verdict: Verdict;
  /** The run's latest zero-shot ImageNet-1k top-1, percent. */
  value: number | null;
  /** The target's value, percent, and where it comes from (a result key or a pilot step's title). */
  reported: number;
  target: string;
  gap: number | null;
  tolerancePp: number;
}

export interface AlertPayload {
  kind: AlertKind;
  title: string;
  text: string;
  project: AlertProject;
  run: { key: string; name: string; status: string; samplesSeen: number | null; lastDataAt: string | null } | null;
  verdict: AlertVerdict | null;
  diagnostic: { code: string; severity: string; summary: string } | null;
  /** The app page to open, as a path (webhooks prefix REPROBOARD_PUBLIC_URL when it is set). */
  path: string;
  occurredAt: string;
}

export interface RaisedAlert {
  kind: AlertKind;
  dedupeKey: string;
  payload: AlertPayload;
}

const runPath = (project: AlertProject, run: AlertRun) => `/projects/${encodeURIComponent(project.slug)}/runs/${encodeURIComponent(run.key)}`;

function runFacts(run: AlertRun): AlertPayload['run'] {
  return { key: run.key, name: run.name, status: run.status, samplesSeen: run.samplesSeen, lastDataAt: (run.lastHeartbeatAt ?? run.createdAt).toISOString() };
}

function base(kind: AlertKind, project: AlertProject, run: AlertRun | null, title: string, text: string, now: Date, path: string): AlertPayload {
  return { kind, title, text, project, run: run && runFacts(run), verdict: null, diagnostic: null, path, occurredAt: now.toISOString() };
}

const episode = (date: Date | null) => (date ? String(date.getTime()) : 'open');

/** The run was marked crashed or failed (by the CLI's finish detection or any client). */
export function buildRunCrashedAlert(project: AlertProject, run: AlertRun, now = new Date()): RaisedAlert {
  const title = `Run ${run.name} ${run.status}`;
  const seen = run.samplesSeen === null ? 'no samples logged' : `${formatSamples(run.samplesSeen)} samples seen`;
  return { kind: 'run_crashed', dedupeKey: `run_crashed:${run.id}:${episode(run.endedAt)}`, payload: base('run_crashed', project, run, title, `${title} after ${seen}.`, now, runPath(project, run)) };
}

/** A running run sent nothing for longer than the project's stale limit; one alert per silence. */
export function buildRunStalledAlert(project: AlertProject, run: AlertRun, staleAfterSeconds: number, now = new Date()): RaisedAlert {
  const lastSign = run.lastHeartbeatAt ?? run.createdAt;
  const minutes = Math.round((now.getTime() - lastSign.getTime()) / 60_000);
  const title = `Run ${run.name} stalled`;
  const text = `No data from ${run.name} for ${minutes} min (the project's stale limit is ${Math.round(staleAfterSeconds / 60)} min); it is still marked running.`;
  return { kind: 'run_stalled', dedupeKey: `run_stalled:${run.id}:${lastSign.getTime()}`, payload: base('run_stalled', project, run, title, text, now, runPath(project, run)) };
}

/** The run finished; with a target, the verdict of its latest value against it. */
export function buildRunFinishedAlert(project: AlertProject, run: AlertRun, verdict: AlertVerdict | null, now = new Date()): RaisedAlert {
  const title = `Run ${run.name} finished`;
  const text = verdict ? `${title}: ${describeVerdict(verdict)}.` : `${title}; it has no target accuracy to judge (link it to a reported result or a plan step).`;
  const payload = { ...base('run_finished', project, run, title, text, now, runPath(project, run)), verdict };
  return { kind: 'run_finished', dedupeKey: `run_finished:${run.id}:${episode(run.endedAt)}`, payload };
}

/** A diagnostic of high severity fired on a run; once per run, code and firing. */
export function buildDiagnosticAlert(
  project: AlertProject,
  run: AlertRun,
  diagnostic: { code: string; severity: string; summary: string; firstSeenAt?: Date | null },
  now = new Date(),
): RaisedAlert {
  const title = `Run ${run.name}: ${diagnostic.summary}`;
  const payload = {
    ...base('diagnostic_high', project, run, title, `${diagnostic.severity} severity diagnostic "${diagnostic.code}" on ${run.name}: ${diagnostic.summary}`, now, runPath(project, run)),
    diagnostic: { code: diagnostic.code, severity: diagnostic.severity, summary: diagnostic.summary },
  };
  return { kind: 'diagnostic_high', dedupeKey: `diagnostic_high:${run.id}:${diagnostic.code}:${episode(diagnostic.firstSeenAt ?? null)}`, payload };
}

/** A test delivery an owner asked for; `nonce` makes every test its own alert. */
export function buildTestAlert(project: AlertProject, nonce: string, now = new Date()): RaisedAlert {
  const title = 'Test alert from Reproboard';
  const text = `Webhooks of project ${project.name} reach this address.`;
  return { kind: 'test', dedupeKey: `test:${nonce}`, payload: base('test', project, null, title, text, now, `/projects/${encodeURIComponent(project.slug)}`) };
}

/** "81.5% zero-shot IN-1k top-1 vs 81.8% (clipa-v2_…): reproduced, −0.3 pp within 0.5 pp". */
export function describeVerdict(verdict: AlertVerdict): string {
  const words: Record<Verdict, string> = { reproduced: 'reproduced', close: 'close', not_reproduced: 'not reproduced', in_progress: 'in progress', no_run: 'no value logged' };
  if (verdict.value === null) return `no zero-shot IN-1k top-1 logged to compare with ${verdict.reported}% (${verdict.target})`;
  const gap = verdict.gap === null ? '' : `, ${verdict.gap >= 0 ? '+' : '−'}${Math.abs(verdict.gap).toFixed(1)} pp (tolerance ${verdict.tolerancePp} pp)`;
  return `${verdict.value.toFixed(1)}% zero-shot IN-1k top-1 vs ${verdict.reported}% (${verdict.target}): ${words[verdict.verdict]}${gap}`;
}

function formatSamples(value: number): string {
  if (value >= 1e9) return `${Number((value / 1e9).toFixed(1))}B`;
  if (value >= 1e6) return `${Number((value / 1e6).toFixed(1))}M`;
  if (value >= 1e3) return `${Number((value / 1e3).toFixed(1))}k`;
  return String(value);
}

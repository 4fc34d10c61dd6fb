'use client';

import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { DataState } from '@/components/ui/data-state';
import { Table, Td, Th } from '@/components/ui/table';
import { Skeleton } from '@/components/ui/skeleton';
import { evidenceZoom } from '@/lib/diagnostics/evidence-link';
import { formatStepRange } from '@/lib/diagnostics/format';
import { SEVERITY_LABELS } from '@/lib/diagnostics/labels';
import { useRunDiagnostics } from '@/lib/queries/diagnostics';
import type { RunDiagnostic } from '@/lib/schemas/diagnostics';
import { DiagnosticBadge } from './diagnostic-badges';

const MISMATCH_FIELD: Record<string, string> = {
  model: 'Model',
  image_tokens: 'Image tokens',
  text_tokens: 'Text tokens',
  token_reduction: 'Token reduction',
  stage: 'Stage',
  samples_seen: 'Samples seen',
  global_batch: 'Global batch',
  schedule: 'Schedule',
  precision: 'Precision',
};

/** Brings the chart drawing `metric` into view; the link's new URL zooms every chart on the evidence steps. */
function scrollToChart(metric: string | undefined) {
  if (!metric) return;
  document.querySelector(`[data-metrics~="${CSS.escape(metric)}"]`)?.scrollIntoView({ block: 'center' });
}

function MismatchTable({ diagnostic }: { diagnostic: RunDiagnostic }) {
  const mismatches = diagnostic.evidence.mismatches ?? [];
  return (
    <div className="rounded-md border border-zinc-200">
      <Table label="Config mismatches">
        <thead>
          <tr>
            <Th>Setting</Th>
            <Th>This run</Th>
            <Th>Reference</Th>
            <Th>Reference from</Th>
          </tr>
        </thead>
        <tbody>
          {mismatches.map((mismatch) => (
            <tr key={mismatch.field} data-field={mismatch.field}>
              <Td className="py-1.5 font-medium text-zinc-900">
                {MISMATCH_FIELD[mismatch.field] ?? mismatch.field}
                <span className="ml-1 text-xs font-normal text-zinc-500">({mismatch.severity})</span>
              </Td>
              <Td className="py-1.5 text-xs">{mismatch.run}</Td>
              <Td className="py-1.5 text-xs">{mismatch.reference}</Td>
              <Td className="max-w-xs py-1.5 text-xs text-zinc-500">{mismatch.referenceSource}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function EvidenceLink({ diagnostic }: { diagnostic: RunDiagnostic }) {
  const zoom = evidenceZoom(diagnostic.evidence);
  if (!diagnostic.evidenceUrl || !zoom) return null;
  const metric = diagnostic.evidence.metric;
  return (
    <Link
      href={diagnostic.evidenceUrl}
      scroll={false}
      onClick={() => scrollToChart(metric)}
      className="inline-flex items-center gap-1 text-xs font-medium text-accent-700 hover:text-accent-600 hover:underline"
      data-testid="evidence-link"
    >
      Open {metric ?? 'the charts'} zoomed on {formatStepRange(zoom.from, zoom.to)} →
    </Link>
  );
}

function DiagnosticItem({ diagnostic }: { diagnostic: RunDiagnostic }) {
  const lines = diagnostic.evidence.mismatches ? [] : (diagnostic.evidence.lines ?? []);
  return (
    <li className="space-y-2 px-4 py-3" data-testid="diagnostic" data-code={diagnostic.code}>
      <div className="flex flex-wrap items-center gap-2">
        <DiagnosticBadge badge={diagnostic} />
        <span className="text-xs text-zinc-500">{SEVERITY_LABELS[diagnostic.severity]} severity</span>
      </div>
      <p className="text-sm text-zinc-900">{diagnostic.summary}</p>
      {diagnostic.evidence.mismatches && <MismatchTable diagnostic={diagnostic} />}
      {lines.length > 0 && (
        <ul className="list-inside list-disc space-y-0.5 text-xs text-zinc-600">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <EvidenceLink diagnostic={diagnostic} />
      <p className="text-xs text-zinc-600">
        <span className="font-medium text-zinc-800">Check: </span>
        {diagnostic.suggestion}
      </p>
    </li>
  );
}

/**
 * The run's diagnostics, most severe first: what was found, the evidence (a link opens the charts
 * zoomed on it, a config mismatch lists both values and where the reference comes from) and what to
 * check. Polls while the run is live.
 */
export function RunDiagnosticsPanel({ slug, runKey, live }: { slug: string; runKey: string; live: boolean }) {
  const query = useRunDiagnostics(slug, runKey, { live });
  const count = query.data?.diagnostics.length;
  return (
    <Card title={`Diagnostics${count ? ` (${count})` : ''}`}>
      <div aria-label="Diagnostics" role="region">
        <DataState
          query={query}
          loading={
            <div role="status" aria-label="Loading diagnostics" className="p-4">
              <Skeleton className="h-10 w-full" />
            </div>
          }
          errorTitle="Could not load the diagnostics"
          isEmpty={(data) => data.diagnostics.length === 0}
          empty={<p className="px-4 py-3 text-sm text-zinc-600">Nothing to report in what was ingested so far.</p>}
        >
          {(data) => (
            <ul className="divide-y divide-zinc-100">
              {data.diagnostics.map((diagnostic) => (
                <DiagnosticItem key={diagnostic.code} diagnostic={diagnostic} />
              ))}
            </ul>
          )}
        </DataState>
      </div>
    </Card>
  );
}

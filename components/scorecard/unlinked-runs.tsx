'use client';

import Link from 'next/link';
import { RunLinkPicker } from '@/components/runs/run-link-picker';
import { Card } from '@/components/ui/card';
import { useRuns } from '@/lib/queries/runs';
import { pageUrls } from '@/lib/queries/urls';

/** Listed at most; a project with more unlinked runs links them from each run's page. */
const MAX_SHOWN = 10;

/** The project's runs not linked to any reported result, each with its link picker. */
export function UnlinkedRuns({ slug }: { slug: string }) {
  const runs = useRuns(slug);
  const unlinked = (runs.data ?? []).filter((run) => run.reportedResultId === null);
  if (unlinked.length === 0) return null;
  return (
    <Card title={`Runs not linked to a reported result (${unlinked.length})`}>
      <ul className="divide-y divide-zinc-100">
        {unlinked.slice(0, MAX_SHOWN).map((run) => (
          <li key={run.id} className="grid gap-2 px-4 py-3 md:grid-cols-[14rem_1fr]" data-testid="unlinked-run">
            <div className="min-w-0 pt-4">
              <Link href={pageUrls.run(slug, run.key)} className="font-medium text-zinc-900 hover:text-accent-600 hover:underline">
                {run.name}
              </Link>
              {run.model && <p className="truncate font-mono text-xs text-zinc-500">{run.model}</p>}
            </div>
            <RunLinkPicker slug={slug} runKey={run.key} bare />
          </li>
        ))}
      </ul>
      {unlinked.length > MAX_SHOWN && <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500">Link the other {unlinked.length - MAX_SHOWN} from their run pages.</p>}
    </Card>
  );
}

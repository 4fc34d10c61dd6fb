import Link from 'next/link';
import type { CompareRun } from '@/lib/charts/compare-curves';
import { pageUrls } from '@/lib/queries/urls';

/** The compared runs, each in the colour its lines have on every chart of the page. */
export function RunChips({ slug, runs }: { slug: string; runs: readonly CompareRun[] }) {
  return (
    <ul aria-label="Compared runs" className="flex flex-wrap gap-2">
      {runs.map((run) => (
        <li key={run.key}>
          <Link
            href={pageUrls.run(slug, run.key)}
            data-run-color={run.color}
            className="inline-flex items-center gap-1.5 rounded-full border border-zinc-200 bg-white px-2.5 py-1 text-xs font-medium text-zinc-800 shadow-xs hover:border-zinc-300"
          >
            <span aria-hidden="true" className="size-2.5 rounded-full" style={{ backgroundColor: run.color }} />
            {run.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

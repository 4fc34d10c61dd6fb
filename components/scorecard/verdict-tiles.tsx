import { cn } from '@/components/ui/cn';
import { VERDICTS, type Verdict } from '@/lib/scorecard/verdict';
import { VERDICT_DESCRIPTIONS, VERDICT_LABELS } from './verdict-style';

const TILE: Record<Verdict, string> = {
  reproduced: 'border-emerald-200 bg-emerald-50 text-emerald-800',
  close: 'border-amber-200 bg-amber-50 text-amber-800',
  not_reproduced: 'border-red-200 bg-red-50 text-red-800',
  in_progress: 'border-sky-200 bg-sky-50 text-sky-800',
  no_run: 'border-zinc-200 bg-zinc-100 text-zinc-700',
};

/** How many results have each verdict: the line a PI reads first. */
export function VerdictTiles({ counts }: { counts: Record<Verdict, number> }) {
  return (
    <ul aria-label="Results by verdict" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {VERDICTS.map((verdict) => (
        <li key={verdict} title={VERDICT_DESCRIPTIONS[verdict]} className={cn('rounded-lg border px-4 py-3', TILE[verdict])} data-testid={`verdict-count-${verdict}`}>
          <p className="text-2xl font-semibold tabular-nums" aria-label={`${VERDICT_LABELS[verdict]}: ${counts[verdict]}`}>
            {counts[verdict]}
          </p>
          <p className="text-sm font-medium">{VERDICT_LABELS[verdict]}</p>
        </li>
      ))}
    </ul>
  );
}

import type { BadgeTone } from '@/components/ui/badge';
import type { Verdict } from '@/lib/scorecard/verdict';

export const VERDICT_LABELS: Record<Verdict, string> = {
  reproduced: 'Reproduced',
  close: 'Close',
  not_reproduced: 'Not reproduced',
  in_progress: 'In progress',
  no_run: 'No run yet',
};

export const VERDICT_TONES: Record<Verdict, BadgeTone> = {
  reproduced: 'green',
  close: 'amber',
  not_reproduced: 'red',
  in_progress: 'blue',
  no_run: 'neutral',
};

/** Text colour of a gap or count in the verdict's colour. */
export const VERDICT_TEXT: Record<Verdict, string> = {
  reproduced: 'text-emerald-700',
  close: 'text-amber-700',
  not_reproduced: 'text-red-700',
  in_progress: 'text-sky-700',
  no_run: 'text-zinc-500',
};

export const VERDICT_DESCRIPTIONS: Record<Verdict, string> = {
  reproduced: 'Within the tolerance of the paper, or above it',
  close: 'Within twice the tolerance',
  not_reproduced: 'More than twice the tolerance below the paper',
  in_progress: 'A linked run is still training',
  no_run: 'No linked run has a value for this metric',
};

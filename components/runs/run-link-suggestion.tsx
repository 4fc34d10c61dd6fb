import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { z } from 'zod';
import type { linkSuggestionSchema } from '@/lib/schemas/scorecard';
import { RunLinkResult } from './run-link-result';

type Suggestion = z.infer<typeof linkSuggestionSchema>;

/** A candidate result with the facts that speak for and against it, and a button to link it. */
export function RunLinkSuggestion({ suggestion, onLink, disabled }: { suggestion: Suggestion; onLink: () => void; disabled: boolean }) {
  return (
    <div
      className={cn('space-y-2 rounded-md border px-3 py-2.5', suggestion.clear ? 'border-accent-200 bg-accent-50/50' : 'border-zinc-200 bg-white')}
      data-testid={suggestion.clear ? 'link-suggestion' : 'link-candidate'}
    >
      <div className="flex items-start justify-between gap-3">
        <RunLinkResult result={suggestion.result} />
        <Button size="sm" variant={suggestion.clear ? 'primary' : 'secondary'} onClick={onLink} disabled={disabled}>
          Link
        </Button>
      </div>
      <ul className="space-y-0.5 text-xs" aria-label="Why this result">
        {suggestion.reasons.map((reason) => (
          <li key={`${reason.kind}:${reason.text}`} className={reason.match ? 'text-emerald-700' : 'text-red-700'}>
            <span aria-hidden="true">{reason.match ? '✓ ' : '✗ '}</span>
            <span className="sr-only">{reason.match ? 'matches: ' : 'differs: '}</span>
            {reason.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

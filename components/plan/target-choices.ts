'use client';

import { usePapers } from '@/lib/queries/papers';
import { useTargetChoices } from '@/lib/queries/plan';
import { useProject } from '@/lib/queries/projects';

/** The results a step can target: the primary results of the project's papers, or of every paper when it names none. */
export function useProjectTargetChoices(slug: string) {
  const project = useProject(slug);
  const papers = usePapers();
  const own = project.data?.paperIds ?? [];
  const ids = own.length > 0 ? own : (papers.data ?? []).map((paper) => paper.id);
  return useTargetChoices(ids);
}

export type TargetChoice = ReturnType<typeof useTargetChoices>['choices'][number];

export function describeChoice(choice: TargetChoice): string {
  return `${choice.resultKey} (${choice.model}${choice.top1 !== null ? `, ${choice.top1}%` : ''})`;
}

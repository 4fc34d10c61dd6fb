import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RunSummary } from '@/lib/schemas/run';
import { runAnnotationsResultSchema, type RunAnnotationsInput } from '@/lib/schemas/run-edit';
import { fetchJson } from './fetch-json';
import { runQueries } from './runs';
import { apiUrls } from './urls';

export function runAnnotationsUrl(slug: string, runKey: string): string {
  return `${apiUrls.run(slug, runKey)}/annotations`;
}

export interface RunAnnotationsChange {
  runKey: string;
  change: RunAnnotationsInput;
}

function patchRun(list: RunSummary[] | undefined, runKey: string, patch: Partial<RunSummary>): RunSummary[] | undefined {
  return list?.map((run) => (run.key === runKey ? { ...run, ...patch } : run));
}

/**
 * PATCH a run's tags and/or notes. The runs list shows the change at once; on failure only the
 * fields this edit touched go back to what they were (another run's edit in flight is kept), and
 * either way the project's run queries are refetched so the list ends as the server has it.
 */
export function useUpdateRunAnnotations(slug: string) {
  const queryClient = useQueryClient();
  const listKey = runQueries.list(slug).queryKey;
  return useMutation({
    mutationFn: ({ runKey, change }: RunAnnotationsChange) =>
      fetchJson(runAnnotationsUrl(slug, runKey), runAnnotationsResultSchema, {
        method: 'PATCH',
        body: JSON.stringify(change),
        headers: { 'content-type': 'application/json' },
      }),
    onMutate: async ({ runKey, change }) => {
      // A live refetch landing now would briefly show the old value.
      await queryClient.cancelQueries({ queryKey: listKey });
      const before = queryClient.getQueryData(listKey)?.find((run) => run.key === runKey);
      queryClient.setQueryData(listKey, (list) => patchRun(list, runKey, change));
      const previous: Partial<RunSummary> = {};
      if (before && change.tags !== undefined) previous.tags = before.tags;
      if (before && change.notes !== undefined) previous.notes = before.notes;
      return { previous };
    },
    onError: (_error, { runKey }, context) => {
      if (context) queryClient.setQueryData(listKey, (list) => patchRun(list, runKey, context.previous));
    },
    onSuccess: ({ run }) => {
      queryClient.setQueryData(listKey, (list) => patchRun(list, run.key, { tags: run.tags, notes: run.notes }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: runQueries.project(slug) }),
  });
}

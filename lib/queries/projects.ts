import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { projectCreatedSchema, projectListSchema, projectSchema, type ProjectCreateInput } from '@/lib/schemas/project';
import { z } from 'zod';
import { fetchJson, jsonBody } from './fetch-json';
import { apiUrls } from './urls';

const projectResponseSchema = z.object({ project: projectSchema });

/** Query options for projects. Keys: ['projects'] ⊃ ['projects', 'list'], ['projects', 'detail', slug]. */
export const projectQueries = {
  all: () => ['projects'] as const,
  list: () =>
    queryOptions({
      queryKey: [...projectQueries.all(), 'list'] as const,
      queryFn: async ({ signal }) => (await fetchJson(apiUrls.projects(), projectListSchema, { signal })).projects,
    }),
  detail: (slug: string) =>
    queryOptions({
      queryKey: [...projectQueries.all(), 'detail', slug] as const,
      queryFn: async ({ signal }) => (await fetchJson(apiUrls.project(slug), projectResponseSchema, { signal })).project,
    }),
};

export function useProjects() {
  return useQuery(projectQueries.list());
}

export function useProject(slug: string) {
  return useQuery(projectQueries.detail(slug));
}

/** POST /api/v1/projects; the result holds the project's first API key, which is never shown again. */
export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProjectCreateInput) => fetchJson(apiUrls.projects(), projectCreatedSchema, jsonBody('POST', input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectQueries.all() }),
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { ProjectRole } from '@/lib/auth/roles';
import { apiKeyListSchema, memberListSchema, userCreatedSchema, userListSchema, type UserCreateInput } from '@/lib/schemas/accounts';
import { apiKeyCreatedSchema } from '@/lib/schemas/project';
import { fetchJson, jsonBody } from './fetch-json';
import { apiUrls } from './urls';

const accessUrls = {
  members: (slug: string) => `${apiUrls.project(slug)}/members`,
  member: (slug: string, userId: string) => `${apiUrls.project(slug)}/members/${encodeURIComponent(userId)}`,
  keys: (slug: string) => `${apiUrls.project(slug)}/keys`,
  key: (slug: string, id: string) => `${apiUrls.project(slug)}/keys/${encodeURIComponent(id)}`,
  users: () => '/api/v1/users',
};

/** Keys: ['members', slug], ['api-keys', slug], ['users']. */
export const accessQueries = {
  members: (slug: string) =>
    queryOptions({
      queryKey: ['members', slug] as const,
      queryFn: async ({ signal }) => (await fetchJson(accessUrls.members(slug), memberListSchema, { signal })).members,
    }),
  apiKeys: (slug: string) =>
    queryOptions({
      queryKey: ['api-keys', slug] as const,
      queryFn: async ({ signal }) => (await fetchJson(accessUrls.keys(slug), apiKeyListSchema, { signal })).apiKeys,
    }),
  users: () =>
    queryOptions({
      queryKey: ['users'] as const,
      queryFn: async ({ signal }) => (await fetchJson(accessUrls.users(), userListSchema, { signal })).users,
    }),
};

export const useMembers = (slug: string) => useQuery(accessQueries.members(slug));
export const useApiKeys = (slug: string, enabled: boolean) => useQuery({ ...accessQueries.apiKeys(slug), enabled });
export const useUsers = () => useQuery(accessQueries.users());

const noContent = z.null();

function useInvalidating<TInput, TOutput>(queryKey: readonly unknown[], mutationFn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey }) });
}

export function useAddMember(slug: string) {
  return useInvalidating(['members', slug], (input: { email: string; role: ProjectRole }) =>
    fetchJson(accessUrls.members(slug), memberListSchema, jsonBody('POST', input)),
  );
}

export function useChangeMemberRole(slug: string) {
  return useInvalidating(['members', slug], ({ userId, role }: { userId: string; role: ProjectRole }) =>
    fetchJson(accessUrls.member(slug, userId), memberListSchema, {
      method: 'PATCH',
      body: JSON.stringify({ role }),
      headers: { 'content-type': 'application/json' },
    }),
  );
}

export function useRemoveMember(slug: string) {
  return useInvalidating(['members', slug], (userId: string) => fetchJson(accessUrls.member(slug, userId), noContent, { method: 'DELETE' }));
}

export function useCreateApiKey(slug: string) {
  return useInvalidating(['api-keys', slug], (name: string) =>
    fetchJson(accessUrls.keys(slug), z.object({ apiKey: apiKeyCreatedSchema }), jsonBody('POST', { name })),
  );
}

export function useRevokeApiKey(slug: string) {
  return useInvalidating(['api-keys', slug], (id: string) => fetchJson(accessUrls.key(slug, id), noContent, { method: 'DELETE' }));
}

export function useCreateUser() {
  return useInvalidating(['users'], (input: UserCreateInput) => fetchJson(accessUrls.users(), userCreatedSchema, jsonBody('POST', input)));
}

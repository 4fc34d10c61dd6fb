import { z } from 'zod';
import { projectRoleSchema } from '@/lib/auth/roles';

/** Kept in step with lib/auth/auth.ts MIN_PASSWORD_LENGTH (this file is shared with the browser). */
export const MIN_PASSWORD_LENGTH = 10;

export const memberAddSchema = z.object({
  email: z.email().max(254),
  role: projectRoleSchema,
});
export const memberUpdateSchema = z.object({ role: projectRoleSchema });

export const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: projectRoleSchema,
  createdAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

export const userCreateSchema = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1, 'name is required').max(120),
  password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(256),
  admin: z.boolean().optional(),
});
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const memberListSchema = z.object({ members: z.array(memberSchema) });
export const userListSchema = z.object({ users: z.array(userSchema) });
export const userCreatedSchema = z.object({ user: userSchema });

export const apiKeySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const apiKeyListSchema = z.object({ apiKeys: z.array(apiKeySummarySchema) });
export type ApiKeySummary = z.infer<typeof apiKeySummarySchema>;

import { z } from 'zod';
import { thresholdOverridesPatchSchema } from '@/lib/diagnostics/thresholds';

export const projectSlugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes');

export const projectCreateSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(120),
  slug: projectSlugSchema.optional(),
  description: z.string().max(2000).optional(),
});
export type ProjectCreateInput = z.infer<typeof projectCreateSchema>;

export const projectSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  isDemo: z.boolean(),
  staleAfterSeconds: z.number().int(),
  paperIds: z.array(z.string()).describe('Papers whose reported results this project reproduces.'),
  gpuHourPriceUsd: z.number(),
  gpuType: z.string().nullable().describe("The lab's GPU type for plan estimates, e.g. A100-80GB."),
  gpuCount: z.number().int().nullable().describe('GPUs the lab trains on at once.'),
  budgetGpuHours: z.number().nullable(),
  budgetUsd: z.number().nullable(),
  diagnosticThresholds: z.record(z.string(), z.number()).describe("The project's overrides of the diagnostics' default thresholds, by name (docs/DIAGNOSTICS.md)."),
  runCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof projectSchema>;

export const apiKeyCreatedSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  key: z.string().describe('The secret, shown only in this response; store it now.'),
});

export const projectCreatedSchema = z.object({ project: projectSchema, apiKey: apiKeyCreatedSchema });
export const projectListSchema = z.object({ projects: z.array(projectSchema) });

export const apiKeyCreateSchema = z.object({ name: z.string().trim().min(1).max(120) });

export const projectUpdateSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  description: z.string().max(2000).optional(),
  paperIds: z.array(z.string().min(1).max(100)).max(50).optional(),
  gpuHourPriceUsd: z.number().positive().max(1000).optional(),
  staleAfterSeconds: z.number().int().min(30).max(30 * 24 * 3600).optional(),
  gpuType: z.string().trim().min(1, 'gpuType must not be empty; send null to clear it').max(60).nullable().optional(),
  gpuCount: z.number().int('gpuCount must be a whole number of GPUs').min(1).max(100_000).nullable().optional(),
  budgetGpuHours: z.number().positive('budgetGpuHours must be positive; send null for no budget').max(1e9).nullable().optional(),
  budgetUsd: z.number().positive('budgetUsd must be positive; send null for no budget').max(1e10).nullable().optional(),
  diagnosticThresholds: thresholdOverridesPatchSchema
    .optional()
    .describe("Overrides of the diagnostics' thresholds by name (docs/DIAGNOSTICS.md), merged into the stored ones; null puts one back to its default. Needs the owner role."),
});
export type ProjectUpdateInput = z.infer<typeof projectUpdateSchema>;

import { z } from 'zod';
import { projectSlugSchema } from './project';
import { runKeySchema } from './run';

export const projectParamsSchema = z.object({ project: projectSlugSchema });
export const runParamsSchema = z.object({ project: projectSlugSchema, run: runKeySchema });

const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'not an id');
export const apiKeyParamsSchema = z.object({ project: projectSlugSchema, id: idSchema });
export const memberParamsSchema = z.object({ project: projectSlugSchema, userId: idSchema });

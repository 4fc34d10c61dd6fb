import { z } from 'zod';
import { projectSlugSchema } from './project';
import { runKeySchema } from './run';

export const projectParamsSchema = z.object({ project: projectSlugSchema });
export const runParamsSchema = z.object({ project: projectSlugSchema, run: runKeySchema });

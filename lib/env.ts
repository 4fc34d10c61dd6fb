/** Environment, validated once. Defaults make a fresh clone work with no configuration. */
import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z.string().default('file:./data/reproboard.db'),
  REPROBOARD_STALE_AFTER_SECONDS: z.coerce.number().int().positive().default(900),
  REPROBOARD_MAX_LOG_CHUNK_BYTES: z.coerce.number().int().positive().default(8 * 1024 * 1024),
  REPROBOARD_MAX_JSON_BYTES: z.coerce.number().int().positive().default(4 * 1024 * 1024),
  REPROBOARD_MAX_POINTS_PER_BATCH: z.coerce.number().int().positive().default(20_000),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  return parsed.data;
}

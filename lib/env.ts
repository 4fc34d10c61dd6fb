/** Environment, validated once. Defaults make a fresh clone work with no configuration. */
import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z.string().default('file:./data/reproboard.db'),
  REPROBOARD_STALE_AFTER_SECONDS: z.coerce.number().int().positive().default(900),
  REPROBOARD_MAX_LOG_CHUNK_BYTES: z.coerce.number().int().positive().default(8 * 1024 * 1024),
  REPROBOARD_MAX_JSON_BYTES: z.coerce.number().int().positive().default(4 * 1024 * 1024),
  REPROBOARD_MAX_POINTS_PER_BATCH: z.coerce.number().int().positive().default(20_000),
  /** The app's address as people open it (e.g. https://reproboard.lab.example); alerts link to pages under it. */
  REPROBOARD_PUBLIC_URL: z.preprocess((value) => (value === '' ? undefined : value), z.url({ protocol: /^https?$/ }).optional()),
  /** 0 turns this process's webhook delivery worker off (another process's still sends). */
  REPROBOARD_WEBHOOK_WORKER: z.enum(['0', '1']).default('1'),
  REPROBOARD_WEBHOOK_POLL_MS: z.coerce.number().int().min(50).default(5_000),
  REPROBOARD_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  REPROBOARD_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  REPROBOARD_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  REPROBOARD_WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(10).default(3_600_000),
  /** How often the worker looks for stalled runs (0: never). */
  REPROBOARD_STALL_SWEEP_MS: z.coerce.number().int().min(0).default(60_000),
  REPROBOARD_MAX_LINES_PER_CHUNK: z.coerce.number().int().positive().default(200_000),
  REPROBOARD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(1_200),
  /** PostgreSQL connections per app process for ingestion, beside Prisma's pool of 10 (docs/DEPLOY.md). */
  REPROBOARD_PG_INGEST_CONNECTIONS: z.coerce.number().int().min(1).max(500).default(20),
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

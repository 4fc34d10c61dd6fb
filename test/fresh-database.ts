/** A fresh, migrated SQLite database for one test file, copied from the global-setup template. */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDb, type Db } from '../lib/db/client';

export function freshDatabaseUrl(): string {
  const directory = inject('testDataDir');
  const file = path.join(directory, `${randomUUID()}.db`);
  copyFileSync(path.join(directory, 'template.db'), file);
  return `file:${file}`;
}

/** Points DATABASE_URL (and so getDb()) at a fresh database and returns a client for it. */
export function useFreshDatabase(): { url: string; db: Db } {
  const url = freshDatabaseUrl();
  process.env.DATABASE_URL = url;
  return { url, db: createDb(url) };
}

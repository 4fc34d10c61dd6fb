/**
 * A fresh, migrated database for one test file, copied from the global-setup template: a copy of
 * the template file in the `sqlite` project, `CREATE DATABASE … TEMPLATE` in the `postgres` project.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDb, type Db } from '../lib/db/client';
import { createDatabaseFromTemplate } from './postgres/test-databases';

/** Which database the current test project runs against. */
export function testDialect(): 'sqlite' | 'postgres' {
  return inject('databaseDialect') ?? 'sqlite';
}

export function freshDatabaseUrl(): string {
  if (testDialect() === 'postgres') {
    const unavailable = inject('postgresUnavailable');
    if (unavailable) throw new Error(`PostgreSQL test suite: ${unavailable}`);
    return createDatabaseFromTemplate(inject('postgresAdminUrl'), inject('postgresTemplate'));
  }
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

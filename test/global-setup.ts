/**
 * Migrates one template database per test run and project; integration tests copy it instead of
 * running the schema engine once per file (see test/fresh-database.ts).
 *
 * - `sqlite` project: a template file in its own folder per run, so two test runs on one machine
 *   (a developer's and an editor's) never delete each other's databases.
 * - `postgres` project: a template database `reproboard_template_<pid>` on the local PostgreSQL 15
 *   (started and given a test role by scripts/lib/postgres-server.mjs unless scripts/test-all.mjs
 *   already did and passed REPROBOARD_TEST_POSTGRES_URL). When PostgreSQL is unavailable, the reason
 *   is provided instead, and every test that asks for a database fails with it.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../lib/db/migrations/apply-migrations';
import { resolveDatabaseTarget } from '../lib/db/database-url';
import { loadPostgresServer } from './postgres/postgres-server';
import { createTemplateDatabase, dropRunDatabases, withDatabase } from './postgres/test-databases';

export type TestDialect = 'sqlite' | 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseDialect: TestDialect;
    /** sqlite: the folder holding template.db and the per-file copies. */
    testDataDir: string;
    /** postgres: a URL of a role with CREATEDB, the template database, or why PostgreSQL is unavailable. */
    postgresAdminUrl: string;
    postgresTemplate: string;
    postgresUnavailable: string;
  }
}

export function dialectOf(project: TestProject): TestDialect {
  return project.name === 'postgres' ? 'postgres' : 'sqlite';
}

export default async function setup(project: TestProject) {
  const dialect = dialectOf(project);
  project.provide('databaseDialect', dialect);
  return dialect === 'postgres' ? setupPostgres(project) : setupSqlite(project);
}

async function setupSqlite(project: TestProject) {
  const directory = path.resolve('data/test', `run-${process.pid}-${Date.now()}`);
  mkdirSync(directory, { recursive: true });
  await applyMigrations(resolveDatabaseTarget(`file:${path.join(directory, 'template.db')}`));
  project.provide('testDataDir', directory);
  return () => rmSync(directory, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject) {
  project.provide('postgresAdminUrl', '');
  project.provide('postgresTemplate', '');
  project.provide('postgresUnavailable', '');
  let adminUrl: string;
  try {
    if (process.env.REPROBOARD_TEST_POSTGRES_ERROR) throw new Error(process.env.REPROBOARD_TEST_POSTGRES_ERROR);
    adminUrl = await (await loadPostgresServer()).ensurePostgres();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[postgres] ${message}`);
    project.provide('postgresUnavailable', message);
    return;
  }
  const started = performance.now();
  const template = await createTemplateDatabase(adminUrl);
  try {
    await applyMigrations(resolveDatabaseTarget(withDatabase(adminUrl, template)));
  } catch (error) {
    await dropRunDatabases(adminUrl, template);
    throw error;
  }
  if (process.env.REPROBOARD_TEST_VERBOSE) console.log(`[postgres] migrated ${template} in ${Math.round(performance.now() - started)} ms`);
  project.provide('postgresAdminUrl', adminUrl);
  project.provide('postgresTemplate', template);
  return () => dropRunDatabases(adminUrl, template);
}

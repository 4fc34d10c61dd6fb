/**
 * Migrates one template SQLite database per test run; integration tests copy it instead of
 * running the schema engine once per file. Each run gets its own folder, so two test runs on one
 * machine (a developer's and an editor's) never delete each other's databases.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../lib/db/migrations/apply-migrations';
import { resolveDatabaseTarget } from '../lib/db/database-url';

declare module 'vitest' {
  export interface ProvidedContext {
    testDataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const directory = path.resolve('data/test', `run-${process.pid}-${Date.now()}`);
  mkdirSync(directory, { recursive: true });
  await applyMigrations(resolveDatabaseTarget(`file:${path.join(directory, 'template.db')}`));
  project.provide('testDataDir', directory);
  return () => rmSync(directory, { recursive: true, force: true });
}

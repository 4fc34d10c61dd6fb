/** Brings a database up to date with the committed migrations (the offline `prisma migrate deploy`). */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveDatabaseTarget, type DatabaseTarget } from '../database-url';
import { createAdapterFactory } from '../adapter-factory';
import { readMigrationList, schemaLayoutFor } from './migration-files';
import { noSchemaFilter, openSchemaEngine, withSchemaEngineLock } from './schema-engine';

export function applyMigrations(target: DatabaseTarget = resolveDatabaseTarget(), root = process.cwd()): Promise<string[]> {
  return withSchemaEngineLock(() => applyMigrationsNow(target, root));
}

async function applyMigrationsNow(target: DatabaseTarget, root: string): Promise<string[]> {
  if (target.dialect === 'sqlite') mkdirSync(path.dirname(target.filePath), { recursive: true });
  const layout = schemaLayoutFor(target.dialect, root);
  const { engine, close } = await openSchemaEngine(
    { path: layout.schemaPath, content: readFileSync(layout.schemaPath, 'utf8') },
    createAdapterFactory(target),
  );
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrationList(layout.migrationsDir),
      filters: noSchemaFilter,
    });
    return appliedMigrationNames;
  } finally {
    await close();
  }
}

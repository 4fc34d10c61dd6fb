/** Reads a Prisma migrations folder into the shape the schema engine takes. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import type { DatabaseTarget } from '../database-url';

export interface SchemaLayout {
  schemaPath: string;
  migrationsDir: string;
}

export function schemaLayoutFor(dialect: DatabaseTarget['dialect'], root = process.cwd()): SchemaLayout {
  const base = dialect === 'sqlite' ? path.join(root, 'prisma') : path.join(root, 'prisma', 'postgres');
  return { schemaPath: path.join(base, 'schema.prisma'), migrationsDir: path.join(base, 'migrations') };
}

export function readMigrationList(migrationsDir: string): MigrationList {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const directories = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, 'migration.sql')))
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

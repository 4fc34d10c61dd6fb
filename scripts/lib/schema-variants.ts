/**
 * The PostgreSQL schema is the SQLite one with another provider and client folder, written out so
 * that Prisma can generate a client for it. Keeping one source of truth avoids two drifting schemas.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function postgresSchemaFrom(sqliteSchema: string): string {
  const header = '// GENERATED from prisma/schema.prisma by scripts/lib/schema-variants.ts: do not edit.\n';
  return (
    header +
    sqliteSchema
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace('output       = "./generated/sqlite"', 'output       = "../generated/postgres"')
  );
}

export function writePostgresSchema(root = process.cwd()): string {
  const sqlite = readFileSync(path.join(root, 'prisma', 'schema.prisma'), 'utf8');
  const target = path.join(root, 'prisma', 'postgres', 'schema.prisma');
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, postgresSchemaFrom(sqlite));
  return target;
}

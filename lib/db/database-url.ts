/**
 * Which database a DATABASE_URL names. SQLite is the default so that a fresh clone runs with
 * nothing installed; a relative `file:` path is resolved against the working directory, as Prisma does.
 */
import path from 'node:path';

export const DEFAULT_DATABASE_URL = 'file:./data/reproboard.db';

export type DatabaseTarget =
  | { dialect: 'sqlite'; url: string; filePath: string }
  | { dialect: 'postgres'; url: string };

export function resolveDatabaseTarget(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DatabaseTarget {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { dialect: 'postgres', url };
  if (url.startsWith('file:')) {
    const filePath = path.resolve(url.slice('file:'.length));
    return { dialect: 'sqlite', url: `file:${filePath}`, filePath };
  }
  throw new Error(`DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got "${url}"`);
}

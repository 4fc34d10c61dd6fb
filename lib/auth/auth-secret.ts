import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SECRET_FILE = path.resolve('data', 'auth-secret');

/**
 * The key that signs session cookies. BETTER_AUTH_SECRET wins (set it when several machines serve
 * one database: they must agree on it); otherwise a fresh clone gets a random one kept in
 * data/auth-secret, so sessions survive a restart and every process on this machine shares it.
 */
export function readAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (existsSync(SECRET_FILE)) return readFileSync(SECRET_FILE, 'utf8').trim();
  mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    // `wx`: when two processes start at once, the first file wins and both read it back.
    writeFileSync(SECRET_FILE, secret, { mode: 0o600, flag: 'wx' });
  } catch {
    // Another process wrote it first.
  }
  return readFileSync(SECRET_FILE, 'utf8').trim();
}

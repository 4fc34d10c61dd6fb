/**
 * Decides whether the production build is out of date: a hash over the names, sizes and
 * modification times of everything the build reads. Cheap enough to run at every start.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const INPUTS = ['app', 'components', 'lib', 'public', 'prisma/schema.prisma', 'next.config.mjs', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];
const STAMP = path.join('.next', 'reproboard-build-stamp');

function listFiles(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry, { withFileTypes: true }).flatMap((child) =>
    child.name === 'node_modules' || child.name.startsWith('.') ? [] : listFiles(path.join(entry, child.name)),
  );
}

export function computeBuildStamp(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(listFiles).sort()) {
    const stat = statSync(file);
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

export function isBuildCurrent(stamp: string): boolean {
  return existsSync(path.join('.next', 'BUILD_ID')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp;
}

export function recordBuildStamp(stamp: string): void {
  writeFileSync(STAMP, stamp);
}

/** Builds unless the existing build is from the same sources; returns whether it built. */
export function ensureCurrentBuild(build: () => void): boolean {
  const stamp = computeBuildStamp();
  if (isBuildCurrent(stamp)) return false;
  build();
  recordBuildStamp(stamp);
  return true;
}

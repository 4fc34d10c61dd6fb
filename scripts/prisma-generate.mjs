// Runs `prisma generate` offline. Prisma's CLI insists that a schema engine binary exists
// even though generate never runs it; pointing it at any file keeps it from downloading one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/false',
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
const schemas = ['prisma/schema.prisma', 'prisma/postgres/schema.prisma'].filter((s) => existsSync(s));
for (const schema of schemas) {
  const result = spawnSync('npx', ['prisma', 'generate', '--schema', schema], { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

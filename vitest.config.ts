import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

/** Every test file of the project; the `sqlite` project runs all of them. */
const ALL = ['lib/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts'];

/**
 * The tests that touch the database, run a second time against a real PostgreSQL 15 server.
 * Left out: lib/db/papers.test.ts (migrates its own SQLite file on purpose), and the CLI tests that
 * never open a database (the three listed below do, through the route handlers).
 */
const POSTGRES = [
  'test/api/**/*.test.ts',
  'lib/db/**/*.test.ts',
  'test/cli/import-command.test.ts',
  'test/cli/watch-command.test.ts',
  'test/cli/watch-resilience.test.ts',
  'test/cli/crash-loop.test.ts',
  'test/postgres/**/*.test.ts',
];
const SQLITE_ONLY = ['lib/db/papers.test.ts'];
const POSTGRES_ONLY = ['test/api/postgres-two-processes.test.ts', 'test/postgres/**/*.test.ts'];

// REPROBOARD_SKIP_POSTGRES=1: a machine without PostgreSQL runs the SQLite project only.
const withPostgres = process.env.REPROBOARD_SKIP_POSTGRES !== '1';

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.resolve(import.meta.dirname)}/` },
      // `server-only` throws outside a React Server Component bundle; tests run server code directly.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, 'test/stubs/server-only.ts') },
    ],
  },
  test: {
    environment: 'node',
    // Sessions are signed with this in tests (the app reads BETTER_AUTH_SECRET or data/auth-secret).
    env: { BETTER_AUTH_SECRET: 'reproboard-test-secret-not-for-production', BETTER_AUTH_URL: 'http://localhost' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only contend for the databases and the CPU.
    maxWorkers: 2,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'sqlite',
          include: ALL,
          exclude: [...configDefaults.exclude, ...POSTGRES_ONLY],
          globalSetup: ['test/global-setup.ts'],
        },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: POSTGRES,
                exclude: [...configDefaults.exclude, ...SQLITE_ONLY],
                globalSetup: ['test/global-setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});

// A local PostgreSQL 15 for the test suite: started when it is not running, with a dedicated
// test role (`reproboard_test`, LOGIN CREATEDB, a fixed local password) created or repaired as the
// `postgres` superuser over the Unix socket (peer auth), so a fresh CI machine needs nothing set up.
// Used by scripts/test-all.mjs and by test/global-setup.ts (so `npx vitest run --project postgres`
// works on its own).
//
// Environment:
//   REPROBOARD_TEST_POSTGRES_URL   use this admin URL as-is (a role with CREATEDB); nothing is started
//   REPROBOARD_TEST_PG_PASSWORD    the test role's password (default: reproboard_test)
//   REPROBOARD_SKIP_POSTGRES=1     no PostgreSQL suite at all (see vitest.config.ts)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PG_VERSION = '15';
export const PG_CLUSTER = 'main';
export const TEST_ROLE = 'reproboard_test';

/** PostgreSQL is missing or cannot be reached; the message says what to do. */
export class PostgresUnavailableError extends Error {
  name = 'PostgresUnavailableError';
}

export function postgresSkipped(env = process.env) {
  return env.REPROBOARD_SKIP_POSTGRES === '1';
}

function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', cwd: '/', ...options });
  return { ok: result.status === 0, status: result.status, error: result.error, out: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

function onPath(command) {
  return sh('sh', ['-c', `command -v ${command}`]).ok;
}

/** The port of cluster 15/main from `pg_lsclusters` (5432 when it cannot be read). */
function clusterPort() {
  const listing = sh('pg_lsclusters', ['-h']);
  if (!listing.ok) return 5432;
  for (const line of listing.out.split('\n')) {
    const [version, cluster, port] = line.trim().split(/\s+/);
    if (version === PG_VERSION && cluster === PG_CLUSTER && /^\d+$/.test(port ?? '')) return Number(port);
  }
  return 5432;
}

function isReady(port) {
  return sh('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(port)]).ok;
}

async function sleep(ms) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs SQL as the `postgres` superuser (peer auth on the Unix socket): as root via su, else sudo -n. */
function runAsSuperuser(sql, port) {
  const psql = ['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-p', String(port), '-d', 'postgres'];
  const user = process.getuid?.() === 0 ? 'root' : (process.env.USER ?? '');
  if (user === 'postgres') return sh(psql[0], psql.slice(1), { input: sql });
  if (user === 'root') return sh('su', ['postgres', '-s', '/bin/sh', '-c', psql.join(' ')], { input: sql });
  return sh('sudo', ['-n', '-u', 'postgres', ...psql], { input: sql });
}

function quoteLiteral(text) {
  return `'${text.replace(/'/g, "''")}'`;
}

async function canConnect(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query('SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user');
    return rows[0]?.rolcreatedb === true ? null : `role ${TEST_ROLE} lacks CREATEDB`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Makes sure a local PostgreSQL 15 accepts the test role and returns its admin URL
 * (`postgresql://reproboard_test:…@127.0.0.1:PORT/postgres`). Throws PostgresUnavailableError
 * with instructions when PostgreSQL is not installed or cannot be set up.
 */
export async function ensurePostgres({ log = (line) => console.log(line) } = {}) {
  if (process.env.REPROBOARD_TEST_POSTGRES_URL) return process.env.REPROBOARD_TEST_POSTGRES_URL;
  const skipHint = 'Set REPROBOARD_SKIP_POSTGRES=1 to run only the SQLite suite.';
  if (!onPath('pg_isready') || !onPath('pg_ctlcluster') || !existsSync(`/usr/lib/postgresql/${PG_VERSION}/bin/postgres`)) {
    throw new PostgresUnavailableError(
      `PostgreSQL ${PG_VERSION} is not installed, so the PostgreSQL test suite cannot run. ` +
        `Install it (Debian: apt-get install -y postgresql-${PG_VERSION}) or point REPROBOARD_TEST_POSTGRES_URL at a server ` +
        `(a role with CREATEDB). ${skipHint}`,
    );
  }
  const port = clusterPort();
  if (!isReady(port)) {
    log(`Starting PostgreSQL ${PG_VERSION} (pg_ctlcluster ${PG_VERSION} ${PG_CLUSTER} start)…`);
    const started = sh('pg_ctlcluster', [PG_VERSION, PG_CLUSTER, 'start']);
    if (!started.ok && !isReady(port)) {
      throw new PostgresUnavailableError(
        `PostgreSQL ${PG_VERSION} is installed but \`pg_ctlcluster ${PG_VERSION} ${PG_CLUSTER} start\` failed` +
          ` (${started.error?.message ?? `exit ${started.status}`}): ${started.out || 'no output'}. ` +
          `If the cluster does not exist: pg_createcluster ${PG_VERSION} ${PG_CLUSTER} --start. ${skipHint}`,
      );
    }
    const deadline = Date.now() + 30_000;
    while (!isReady(port)) {
      if (Date.now() > deadline) throw new PostgresUnavailableError(`PostgreSQL ${PG_VERSION} did not accept connections on 127.0.0.1:${port} within 30 s. ${skipHint}`);
      await sleep(200);
    }
  }

  const password = process.env.REPROBOARD_TEST_PG_PASSWORD || 'reproboard_test';
  const url = `postgresql://${TEST_ROLE}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  if ((await canConnect(url)) === null) return url;

  // First use on this machine (or a changed password): create or repair the role as the superuser.
  const sql = `DO $$ BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = ${quoteLiteral(TEST_ROLE)}) THEN
    ALTER ROLE ${TEST_ROLE} LOGIN CREATEDB PASSWORD ${quoteLiteral(password)};
  ELSE
    CREATE ROLE ${TEST_ROLE} LOGIN CREATEDB PASSWORD ${quoteLiteral(password)};
  END IF;
END $$;
`;
  const setup = runAsSuperuser(sql, port);
  if (!setup.ok) {
    throw new PostgresUnavailableError(
      `Could not create the test role ${TEST_ROLE} as the postgres superuser (${setup.error?.message ?? `exit ${setup.status}`}: ${setup.out || 'no output'}). ` +
        `Run as root, or once: sudo -u postgres psql -c "CREATE ROLE ${TEST_ROLE} LOGIN CREATEDB PASSWORD '${password}'". ${skipHint}`,
    );
  }
  const problem = await canConnect(url);
  if (problem !== null) {
    throw new PostgresUnavailableError(`The test role ${TEST_ROLE} cannot connect to 127.0.0.1:${port}: ${problem}. Check pg_hba.conf allows password (scram-sha-256) logins on 127.0.0.1. ${skipHint}`);
  }
  log(`PostgreSQL ${PG_VERSION}: test role ${TEST_ROLE} ready on 127.0.0.1:${port}.`);
  return url;
}


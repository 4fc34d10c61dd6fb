/**
 * PostgreSQL databases for the `postgres` test project. Global setup migrates one template database
 * per test run (`reproboard_template_<pid>`); each test file gets `CREATE DATABASE … TEMPLATE` of it
 * (a file-level copy, ~100 ms), named `reproboard_test_<pid>_<random>` so teardown drops exactly this
 * run's databases and a later run can drop those a killed run left behind (its pid is gone).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

const NAME = /^reproboard_(?:template|test)_(\d+)(?:_[0-9a-f]+)?$/;

export function templateName(pid = process.pid): string {
  return `reproboard_template_${pid}`;
}

function filePrefix(templateDatabase: string): string {
  return templateDatabase.replace(/^reproboard_template_/, 'reproboard_test_');
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates an empty template database for this run, after dropping what dead runs left behind. */
export async function createTemplateDatabase(adminUrl: string): Promise<string> {
  const template = templateName();
  await withAdmin(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE pg_get_userbyid(datdba) = current_user',
    );
    for (const { datname } of rows) {
      const pid = Number(NAME.exec(datname)?.[1]);
      if (pid && (pid === process.pid || !processAlive(pid))) {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
      }
    }
    await client.query(`CREATE DATABASE ${quoteIdentifier(template)}`);
  });
  return template;
}

/** Drops the template and every database copied from it in this run. */
export async function dropRunDatabases(adminUrl: string, template: string): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)',
      [template, `${filePrefix(template)}_`],
    );
    // Copies first: a database cannot be dropped while it is another's template mid-copy.
    for (const { datname } of rows.sort((a, b) => Number(a.datname === template) - Number(b.datname === template))) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
    }
  });
}

/**
 * A new database copied from the template, created synchronously (psql) because
 * `freshDatabaseUrl()` / `useFreshDatabase()` are synchronous for the test files that call them.
 */
export function createDatabaseFromTemplate(adminUrl: string, template: string): string {
  const name = `${filePrefix(template)}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const url = new URL(adminUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const sql = `CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(template)}`;
  try {
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url.toString(), '-c', sql], {
      env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '10' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    throw new Error(`could not create test database ${name} from ${template} with psql: ${stderr || String(error)}`);
  }
  return withDatabase(adminUrl, name);
}

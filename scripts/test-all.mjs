// `npm test`: every suite (unit and integration with Vitest — the `sqlite` project, and the
// integration tests again as the `postgres` project against a local PostgreSQL 15 that this script
// starts when needed — then browser with Playwright on Debian's Chromium), then one plain summary
// line `N passed, N failed` that CI can read. REPROBOARD_SKIP_POSTGRES=1 leaves PostgreSQL out.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensurePostgres, postgresSkipped } from './lib/postgres-server.mjs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' };
const run = (command, args, extraEnv = {}) => spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } }).status;

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  console.log('Installing Debian Chromium for the browser tests…');
  if (run('apt-get', ['update', '-qq']) !== 0 || run('apt-get', ['install', '-y', '-qq', 'chromium']) !== 0) {
    console.error('Could not install chromium with apt-get; install it (apt-get install -y chromium) and re-run.');
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;

// PostgreSQL first, so the `postgres` project's global setup finds it running with a test role.
// When it cannot be had, the reason goes to the global setup, which fails every PostgreSQL test
// that needs a database with it (the SQLite project still runs and counts).
const vitestEnv = {};
if (postgresSkipped()) {
  console.log('REPROBOARD_SKIP_POSTGRES=1: the PostgreSQL test project is skipped.');
} else {
  try {
    vitestEnv.REPROBOARD_TEST_POSTGRES_URL = await ensurePostgres();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(message);
    vitestEnv.REPROBOARD_TEST_POSTGRES_ERROR = message;
  }
}

// One Vitest run for both projects: the JSON report counts the tests of each (`[sqlite] …`, `[postgres] …`).
const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json'], vitestEnv);
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  // A file whose beforeAll failed (e.g. `[postgres]` files when PostgreSQL is unavailable) reports its
  // tests as skipped: count each such file as one failure, in whichever project it ran.
  const filesFailedWithoutTests = (vitest.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  failed += vitest.numFailedTests + filesFailedWithoutTests;
  // A failed global setup (e.g. migrating the PostgreSQL template) reports no tests at all.
  if (vitestStatus !== 0 && vitest.numFailedTests === 0 && vitest.numFailedTestSuites === 0) failed += 1;
} else if (vitestStatus !== 0) failed += 1;

ensureChromium();
const buildStatus = run('node', ['--conditions=react-server', '--import', 'tsx', 'scripts/build.ts']);
if (buildStatus !== 0) {
  console.error('The production build failed, so the browser tests could not run.');
  failed += 1;
} else {
  const playwrightStatus = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json' });
  const playwright = readJson('test-results/playwright.json');
  if (playwright?.stats) {
    passed += playwright.stats.expected + playwright.stats.flaky;
    failed += playwright.stats.unexpected + (playwright.errors?.length ?? 0);
  } else if (playwrightStatus !== 0) failed += 1;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

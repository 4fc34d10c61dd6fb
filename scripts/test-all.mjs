// `npm test`: every suite (unit and integration with Vitest, browser with Playwright on Debian's
// Chromium), then one plain summary line `N passed, N failed` that CI can read.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

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

const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']);
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitest.numFailedTestSuites > 0 && vitest.numFailedTests === 0 ? vitest.numFailedTestSuites : 0);
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

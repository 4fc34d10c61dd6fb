import { defineConfig } from '@playwright/test';
import { E2E_AUTH_STATE } from './e2e/support/test-database';

const port = Number(process.env.E2E_PORT ?? 3211);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  // Two cores: one for the app server, one for the browser.
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: true,
  reporter: [['list']],
  // Signs the admin in once; every test's browser and API requests start signed in as the admin.
  globalSetup: './e2e/support/sign-in-admin.ts',
  use: {
    storageState: E2E_AUTH_STATE,
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Root needs --no-sandbox; the rest keeps Chromium from dialling the closed network.
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'node --conditions=react-server --import tsx e2e/support/serve-test-app.ts',
    url: `http://127.0.0.1:${port}/api/v1/openapi.json`,
    env: { E2E_PORT: String(port) },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

/** Playwright global set-up: signs the e2e admin in through Better Auth and saves the cookies. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { request, type FullConfig } from '@playwright/test';
import { E2E_ADMIN, E2E_AUTH_STATE } from './test-database';

export default async function signInAdmin(config: FullConfig) {
  const baseURL = config.projects[0]!.use.baseURL!;
  const context = await request.newContext({ baseURL });
  const response = await context.post('/api/auth/sign-in/email', { data: E2E_ADMIN, headers: { origin: baseURL } });
  if (!response.ok()) throw new Error(`signing the e2e admin in failed: ${response.status()} ${await response.text()}`);
  mkdirSync(path.dirname(E2E_AUTH_STATE), { recursive: true });
  await context.storageState({ path: E2E_AUTH_STATE });
  await context.dispose();
}

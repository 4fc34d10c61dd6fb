/** The browser tests' database: always under data/e2e, so a test run can never touch real data. */
import path from 'node:path';

export const E2E_DATA_DIR = path.resolve('data/e2e');
export const E2E_DATABASE_URL = `file:${path.join(E2E_DATA_DIR, 'e2e.db')}`;

export function assertTestDatabase(url: string): void {
  const file = url.startsWith('file:') ? path.resolve(url.slice(5)) : '';
  if (!file.startsWith(`${E2E_DATA_DIR}${path.sep}`)) {
    throw new Error(`Refusing to run browser tests against ${url}: the test database must live in ${E2E_DATA_DIR}`);
  }
}

/** The admin the browser tests' server is started with (REPROBOARD_ADMIN_EMAIL / _PASSWORD). */
export const E2E_ADMIN = { email: 'e2e-admin@lab.example', password: 'e2e-admin-password' };

/** Where the global set-up keeps the signed-in admin's cookies for every test. */
export const E2E_AUTH_STATE = path.join(E2E_DATA_DIR, 'admin-state.json');

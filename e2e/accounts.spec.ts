import { expect, test, type Browser } from '@playwright/test';
import { clientFor, createTestProject } from './support/api';
import { E2E_ADMIN } from './support/test-database';

/** A browser with no cookies: Playwright would otherwise hand new contexts the signed-in admin's state. */
async function anonymousPage(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return { context, page: await context.newPage() };
}

test('an anonymous visitor is sent to sign in, a wrong password is refused, and signing in returns to the page', async ({ browser, request }) => {
  const project = await createTestProject(request, 'Sign in');
  const { context, page } = await anonymousPage(browser);
  await page.goto(`/projects/${project.slug}/scorecard`);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=%2Fprojects%2F${project.slug}%2Fscorecard$`));
  expect((await page.request.get(`/api/v1/projects/${project.slug}/runs`)).status()).toBe(401);

  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toContainText(/invalid/i);

  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project.slug}/scorecard$`));
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await page.goto('/setup');
  await expect(page).toHaveURL(/\/sign-in$|\/$/);
  await context.close();
});

test('an admin creates an account and makes it a viewer; the viewer reads the project but cannot change it', async ({ page, browser, request, baseURL }) => {
  const project = await createTestProject(request, 'Roles');
  const hidden = await createTestProject(request, 'Not shared');
  await clientFor(baseURL!, project).upsertRun('r1', { name: 'first run', status: 'finished' });
  const email = `viewer-${Date.now().toString(36)}@lab.example`;
  const password = 'viewer password 1';

  await page.goto('/admin/accounts');
  const form = page.getByRole('form', { name: 'Create an account' });
  await form.getByLabel('Name').fill('Vera Viewer');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel(/First password/).fill(password);
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('table', { name: 'Accounts' })).toContainText(email);

  await page.goto(`/projects/${project.slug}/access`);
  const add = page.getByRole('form', { name: 'Add a member' });
  await add.getByLabel('Email of an existing account').fill(email);
  await add.getByLabel('Role of the new member').selectOption('viewer');
  await add.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('table', { name: 'Members' }).getByRole('row', { name: new RegExp(email) })).toBeVisible();
  await expect(page.getByRole('table', { name: 'API keys' })).toContainText('default');

  const { context, page: viewerPage } = await anonymousPage(browser);
  await viewerPage.goto('/sign-in');
  await viewerPage.getByLabel('Email').fill(email);
  await viewerPage.getByLabel('Password').fill(password);
  await viewerPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(viewerPage.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const projects = viewerPage.getByRole('table').first();
  await expect(projects).toContainText('Roles');
  await expect(projects).not.toContainText('Not shared');

  await viewerPage.goto(`/projects/${project.slug}`);
  await expect(viewerPage.locator('tr[data-run-key="r1"]')).toBeVisible();
  await expect(viewerPage.getByText('Viewer · read-only')).toBeVisible();
  await expect(viewerPage.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
  await expect(viewerPage.getByRole('button', { name: /Add tag to/ })).toHaveCount(0);
  const write = await viewerPage.request.patch(`/api/v1/projects/${project.slug}/runs/r1/annotations`, { data: { notes: 'sneaky' } });
  expect(write.status()).toBe(403);
  expect((await write.json()).error.message).toContain('member role');

  await viewerPage.goto(`/projects/${hidden.slug}`);
  await expect(viewerPage.getByText('You are not a member of this project')).toBeVisible();
  await context.close();
});

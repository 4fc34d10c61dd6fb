import { expect, test, type Browser, type Page } from '@playwright/test';
import { clientFor, createTestProject } from './support/api';

const runKeys = ['b16-bs256', 'b16-bs512', 'l14-bs1024'];

async function createRuns(baseURL: string, project: { slug: string; key: string }) {
  const client = clientFor(baseURL, project);
  for (const key of runKeys) await client.upsertRun(key, { name: key, status: 'finished' });
}

function shownRunKeys(page: Page) {
  return page.locator('tr[data-run-key]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run-key')));
}

/** Opens a link as someone else would: a new browser context, with no cookies or storage of ours. */
async function openInFreshContext(browser: Browser, url: string) {
  // Playwright applies the config's storageState (the signed-in admin) to new contexts unless told otherwise.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

test('a view shared with the Share button opens read-only in a fresh browser until it is revoked', async ({ page, request, baseURL, browser }) => {
  const project = await createTestProject(request, 'Share UI');
  await createRuns(baseURL!, project);
  const viewPath = `/projects/${project.slug}?q=b16`;

  await page.goto(viewPath);
  await expect.poll(() => shownRunKeys(page)).toEqual(expect.arrayContaining(['b16-bs256', 'b16-bs512']));
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this view' });
  await dialog.getByLabel('Title (optional)').fill('B/16 runs');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const linkBox = dialog.getByRole('textbox', { name: 'Share link' });
  await expect(linkBox).toHaveValue(new RegExp(`^${baseURL}/s/[A-Za-z0-9_-]{22,}$`));
  const link = await linkBox.inputValue();

  const shared = await openInFreshContext(browser, link);
  await expect(shared.page).toHaveURL(`${baseURL}${viewPath}`);
  await expect.poll(() => shownRunKeys(shared.page)).toEqual(expect.arrayContaining(['b16-bs256', 'b16-bs512']));
  expect(await shownRunKeys(shared.page)).not.toContain('l14-bs1024');
  // The link leaves only its read-only grant behind: no session.
  expect((await shared.context.cookies()).map((cookie) => cookie.name)).toEqual(['reproboard_share']);
  await shared.context.close();

  const row = dialog.getByTestId('share-link-row').filter({ hasText: 'B/16 runs' });
  await expect(row).toContainText('active');
  await row.getByRole('button', { name: 'Revoke share link B/16 runs' }).click();
  await expect(row).toContainText('revoked');

  const revoked = await openInFreshContext(browser, link);
  await expect(revoked.page.getByRole('heading', { name: /This share link was revoked on/ })).toBeVisible();
  await expect(revoked.page).toHaveURL(`${link}/unavailable`);
  await revoked.context.close();
});

test('a share link made through the API lands on the exact view, and unknown or revoked links say so', async ({ request, baseURL, browser }) => {
  const project = await createTestProject(request, 'Share API');
  await createRuns(baseURL!, project);
  const viewPath = `/projects/${project.slug}?q=l14&sort=name:desc&sel=l14-bs1024`;

  const response = await request.post(`/api/v1/projects/${project.slug}/share-links`, { data: { viewPath, expiresInDays: 7 } });
  expect(response.status()).toBe(201);
  const created = (await response.json()) as { shareLink: { id: string; url: string } };
  const link = `${baseURL}${created.shareLink.url}`;

  const shared = await openInFreshContext(browser, link);
  await expect(shared.page).toHaveURL(`${baseURL}${viewPath}`);
  await expect.poll(() => shownRunKeys(shared.page)).toEqual(['l14-bs1024']);
  await shared.context.close();

  expect((await request.post(`/api/v1/share-links/${created.shareLink.id}/revoke`)).status()).toBe(200);
  const revoked = await openInFreshContext(browser, link);
  await expect(revoked.page.getByRole('heading', { name: /This share link was revoked on/ })).toBeVisible();
  await revoked.context.close();

  const unknown = await openInFreshContext(browser, `${baseURL}/s/${'A'.repeat(32)}`);
  await expect(unknown.page.getByRole('heading', { name: 'This share link does not exist' })).toBeVisible();
  await unknown.context.close();
});

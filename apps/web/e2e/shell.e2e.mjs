import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, login, withPage, expectText, expectAttribute } from './helpers.mjs';

// The app's pages need a session (identity's route guard): the demo OWNER of one dossier.
const OWNER = 'paul@boulangerie-martin.fr';
const DEMO_PASSWORD = 'Comptoir-demo-2026';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the served app shows the Comptoir shell and the server reports "ok"', (t) =>
  withPage(browser, t, async ({ page, externalRequests, pageErrors }) => {
    await login(page, OWNER, DEMO_PASSWORD);
    await page.goto('/');
    assert.equal(await page.title(), 'Comptoir');
    await page.getByRole('banner').getByRole('link', { name: 'Comptoir' }).waitFor();
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    // The home page is the dossier's: its name as title, and shortcuts to the profile's functions.
    await page.getByRole('heading', { level: 1, name: 'Boulangerie Martin' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Devis' }).waitFor();

    // The home page shows the server's health too; the footer leads to the status page.
    await page.locator('[data-testid="health-status"][data-status="ok"]').waitFor();
    await page.getByRole('contentinfo').getByRole('link', { name: 'État du service' }).click();
    await page.waitForURL('**/statut');
    await page.getByRole('heading', { level: 1, name: 'État du service' }).waitFor();
    const status = page.locator('[data-testid="health-status"][data-status="ok"]');
    await status.waitFor();
    await expectText(status, /Opérationnel\s+ok/);
    await expectText(page.getByTestId('health-version'), /\S/);

    assert.deepEqual(externalRequests, []);
    assert.deepEqual(pageErrors, []);
  }));

test('a client-side route opened directly is served the SPA', (t) =>
  withPage(browser, t, async ({ page, pageErrors }) => {
    const response = await page.goto('/statut');
    assert.equal(response?.status(), 200);
    await page.locator('[data-testid="health-status"][data-status="ok"]').waitFor();

    await login(page, OWNER, DEMO_PASSWORD);
    await page.goto('/nulle-part');
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    assert.deepEqual(pageErrors, []);
  }));

test('the language switch turns the interface to English and is remembered', (t) =>
  withPage(browser, t, async ({ page }) => {
    await page.goto('/statut');
    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { level: 1, name: 'Service status' }).waitFor();
    await expectAttribute(page.locator('html'), 'lang', 'en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Service status' }).waitFor();
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'FR' }).click();
    await page.getByRole('heading', { level: 1, name: 'État du service' }).waitFor();
  }));

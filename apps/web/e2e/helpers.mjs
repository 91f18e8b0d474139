// Shared pieces of the browser tests. `run.mjs` starts the API and sets E2E_BASE_URL;
// each test file launches its own Chromium (files run one after another).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const baseUrl = process.env.E2E_BASE_URL ?? '';
if (!baseUrl) throw new Error('E2E_BASE_URL is not set: run the browser tests through `pnpm test:e2e` (e2e/run.mjs)');

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Debian's Chromium, headless, with nothing that phones home. Playwright gives
// every launch a fresh temporary profile (its own --user-data-dir, deleted on close;
// it refuses one passed in `args`).
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser() {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * A fresh context (no cookies, no storage) and a page in it, as a French user in
 * Paris would have. Any request leaving the app's origin is blocked and recorded
 * in `externalRequests`, so a test proves the app works with no internet; uncaught
 * page errors are recorded in `pageErrors`.
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'fr-FR', timezoneId: 'Europe/Paris', ...options });
  context.setDefaultTimeout(20_000);
  const origin = new URL(baseUrl).origin;
  const externalRequests = [];
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      externalRequests.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, externalRequests, pageErrors };
}

// Screenshots of failed tests land here (git-ignored).
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '.artifacts');

/**
 * Runs `fn` with a fresh page (see `newPage`) and closes its context afterwards.
 * When `fn` throws, a screenshot named after the test is saved in e2e/.artifacts/.
 */
export async function withPage(browser, t, fn, options) {
  const session = await newPage(browser, options);
  try {
    await fn(session);
  } catch (error) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `${t.name.replace(/[^\w-]+/g, '_').slice(0, 100)}.png`);
    await session.page.screenshot({ path: file, fullPage: true }).then(
      () => console.log(`screenshot: ${file}`),
      () => undefined,
    );
    throw error;
  } finally {
    await session.context.close();
  }
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Logs in through the Connexion page (French UI). When the account has several
 * dossiers, the picker shows: `dossierName` says which one to open (required then).
 * Any session the page had is dropped first. Resolves once the session is open (the header's session menu shows), on the
 * dossier asked for when one is given. A refused login throws with the page's message.
 */
export async function login(page, email, password, dossierName) {
  // Start from no session: an open one would send the login page straight on.
  await page.context().clearCookies();
  await page.goto('/connexion');
  const form = page.getByRole('form', { name: 'Connexion' });
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Se connecter' }).click();
  const menu = page.getByTestId('session-menu');
  const refused = form.getByRole('alert');
  await menu.or(refused).first().waitFor();
  if (await refused.isVisible()) throw new Error(`login(${email}) refused: ${await refused.innerText()}`);
  if (new URL(page.url()).pathname === '/choisir-un-dossier') {
    if (!dossierName) throw new Error(`login(${email}): the account has several dossiers, say which one to open`);
    await page.getByTestId('dossier-picker').getByRole('button', { name: new RegExp(escapeRegExp(dossierName)) }).click();
  }
  if (dossierName) await page.getByTestId('current-dossier').filter({ hasText: dossierName }).waitFor();
}

/** The visible text of an element with Monaco's non-breaking spaces made plain. */
export async function plainText(locator) {
  return (await locator.innerText()).replace(/\u00a0/g, ' ');
}

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

// ---- Waiting before reading ----
// The machine running these tests is loaded: a page can lag by seconds. No test reads a
// count, a text, an attribute or a value once; it waits until the state it checks holds
// (or the timeout passes, and then fails with what it last saw).

const DEFAULT_WAIT_MS = 20_000;

/**
 * Polls `read()` until `check(value)` is true; resolves with that value. On timeout,
 * throws with `what` and the last value read. Shared by every test and by the helpers below.
 */
export async function waitUntil(read, check, { timeout = DEFAULT_WAIT_MS, what = 'a condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
    try {
      last = await read();
      lastError = undefined;
      if (await check(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? `error: ${lastError.message}` : JSON.stringify(last);
      throw new Error(`timed out waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

const matches = (expected) => (value) => (expected instanceof RegExp ? expected.test(value) : value === expected);

/** Waits until `locator` matches exactly `count` elements. */
export function expectCount(locator, count, options) {
  return waitUntil(() => locator.count(), (n) => n === count, { what: `${count} element(s) for ${locator}`, ...options });
}

/** Waits until the visible text of `locator` (ordinary and narrow non-breaking spaces made plain) equals `expected` (string) or matches it (RegExp); resolves with the text. */
export function expectText(locator, expected, options) {
  const read = async () => (await plainText(locator)).replace(/\u202f/g, ' ');
  return waitUntil(read, matches(expected), { what: `text ${expected} in ${locator}`, ...options });
}

/** Waits until the attribute `name` of `locator` equals (or matches) `expected`; resolves with it. */
export function expectAttribute(locator, name, expected, options) {
  return waitUntil(() => locator.getAttribute(name), (value) => value !== null && matches(expected)(value), { what: `${name}=${expected} on ${locator}`, ...options });
}

/** Waits until the value of the input `locator` equals (or matches) `expected`. */
export function expectValue(locator, expected, options) {
  return waitUntil(() => locator.inputValue(), matches(expected), { what: `value ${expected} in ${locator}`, ...options });
}

/** Waits until the text content of `locator`'s elements, in order, deep-equals `expected` (an array of strings). */
export function expectTexts(locator, expected, options) {
  const wanted = JSON.stringify(expected);
  return waitUntil(async () => (await locator.allTextContents()).map((text) => text.replace(/[\u00a0\u202f]/g, ' ').trim()), (texts) => JSON.stringify(texts) === wanted, {
    what: `texts ${wanted} in ${locator}`,
    ...options,
  });
}

// ---- Phone size, overflow and accessibility ----

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Waits until the page does not scroll sideways (`scrollWidth <= innerWidth`); fails with the widest culprits. */
export async function expectNoHorizontalScroll(page, what = page.url()) {
  try {
    await waitUntil(
      () => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })),
      ({ scrollWidth, innerWidth }) => scrollWidth <= innerWidth,
      { what: `no horizontal scroll on ${what}`, timeout: 5_000 },
    );
  } catch (error) {
    const culprits = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} right=${Math.round(el.getBoundingClientRect().right)}`),
    );
    throw new Error(`${error.message}\nwider than the window: ${culprits.join(' | ')}`, { cause: error });
  }
}

const axePath = fileURLToPath(import.meta.resolve('axe-core/axe.min.js'));

/**
 * Runs axe-core (injected from node_modules: nothing downloaded) on the page as it is
 * and resolves with its violations (WCAG 2.x A/AA rules and best practices), each as
 * `rule: target` lines ready for an assertion message.
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

/**
 * Chooses in a searchable picker (Mantine Select fed by a server search): types
 * `search` (if any), waits for the server's options, clicks the first one whose text
 * matches `option` (or the first one), and resolves with its text.
 */
export async function pickOption(page, input, { search, option } = {}) {
  await input.click();
  if (search !== undefined) await input.fill(search);
  const listbox = page.getByRole('listbox').last();
  const choices = option ? listbox.getByRole('option').filter({ hasText: option }) : listbox.getByRole('option');
  const choice = choices.first();
  await choice.waitFor();
  const text = (await choice.innerText()).trim();
  await choice.click();
  await waitUntil(() => input.inputValue(), (value) => value === text, { what: `${text} chosen in ${input}` });
  return text;
}

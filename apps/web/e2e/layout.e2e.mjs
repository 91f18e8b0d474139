// Every page at phone size (390×844) and desktop size (1440×900): no sideways scroll,
// every action reachable (the burger opens the menu, Se déconnecter is tappable), and
// axe-core finds no violation on the pages people use most.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, PHONE, axeViolations, expectNoHorizontalScroll, launchBrowser, login, withPage } from './helpers.mjs';

const DEMO_PASSWORD = 'Comptoir-demo-2026';
const ADV = 'marc@atelier-dupont.fr';
const COMMERCIAL = 'sophie@atelier-dupont.fr';
const ACHAT = 'julien@atelier-dupont.fr';
const SUPPORT = 'support@comptoir.fr';
const SUPPORT_PASSWORD = DEMO_PASSWORD;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Opens `path` and waits for its main heading (and any loading line to go) before measuring. */
async function open(page, path) {
  await page.goto(path);
  await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByRole('main').getByRole('status').filter({ hasText: /Chargement/ }).waitFor({ state: 'detached' });
}

/** Opens the list at `path`, then the first record it links to (`rowTestId` rows); returns the record's path. */
async function openFirst(page, path, rowTestId) {
  await open(page, path);
  const link = page.getByTestId(rowTestId).first().getByRole('link').first();
  await link.waitFor();
  const href = await link.getAttribute('href');
  await open(page, href);
  return href;
}

const LOGGED_OUT = ['/connexion', '/inscription', '/mot-de-passe-oublie', '/statut'];

const PAGES = {
  [ADV]: ['/', '/devis', '/devis/nouveau', '/factures', '/factures/nouveau', '/avoirs', '/demandes-de-prix', '/commandes-fournisseurs/nouveau', '/commandes-fournisseurs', '/clients', '/clients/nouveau', '/fournisseurs', '/articles', '/articles/nouveau', '/stats/liste-des-pieces', '/stats/recapitulatif-des-actions', '/parametres/utilisateurs', '/parametres/abonnement', '/parametres/dossier', '/parametres/comptabilite', '/lots-ecritures', '/mon-compte'],
  [COMMERCIAL]: ['/', '/devis', '/devis/nouveau', '/clients', '/articles', '/mon-compte'],
  [ACHAT]: ['/', '/demandes-de-prix', '/demandes-de-prix/nouveau', '/commandes-fournisseurs', '/fournisseurs', '/articles'],
};

for (const [name, viewport] of [
  ['phone', PHONE],
  ['desktop', DESKTOP],
]) {
  test(`${name} (${viewport.width}×${viewport.height}): logged-out pages fit the width`, (t) =>
    withPage(
      browser,
      t,
      async ({ page }) => {
        for (const path of LOGGED_OUT) {
          await open(page, path);
          await expectNoHorizontalScroll(page, path);
        }
      },
      { viewport },
    ));

  for (const [email, paths] of Object.entries(PAGES)) {
    test(`${name}: every page of ${email} fits the width, records included`, (t) =>
      withPage(
        browser,
        t,
        async ({ page, pageErrors }) => {
          await login(page, email, DEMO_PASSWORD);
          for (const path of paths) {
            await open(page, path);
            await expectNoHorizontalScroll(page, path);
          }
          const records = email === ACHAT ? [['/demandes-de-prix', 'document-row'], ['/fournisseurs', 'party-row'], ['/articles', 'article-row']] : [['/devis', 'document-row'], ['/clients', 'party-row'], ['/articles', 'article-row']];
          if (email === ADV) records.push(['/factures', 'document-row'], ['/commandes-fournisseurs', 'document-row']);
          for (const [list, row] of records) {
            const path = await openFirst(page, list, row);
            await expectNoHorizontalScroll(page, path);
          }
          assert.deepEqual(pageErrors, []);
        },
        { viewport },
      ));
  }

  test(`${name}: the support team's /admin fits the width`, (t) =>
    withPage(
      browser,
      t,
      async ({ page }) => {
        await login(page, SUPPORT, SUPPORT_PASSWORD);
        await open(page, '/admin');
        await expectNoHorizontalScroll(page, '/admin');
        await page.getByRole('searchbox', { name: "Nom, SIRET ou e-mail d'un utilisateur" }).fill('Atelier Dupont');
        await page.getByRole('button', { name: 'Rechercher' }).click();
        await page.getByTestId('admin-dossier-results').getByRole('link', { name: 'Atelier Dupont SARL' }).click();
        await page.getByTestId('admin-members').locator('tr').nth(1).waitFor();
        await page.getByTestId('admin-actions').waitFor();
        await expectNoHorizontalScroll(page, 'an /admin dossier');
      },
      { viewport },
    ));
}

test('phone: the burger opens the menu, its links work, and Se déconnecter is tappable', (t) =>
  withPage(
    browser,
    t,
    async ({ page }) => {
      await login(page, ADV, DEMO_PASSWORD);
      // The home page first: a menu opened while the app still settles after login may fold again.
      await open(page, '/');
      const nav = page.getByRole('navigation', { name: 'Navigation principale' });
      const burger = page.getByRole('button', { name: 'Ouvrir le menu' });
      await burger.click();
      await page.getByRole('button', { name: 'Fermer le menu' }).waitFor();
      await nav.getByRole('link', { name: 'Factures', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Factures' }).waitFor();
      // Navigating folds the menu again.
      await burger.waitFor();
      await burger.click();
      await page.getByRole('link', { name: 'Mon compte' }).waitFor();
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.waitForURL('**/connexion');
    },
    { viewport: PHONE },
  ));

async function expectNoAxeViolation(page, what) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe on ${what}:\n${violations.join('\n')}`);
}

for (const [name, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
]) {
  test(`${name}: axe-core finds no violation on login, a list, a document, the export page and /admin`, (t) =>
    withPage(
      browser,
      t,
      async ({ page }) => {
        await open(page, '/connexion');
        await expectNoAxeViolation(page, '/connexion');
        await login(page, ADV, DEMO_PASSWORD);
        await open(page, '/');
        await page.getByTestId('dash-revenue-chart').waitFor(); // the dashboard itself, not its skeleton
        await expectNoAxeViolation(page, 'the home page');
        await open(page, '/factures');
        await page.getByTestId('document-row').first().waitFor();
        await expectNoAxeViolation(page, '/factures');
        const invoice = await openFirst(page, '/factures', 'document-row');
        await expectNoAxeViolation(page, invoice);
        await open(page, '/devis/nouveau');
        await expectNoAxeViolation(page, '/devis/nouveau');
        await open(page, '/stats/liste-des-pieces');
        await page.getByTestId('export-preview').waitFor();
        await expectNoAxeViolation(page, '/stats/liste-des-pieces');
        await login(page, SUPPORT, SUPPORT_PASSWORD);
        await open(page, '/admin');
        await expectNoAxeViolation(page, '/admin');
        await page.getByRole('searchbox', { name: "Nom, SIRET ou e-mail d'un utilisateur" }).fill('Atelier Dupont');
        await page.getByRole('button', { name: 'Rechercher' }).click();
        await page.getByTestId('admin-dossier-results').getByRole('link', { name: 'Atelier Dupont SARL' }).click();
        await page.getByTestId('admin-members').locator('tr').nth(1).waitFor();
        await expectNoAxeViolation(page, 'an /admin dossier');
      },
      // The app's Content-Security-Policy (script-src 'self') would refuse the injected axe script.
      { viewport, bypassCSP: true },
    ));
}

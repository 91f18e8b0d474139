// The home page of each profile (issue 10, item 2) on the demo data: OWNER/ADV see
// revenue with its chart, unpaid invoices, quotes awaiting and colleagues' activity;
// COMMERCIAL their quotes and conversion rate; ACHAT open price requests and orders to
// receive; ACCOUNTANT what was issued this month. Empty blocks offer the next step.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expectAttribute, launchBrowser, login, withPage } from './helpers.mjs';

const DEMO_PASSWORD = 'Comptoir-demo-2026';
const DUPONT = 'Atelier Dupont SARL';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('ADV: revenue with its chart, unpaid invoices, quotes awaiting and what colleagues did', (t) =>
  withPage(browser, t, async ({ page, pageErrors }) => {
    await login(page, 'marc@atelier-dupont.fr', DEMO_PASSWORD);
    await page.goto('/');
    const revenue = page.getByTestId('dash-revenue');
    await revenue.getByRole('heading', { name: 'Chiffre d’affaires HT' }).waitFor();
    await revenue.getByTestId('dash-revenue-year').waitFor();
    assert.match(await revenue.getByTestId('dash-revenue-year').innerText(), /€/);
    // The chart: twelve months of bars, hidden from screen readers, which get its table.
    const chart = revenue.getByTestId('dash-revenue-chart');
    await chart.waitFor();
    assert.equal(await chart.getAttribute('aria-hidden'), 'true');
    assert.equal(await chart.locator('.revenue-chart-month').count(), 12);
    assert.equal(await revenue.getByRole('table', { name: 'Chiffre d’affaires HT par mois' }).getByRole('row').count(), 13);

    const unpaid = page.getByTestId('dash-unpaid');
    await unpaid.getByRole('heading', { name: 'Factures impayées' }).waitFor();
    await page.getByTestId('dash-quotes').getByRole('heading', { name: 'Devis en attente de réponse' }).waitFor();
    // Each unpaid invoice opens on its Paiements tab, where the payment is recorded.
    const invoiceLinks = unpaid.getByRole('listitem').getByRole('link');
    await invoiceLinks.first().waitFor();
    const hrefs = await invoiceLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.every((href) => /^\/factures\/[^/?]+\?onglet=paiements$/.test(href)), hrefs.join('\n'));
    await invoiceLinks.first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/factures/') && url.search === '?onglet=paiements');
    await expectAttribute(page.getByRole('tab', { name: 'Paiements' }), 'aria-selected', 'true');
    await page.getByTestId('payments-panel').waitFor();
    await page.goBack();
    await page.getByTestId('dash-quotes').getByRole('heading', { name: 'Devis en attente de réponse' }).waitFor();

    // Colleagues' actions, each naming who did it; never Marc himself.
    const activity = page.getByTestId('dash-activity');
    await activity.getByRole('listitem').first().waitFor();
    const lines = await activity.getByRole('listitem').allInnerTexts();
    assert.ok(lines.length > 0);
    assert.ok(lines.every((line) => !line.startsWith('Marc Lambert')), lines.join('\n'));
    assert.deepEqual(pageErrors, []);
  }));

test('COMMERCIAL: their quotes by status and their conversion rate', (t) =>
  withPage(browser, t, async ({ page, pageErrors }) => {
    await login(page, 'sophie@atelier-dupont.fr', DEMO_PASSWORD);
    await page.goto('/');
    const mine = page.getByTestId('dash-commercial');
    await mine.getByRole('heading', { name: 'Mes devis' }).waitFor();
    await mine.getByText('Taux de transformation').waitFor();
    assert.match(await mine.getByTestId('dash-conversion').innerText(), /%|Pas encore/);
    // No invoicing figures for a COMMERCIAL.
    assert.equal(await page.getByTestId('dash-revenue').count(), 0);
    assert.deepEqual(pageErrors, []);
  }));

test('ACHAT: open price requests and supplier orders to receive', (t) =>
  withPage(browser, t, async ({ page, pageErrors }) => {
    await login(page, 'julien@atelier-dupont.fr', DEMO_PASSWORD);
    await page.goto('/');
    await page.getByTestId('dash-requests').getByRole('heading', { name: 'Demandes de prix ouvertes' }).waitFor();
    await page.getByTestId('dash-orders').getByRole('heading', { name: 'Commandes à réceptionner' }).waitFor();
    assert.deepEqual(pageErrors, []);
  }));

test('ACCOUNTANT: what was issued this month, and batches announced without a dead link', (t) =>
  withPage(browser, t, async ({ page, pageErrors }) => {
    // Two dossiers: the login lands on the picker (filled by hand: the shared login()
    // helper waits for a session menu the picker page does not show).
    await page.context().clearCookies();
    await page.goto('/connexion');
    const form = page.getByRole('form', { name: 'Connexion' });
    await form.getByLabel('Adresse e-mail').fill('nadia@cabinet-lefevre.fr');
    await form.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/choisir-un-dossier');
    await page.getByTestId('dossier-picker').getByRole('button', { name: new RegExp(DUPONT) }).click();
    await page.getByRole('heading', { level: 1, name: DUPONT }).waitFor();
    await page.getByTestId('dash-month-invoices').getByRole('heading', { name: 'Factures émises' }).waitFor();
    await page.getByText(/Les lots d’écritures à collecter arriveront/).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Factures', exact: true }).click();
    await page.waitForURL('**/factures');
    await page.getByRole('heading', { level: 1, name: 'Factures' }).waitFor();
    assert.deepEqual(pageErrors, []);
  }));

test('an empty dossier says what to do next, with the button that does it', (t) =>
  withPage(browser, t, async ({ page, pageErrors }) => {
    await login(page, 'paul@boulangerie-martin.fr', DEMO_PASSWORD);
    await page.goto('/');
    const quotes = page.getByTestId('dash-quotes');
    await quotes.getByText('Aucun devis envoyé en attente').waitFor();
    await quotes.getByRole('link', { name: 'Nouveau devis' }).click();
    await page.waitForURL('**/devis/nouveau');
    assert.deepEqual(pageErrors, []);
  }));

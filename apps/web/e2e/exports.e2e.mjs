// STATS / Exports avancés (issue 5): an ADV user picks columns including « Créé par »
// and « Modifié par », saves them as a preset, downloads the .xlsx, and the file,
// read back with SheetJS, holds the rows the preview announced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { launchBrowser, login, withPage, expectText, expectAttribute } from './helpers.mjs';

// Demo data (apps/api/src/app/seed): the ADV user of Atelier Dupont SARL.
const ADV = { email: 'marc@atelier-dupont.fr', password: 'Comptoir-demo-2026', name: 'Marc Lambert' };

let browser;
let downloads;
before(async () => {
  browser = await launchBrowser();
  downloads = mkdtempSync(join(tmpdir(), 'comptoir-e2e-exports-'));
});
after(async () => {
  await browser?.close();
  rmSync(downloads, { recursive: true, force: true });
});

/** Logs in through the SPA's login page when it exists, otherwise through the API (same cookie). */
async function logIn(page, user) {
  try {
    await login(page, user.email, user.password);
    return;
  } catch (error) {
    if (!String(error?.message).includes('no login page yet')) throw error;
  }
  const response = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json' },
    data: { query: 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }', variables: { email: user.email, password: user.password } },
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
}

test('an ADV user exports the invoices with who created and modified them', async (t) => {
  await withPage(browser, t, async ({ page, externalRequests, pageErrors }) => {
    await logIn(page, ADV);
    await page.goto('/');
    const menu = page.getByRole('link', { name: 'STATS / Exports avancés' });
    if (await menu.isVisible().catch(() => false)) await menu.click();
    else await page.goto('/stats');
    await page.waitForURL('**/stats/liste-des-pieces');
    await page.getByRole('heading', { name: 'STATS / Exports avancés' }).waitFor();

    // Filters: invoices only.
    await page.getByTestId('export-filters').getByLabel('Facture', { exact: true }).check();

    // Paramètres: the user-action columns, in a chosen order.
    await page.getByRole('button', { name: 'Paramètres' }).click();
    const settings = page.getByTestId('export-settings');
    for (const label of ['Créé par', 'Modifié par', 'Créé le', 'Nombre de modifications']) await settings.getByLabel(label, { exact: true }).check();
    await settings.getByLabel('Statut', { exact: true }).uncheck();
    await settings.getByLabel('Tiers', { exact: true }).uncheck();
    await settings.getByRole('button', { name: 'Monter Créé le' }).click();
    const order = await page.getByTestId('column-order').locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-key')));
    assert.ok(order.includes('createdBy') && order.includes('updatedBy'), `columns: ${order}`);

    // Save the choice as a private preset; it is offered in the list afterwards.
    await settings.getByLabel('Nom de la sélection').fill('Suivi des factures (e2e)');
    await settings.getByRole('button', { name: 'Enregistrer la sélection' }).click();
    await page.getByText('Sélection « Suivi des factures (e2e) » enregistrée.').waitFor();
    await page.getByLabel('Charger une sélection').locator('option', { hasText: 'Suivi des factures (e2e)' }).waitFor({ state: 'attached' });

    // The preview says how many rows the export will hold.
    const count = page.getByTestId('preview-count');
    await count.waitFor();
    await page.waitForFunction(() => {
      const table = document.querySelector('[data-testid="export-preview"] thead');
      return table && table.textContent.includes('Créé par') && !table.textContent.includes('Statut');
    });
    const total = Number(await expectAttribute(count, 'data-total', /^\d+$/));
    assert.ok(total > 0, 'the demo data has invoices');

    // Download the .xlsx and read it back. It is written by a background job whose progress the
    // page follows on the exportProgress subscription (over the page's WebSocket).
    const backgroundRuns = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('runExportInBackground')) backgroundRuns.push(request);
    });
    const subscriptions = [];
    page.on('websocket', (socket) => socket.on('framesent', (frame) => String(frame.payload).includes('exportProgress') && subscriptions.push(frame.payload)));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en .xlsx' }).click()]);
    assert.match(download.suggestedFilename(), /^liste-des-pieces-.*\.xlsx$/);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const book = XLSX.read(readFileSync(file), { type: 'buffer', cellDates: true });
    assert.deepEqual(book.SheetNames, ['Liste des pièces', 'Paramètres']);
    const rows = XLSX.utils.sheet_to_json(book.Sheets['Liste des pièces'], { header: 1, raw: true });
    const header = rows[0];
    assert.deepEqual(header, order.map((key) => ({ type: 'Type', number: 'Numéro', date: 'Date', totalExclVat: 'Total HT', totalInclVat: 'Total TTC', createdBy: 'Créé par', updatedBy: 'Modifié par', createdAt: 'Créé le', modificationCount: 'Nombre de modifications' })[key] ?? key));
    assert.equal(rows.length - 1, total);
    const col = (label) => header.indexOf(label);
    for (const row of rows.slice(1)) {
      assert.equal(row[col('Type')], 'Facture');
      assert.ok(typeof row[col('Créé par')] === 'string' && row[col('Créé par')].length > 0, 'created by is filled');
      assert.ok(typeof row[col('Modifié par')] === 'string' && row[col('Modifié par')].length > 0, 'modified by is filled');
      assert.ok(row[col('Date')] instanceof Date, 'dates are dates');
      assert.equal(typeof row[col('Total TTC')], 'number');
    }
    const params = new Map(XLSX.utils.sheet_to_json(book.Sheets['Paramètres'], { header: 1 }).map((r) => [r[0], r[1]]));
    assert.equal(params.get('Exporté par'), ADV.name);
    assert.equal(params.get('Types de pièce'), 'Facture');

    assert.equal(backgroundRuns.length, 1, 'the export ran as a background job');
    assert.equal(subscriptions.length, 1, 'its progress was followed live');

    // The export is in the log, completed, by this user.
    await page.getByTestId('export-done').waitFor();
    const logRow = page.getByTestId('export-log').locator('tbody tr[data-status="COMPLETED"]').first();
    await logRow.waitFor();
    await expectText(logRow, new RegExp(ADV.name));

    assert.deepEqual(externalRequests, []);
    assert.deepEqual(pageErrors, []);
  });
});

// Acceptance of issue 12 (SPA part): the accountant logs in, picks a client dossier that
// shows its batches left to collect, downloads the FEC of a batch and marks it collected;
// the owner then cannot issue an invoice dated in that period.
// Boulangerie Martin is used (no other browser test issues invoices there): the batch
// collected here is the current month's, which locks today for that dossier only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { expectText, graphqlFromPage, launchBrowser, login, withPage } from './helpers.mjs';

const DEMO_PASSWORD = 'Comptoir-demo-2026';
const OWNER = 'paul@boulangerie-martin.fr';
const ACCOUNTANT = 'nadia@cabinet-lefevre.fr';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const LINES = '[{ description: "Pains au levain", quantity: 12, unitPriceCents: 420, vatRate: 5.5 }, { description: "Livraison", quantity: 1, unitPriceCents: 1500, vatRate: 20 }]';

test('the accountant downloads the FEC of a pending batch and collects it; the owner can no longer issue into that period', (t) =>
  withPage(browser, t, async ({ page, pageErrors }) => {
    // ---- The owner issues an invoice (its entry opens this month's batch) and keeps a draft ----
    await login(page, OWNER, DEMO_PASSWORD);
    const { c } = await graphqlFromPage(page, 'mutation { c: createCustomer(input: { legalName: "Hôtel du Parc" }) { id } }');
    const make = async () =>
      (await graphqlFromPage(page, `mutation($p: ID!) { d: createInvoice(input: { partyId: $p, lines: ${LINES} }) { id version } }`, { p: c.id })).d;
    const first = await make();
    await graphqlFromPage(page, 'mutation($id: ID!, $v: Int!) { issueDocument(id: $id, version: $v) { number } }', { id: first.id, v: first.version });
    const draft = await make();

    // ---- The accountant: the picker shows the batches left to collect ----
    await page.context().clearCookies();
    await page.goto('/connexion');
    const form = page.getByRole('form', { name: 'Connexion' });
    await form.getByLabel('Adresse e-mail').fill(ACCOUNTANT);
    await form.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/choisir-un-dossier');
    const choice = page.getByTestId('dossier-picker').getByRole('button', { name: /Boulangerie Martin/ });
    await expectText(choice.getByTestId('uncollected-batches'), /Lots d'écritures : [1-9]/);
    await expectText(page.getByTestId('dossier-picker').getByRole('button', { name: /Atelier Dupont/ }).getByTestId('uncollected-batches'), /Lots d'écritures : \d+/);
    await choice.click();
    await page.getByTestId('session-menu').waitFor();

    // ---- Lots d'écritures: download the FEC, mark the batch collected ----
    await page.getByRole('link', { name: "Lots d'écritures" }).click();
    await page.waitForURL('**/lots-ecritures');
    const batch = page.locator('[data-testid^="batch-"][data-status="OPEN"]').first();
    await batch.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), batch.getByTestId('download-fec').click()]);
    assert.match(download.suggestedFilename(), /^732829320FEC\d{8}\.txt$/);
    const fec = readFileSync(await download.path(), 'utf8');
    assert.equal(fec.charCodeAt(0), 'J'.charCodeAt(0), 'no BOM');
    const [header, ...lines] = fec.trim().split('\r\n');
    assert.equal(header.split('\t').length, 18);
    assert.ok(lines.some((l) => l.includes('Hôtel du Parc')), 'the invoice of the owner is in the FEC');
    const number = await batch.getAttribute('data-testid');
    await batch.getByTestId('collect').click();
    await batch.getByTestId('confirm-collect').click();
    await page.locator(`[data-testid="${number}"][data-status="COLLECTED"]`).getByText(/Collecté par Nadia Benali/).waitFor();

    // ---- The owner: issuing today is refused, with the period named ----
    await login(page, OWNER, DEMO_PASSWORD);
    await page.goto(`/factures/${draft.id}`);
    await page.getByRole('button', { name: 'Émettre', exact: true }).click();
    await page.getByRole('button', { name: 'Émettre et numéroter' }).click();
    await page.getByText('Période collectée : verrouillée.').first().waitFor();
    const { document } = await graphqlFromPage(page, 'query($id: ID!) { document(id: $id) { status number } }', { id: draft.id });
    assert.deepEqual(document, { status: 'DRAFT', number: null });
    assert.deepEqual(pageErrors, []);
  }));

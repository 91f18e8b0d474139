// Acceptance of issue 12 (SPA part): the owner keeps a chart of accounts (Paramètres /
// Comptabilité), customer auxiliary codes and an article's kind; the accountant logs in,
// picks a client dossier that shows its batches left to collect, downloads the FEC of a
// batch and marks it collected; the owner then cannot issue an invoice dated in that period.
// Boulangerie Martin is used (no other browser test issues invoices there): the batch
// collected by the second test is the current month's, which locks today for that dossier
// only — so the first test, which issues an invoice, must stay first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { expectAttribute, expectText, expectValue, graphqlFromPage, inputLabelled, launchBrowser, login, pickOption, withPage } from './helpers.mjs';

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

test('the owner keeps the chart of accounts, a customer code (frozen once used) and an article kind', (t) =>
  withPage(browser, t, async ({ page, pageErrors }) => {
    await login(page, OWNER, DEMO_PASSWORD);
    const suffix = String(Date.now()).slice(-6);
    const customerName = `Épicerie Lumière ${suffix}`;
    const { c } = await graphqlFromPage(page, 'mutation($n: String!) { c: createCustomer(input: { legalName: $n }) { id } }', { n: customerName });
    const { invoice } = await graphqlFromPage(page, `mutation($p: ID!) { invoice: createInvoice(input: { partyId: $p, lines: ${LINES} }) { id version } }`, { p: c.id });
    const { article } = await graphqlFromPage(page, 'mutation($r: String!) { article: createArticle(input: { reference: $r, label: "Farine T65 25 kg", salePriceCents: 3200, vatRate: "5.5" }) { id kind } }', { r: `FAR-${suffix}` });
    assert.equal(article.kind, 'SERVICES');

    // ---- Paramètres / Comptabilité, from the navigation ----
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Paramètres' }).click();
    await page.getByRole('navigation', { name: 'Paramètres' }).getByRole('link', { name: 'Comptabilité' }).click();
    await page.waitForURL('**/parametres/comptabilite');
    const chart = page.getByTestId('chart-form');
    const journalName = chart.getByRole('textbox', { name: 'Libellé du journal des ventes' });
    const goods = chart.getByRole('textbox', { name: 'Marchandises' });
    await expectValue(journalName, 'Journal des ventes');
    await expectValue(goods, '707000');
    // A wrong account is refused beside its field before anything is sent.
    await goods.fill('607000');
    await chart.getByRole('button', { name: 'Enregistrer' }).click();
    await chart.getByText('Compte invalide.').waitFor();
    await goods.fill('707100');
    await journalName.fill('Ventes boulangerie');
    await chart.getByRole('button', { name: 'Enregistrer' }).click();
    await chart.getByText('Plan comptable enregistré.').waitFor();
    await page.reload();
    await expectValue(page.getByTestId('chart-form').getByRole('textbox', { name: 'Libellé du journal des ventes' }), 'Ventes boulangerie');
    await expectValue(page.getByTestId('chart-form').getByRole('textbox', { name: 'Marchandises' }), '707100');
    const { accountingSettings } = await graphqlFromPage(page, '{ accountingSettings { version salesJournalName goodsRevenueAccount } }');
    assert.deepEqual(accountingSettings, { version: accountingSettings.version, salesJournalName: 'Ventes boulangerie', goodsRevenueAccount: '707100' });

    // ---- The customer's auxiliary code: editable until an entry uses it ----
    const codes = page.getByTestId('customer-codes');
    const row = codes.getByRole('row').filter({ hasText: customerName });
    await expectText(row, /411EPICERIE.*Proposé/);
    await codes.getByRole('button', { name: `Code auxiliaire de ${customerName}` }).click();
    const code = page.getByRole('textbox', { name: `Code auxiliaire de ${customerName}` });
    await code.fill(`lum${suffix}`);
    await codes.getByRole('button', { name: 'Enregistrer' }).click();
    await expectText(row, new RegExp(`411LUM${suffix}.*Enregistré`));
    // Opened for a change, then the invoice is issued meanwhile (its entry uses the code): the API refuses, the page says why.
    await codes.getByRole('button', { name: `Code auxiliaire de ${customerName}` }).click();
    await code.fill(`LUMIERE${suffix}`);
    await graphqlFromPage(page, 'mutation($id: ID!, $v: Int!) { issueDocument(id: $id, version: $v) { number } }', { id: invoice.id, v: invoice.version });
    await codes.getByRole('button', { name: 'Enregistrer' }).click();
    await codes.getByRole('alert').getByText('Ce code a déjà servi dans une écriture : il ne peut plus être modifié.').waitFor();
    await page.reload();
    await expectText(page.getByTestId('customer-codes').getByRole('row').filter({ hasText: customerName }), new RegExp(`411LUM${suffix}.*Utilisé, non modifiable`));
    assert.equal(await page.getByRole('button', { name: `Code auxiliaire de ${customerName}` }).count(), 0);

    // ---- The article's kind ----
    await page.goto(`/articles/${article.id}`);
    const kind = inputLabelled(page, 'Nature');
    await expectValue(kind, 'Prestations de services');
    await pickOption(page, kind, { option: 'Marchandises' });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Fiche enregistrée.').waitFor();
    await page.reload();
    await expectValue(inputLabelled(page, 'Nature'), 'Marchandises');
    const saved = await graphqlFromPage(page, 'query($id: ID!) { article(id: $id) { kind } }', { id: article.id });
    assert.deepEqual(saved, { article: { kind: 'GOODS' } });
    assert.deepEqual(pageErrors, []);
  }));

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

    // ---- The accountant reads the chart the owner kept: Paramètres shows the Comptabilité tab only ----
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Paramètres' }).click();
    await page.waitForURL('**/parametres/comptabilite');
    await expectValue(page.getByTestId('chart-form').getByRole('textbox', { name: 'Libellé du journal des ventes' }), 'Ventes boulangerie');
    assert.deepEqual(await page.getByRole('navigation', { name: 'Paramètres' }).getByRole('link').allInnerTexts(), ['Comptabilité']);

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
    // The rest runs in the background (accounting.batch job): the card follows it and ends « Lot préparé ».
    const generation = page.locator(`[data-testid="${number}"]`).getByTestId('batch-generation');
    await expectAttribute(generation, 'data-state', 'READY');
    await expectText(generation, /Lot préparé : FEC archivé/);

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

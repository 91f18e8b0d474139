// Partial credit notes (SPA): an ADV user issues an invoice of two lines, then
// "Créer un avoir" opens a dialog of the invoice's lines where the quantities are
// checked in the browser; a credit note for part of one line opens as a draft
// linked to the invoice. A line credited meanwhile by someone else is refused by
// the server and the refusal shows, in French, on that line.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, login, withPage, expectCount, expectValue, expectAttribute, expectText, expectTexts, pickOption, graphqlFromPage, inputLabelled } from './helpers.mjs';

// Demo login of "Atelier Dupont SARL" (apps/api/src/app/seed/identity.seed.ts).
const DEMO_PASSWORD = 'Comptoir-demo-2026';
const ADV = 'marc@atelier-dupont.fr';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});


test('ADV credits part of one line of an issued invoice, and sees the draft credit note linked to it', async (t) => {
  await withPage(browser, t, async ({ page, pageErrors, externalRequests }) => {
    await login(page, ADV, DEMO_PASSWORD);

    // ---- An invoice of two lines, issued ----
    await page.goto('/factures');
    await page.getByRole('heading', { level: 1, name: 'Factures' }).waitFor();
    await page.getByRole('link', { name: 'Nouvelle facture' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nouvelle facture' }).waitFor();
    const customer = inputLabelled(page, 'Client');
    await pickOption(page, customer);
    await page.getByLabel('Objet').fill('Chaises de la salle de réunion');
    await page.getByLabel('Description (Ligne 1)').fill('Chaise de bureau ergonomique');
    await page.getByLabel('Quantité (Ligne 1)').fill('5');
    await page.getByLabel('Prix unitaire HT (Ligne 1)').fill('120');
    await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await page.getByLabel('Description (Ligne 2)').fill('Livraison');
    await page.getByLabel('Quantité (Ligne 2)').fill('1');
    await page.getByLabel('Prix unitaire HT (Ligne 2)').fill('40');
    await page.getByRole('button', { name: 'Créer', exact: true }).click();
    await page.waitForURL(/\/factures\/[0-9a-f-]{36}$/);
    const invoicePath = new URL(page.url()).pathname;
    const invoiceId = invoicePath.split('/').pop();

    await page.getByRole('button', { name: 'Émettre', exact: true }).click();
    await page.getByRole('dialog', { name: 'Émettre définitivement ?' }).getByRole('button', { name: 'Émettre et numéroter' }).click();
    const issued = page.locator('[data-testid="document-status"][data-status="ISSUED"]');
    await issued.waitFor();
    // An invoice is feminine: "Émise", not "Émis".
    await expectText(issued, 'Émise');
    const invoiceNumber = await expectText(page.getByTestId('document-number'), /^FA-\d{4}-\d{5,}$/);

    // ---- The dialog: every line, what remains, defaults to everything ----
    await page.getByRole('button', { name: 'Créer un avoir' }).click();
    const dialog = page.getByRole('dialog', { name: 'Créer un avoir' });
    await dialog.waitFor();
    const rows = dialog.getByTestId('credit-line');
    await expectCount(rows, 2);
    await expectText(rows.nth(0), /Chaise de bureau ergonomique/);
    await expectText(rows.nth(0).getByTestId('credit-invoiced'), '5 u');
    await expectText(rows.nth(0).getByTestId('credit-remaining'), '5 u');
    await expectText(rows.nth(1).getByTestId('credit-remaining'), '1 u');
    const line1 = dialog.getByLabel('Quantité à créditer (Ligne 1)');
    const line2 = dialog.getByLabel('Quantité à créditer (Ligne 2)');
    await expectValue(line1, '5');
    await expectValue(line2, '1');
    const create = dialog.getByRole('button', { name: 'Créer l’avoir' });

    // Checked in the browser: no more than remains, not negative, not nothing at all.
    await line1.fill('6');
    await dialog.getByText('Au plus 5 : c’est ce qui reste à créditer sur cette ligne.').waitFor();
    await create.click();
    await dialog.getByRole('alert').filter({ hasText: 'Corrigez les quantités signalées.' }).waitFor();
    await expectAttribute(line1, 'aria-invalid', 'true');
    await line1.fill('-1');
    await dialog.getByText('Saisissez un nombre ≥ 0, avec au plus 3 décimales.').waitFor();
    await dialog.getByRole('button', { name: 'Tout mettre à 0' }).click();
    await expectValue(line1, '0');
    await create.click();
    await dialog.getByText('Indiquez une quantité supérieure à 0 sur au moins une ligne.').waitFor();
    assert.equal(new URL(page.url()).pathname, invoicePath);
    // "Tout créditer" puts back what remains.
    await dialog.getByRole('button', { name: 'Tout créditer' }).click();
    await expectValue(line1, '5');
    await expectValue(line2, '1');

    // ---- 2 of the 5 chairs, nothing of the delivery ----
    await line1.fill('2');
    await line2.fill('0');
    await create.click();
    await page.waitForURL(/\/avoirs\/[0-9a-f-]{36}$/);
    const creditPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: 'Avoir (brouillon)' }).waitFor();
    const draft = page.getByTestId('document-status');
    await expectAttribute(draft, 'data-status', 'DRAFT');
    await expectText(draft, 'Brouillon');
    await expectValue(page.getByLabel('Description (Ligne 1)'), 'Chaise de bureau ergonomique');
    await expectValue(page.getByLabel('Quantité (Ligne 1)'), '2');
    await expectCount(page.getByLabel('Quantité (Ligne 2)'), 0);
    await page.locator('[data-testid="totals"][data-source="server"]').waitFor();
    await expectText(page.getByTestId('total-excl'), '240,00 €');
    const source = page.getByTestId('source-link');
    await expectText(source, `Facture ${invoiceNumber}`);
    await expectAttribute(source, 'href', invoicePath);

    // ---- Back on the invoice: the credit note is linked, 3 chairs remain ----
    await source.click();
    await page.waitForURL((url) => url.pathname === invoicePath);
    await page.getByRole('heading', { level: 1, name: `Facture ${invoiceNumber}` }).waitFor();
    const derived = page.getByTestId('derived-link');
    await derived.waitFor();
    await expectText(derived, 'Avoir (brouillon)');
    await expectAttribute(derived, 'href', creditPath);
    await page.getByRole('button', { name: 'Créer un avoir' }).click();
    await dialog.waitFor();
    await rows.nth(0).getByTestId('credit-remaining').filter({ hasText: '3' }).waitFor();
    await expectText(rows.nth(0).getByTestId('credit-remaining'), '3 u');
    await expectValue(line1, '3');

    // ---- Meanwhile the delivery gets credited elsewhere: the server refuses, on line 2 ----
    const { document: invoice } = await graphqlFromPage(page, 'query($id: ID!) { document(id: $id) { lines { id position } } }', { id: invoiceId });
    const delivery = invoice.lines.find((l) => l.position === 1);
    await graphqlFromPage(
      page,
      'mutation($id: ID!, $lines: [CreditNoteLineInput!]) { createCreditNoteFromInvoice(invoiceId: $id, lines: $lines) { id } }',
      { id: invoiceId, lines: [{ sourceLineId: delivery.id, quantity: 1 }] },
    );
    await line1.fill('1');
    await create.click();
    const refused = dialog.getByTestId('credit-server-error');
    await refused.waitFor();
    await expectText(refused, 'Ligne 2 · Quantité : La quantité dépasse ce qui reste à créditer sur cette ligne de facture. Il reste 0 à créditer sur cette ligne.');
    assert.equal(new URL(page.url()).pathname, invoicePath);
    // What remains was reloaded: nothing on the delivery any more, its input is off.
    await rows.nth(1).getByTestId('credit-remaining').filter({ hasText: /^0 u$/ }).waitFor();
    await expectAttribute(line2, 'disabled', '');
    await expectValue(line2, '0');
    await expectValue(line1, '1');
    await create.click();
    await page.waitForURL((url) => /^\/avoirs\/[0-9a-f-]{36}$/.test(url.pathname) && url.pathname !== creditPath);
    await page.getByRole('heading', { level: 1, name: 'Avoir (brouillon)' }).waitFor();
    await expectValue(page.getByLabel('Quantité (Ligne 1)'), '1');
    await expectText(page.getByTestId('source-link'), `Facture ${invoiceNumber}`);

    assert.deepEqual(pageErrors, []);
    assert.deepEqual(externalRequests, []);
  });
});

test('status labels agree with feminine document types in the lists', async (t) => {
  await withPage(browser, t, async ({ page }) => {
    await login(page, ADV, DEMO_PASSWORD);
    await page.goto('/factures');
    const status = page.getByRole('combobox', { name: 'Statut' });
    await status.waitFor();
    await expectTexts(status.locator('option'), ['Tous les statuts', 'Brouillon', 'Émise', 'Partiellement payée', 'Payée']);
    await page.goto('/demandes-de-prix');
    await page.getByRole('heading', { level: 1, name: 'Demandes de prix' }).waitFor();
    await expectTexts(page.getByRole('combobox', { name: 'Statut' }).locator('option'), ['Tous les statuts', 'Brouillon', 'Envoyée', 'Répondue', 'Clôturée', 'Annulée']);
    await page.goto('/commandes-fournisseurs');
    await page.getByRole('heading', { level: 1, name: 'Commandes fournisseurs' }).waitFor();
    await expectTexts(page.getByRole('combobox', { name: 'Statut' }).locator('option'), ['Tous les statuts', 'Brouillon', 'Envoyée', 'Reçue', 'Annulée']);
    await page.goto('/devis');
    await page.getByRole('heading', { level: 1, name: 'Devis' }).waitFor();
    await expectTexts(page.getByRole('combobox', { name: 'Statut' }).locator('option'), ['Tous les statuts', 'Brouillon', 'Envoyé', 'Accepté', 'Refusé', 'Annulé']);
  });
});

// Acceptance of issue 4 (SPA part): a COMMERCIAL user creates a quote with two
// lines; an ADV user, in another browser context, changes a quantity, converts the
// quote to an invoice and issues it; the ACTION tab of both documents shows both
// users' actions with their times, the changed fields and the conversion links.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, login, newPage, plainText, expectCount, expectValue, expectAttribute, expectText, pickOption, inputLabelled } from './helpers.mjs';

// Demo logins of "Atelier Dupont SARL" (apps/api/src/app/seed/identity.seed.ts).
const DEMO_PASSWORD = 'Comptoir-demo-2026';
const COMMERCIAL = { email: 'sophie@atelier-dupont.fr', name: 'Sophie Martin' };
const ADV = { email: 'marc@atelier-dupont.fr', name: 'Marc Lambert' };

/** `29/11/2026 14:03:12`, as the ACTION tab prints times (Paris time). */
const DATE_TIME = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Text with the narrow and ordinary no-break spaces of French formatting made plain. */
async function text(locator) {
  return (await plainText(locator)).replace(/\u202f/g, ' ');
}

async function waitForText(locator, pattern) {
  await locator.filter({ hasText: pattern }).first().waitFor();
  return text(locator.filter({ hasText: pattern }).first());
}

/** The history entries of a timeline, as { type, user, time, text }, once it shows `count` of them. */
async function entries(timeline, count) {
  const items = timeline.getByTestId('history-entry');
  await expectCount(items, count);
  const result = [];
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    result.push({
      type: await item.getAttribute('data-type'),
      user: await text(item.getByTestId('history-user')),
      time: await text(item.getByTestId('history-time')),
      text: await text(item),
    });
  }
  return result;
}

test('a quote made by a COMMERCIAL user, edited, converted and issued by ADV, shows who did what in both ACTION tabs', async () => {
  // ---- COMMERCIAL: a quote with two lines ----
  const sales = await newPage(browser);
  let quotePath;
  let quoteNumber;
  let customerName;
  try {
    const { page } = sales;
    await login(page, COMMERCIAL.email, DEMO_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    // COMMERCIAL: quotes, customers and articles; no invoices, no purchases.
    await nav.getByRole('link', { name: 'Devis', exact: true }).waitFor();
    await expectCount(nav.getByRole('link', { name: 'Factures', exact: true }), 0);
    await expectCount(nav.getByRole('link', { name: 'Demandes de prix', exact: true }), 0);
    await nav.getByRole('link', { name: 'Devis', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Devis' }).waitFor();
    await page.getByRole('link', { name: 'Nouveau devis' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nouveau devis' }).waitFor();

    const customer = inputLabelled(page, 'Client');
    // The picker searches on the server: typing part of a name narrows the list to it.
    const first = await pickOption(page, customer);
    customerName = first.replace(/ \(.*\)$/, '').trim();
    const word = customerName.split(/\s+/).sort((a, b) => b.length - a.length)[0];
    await customer.click();
    await customer.fill(word);
    const listbox = page.getByRole('listbox').last();
    await listbox.getByRole('option').filter({ hasText: customerName }).first().waitFor();
    await listbox.getByRole('option').filter({ hasText: customerName }).first().click();
    await expectValue(customer, first);
    await page.getByLabel('Objet').fill('Mobilier de la salle de réunion');

    await page.getByLabel('Description (Ligne 1)').fill('Table en chêne massif');
    await page.getByLabel('Quantité (Ligne 1)').fill('2');
    await page.getByLabel('Prix unitaire HT (Ligne 1)').fill('450,00');
    await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await page.getByLabel('Description (Ligne 2)').fill('Livraison et installation');
    await page.getByLabel('Quantité (Ligne 2)').fill('1');
    await page.getByLabel('Prix unitaire HT (Ligne 2)').fill('80');
    await page.getByLabel('TVA (Ligne 2)').selectOption({ label: '10 %' });

    // Live totals, exact, in French format: 900 + 80 HT; VAT 180 + 8; TTC 1 168,00 €.
    const totals = page.getByTestId('totals');
    await expectAttribute(totals, 'data-source', 'live');
    await expectText(page.getByTestId('line-1-total'), '900,00 €');
    await expectText(page.getByTestId('total-excl'), '980,00 €');
    await expectText(page.getByTestId('total-vat'), '188,00 €');
    await expectText(page.getByTestId('total-incl'), '1 168,00 €');

    await page.getByRole('button', { name: 'Créer', exact: true }).click();
    await page.waitForURL(/\/devis\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid="totals"][data-source="server"]').waitFor();
    await expectText(page.getByTestId('total-incl'), '1 168,00 €');
    quoteNumber = await expectText(page.getByTestId('document-number'), /^DE-\d{4}-\d{5,}$/);
    await expectAttribute(page.getByTestId('document-status'), 'data-status', 'DRAFT');
    // Converting a quote to an invoice is for OWNER/ADV only.
    await expectCount(page.getByRole('button', { name: 'Convertir en facture' }), 0);
    quotePath = new URL(page.url()).pathname;
    assert.deepEqual(sales.pageErrors, []);
  } finally {
    await sales.context.close();
  }

  // ---- ADV, in a fresh browser context: change a quantity, convert, issue ----
  const adv = await newPage(browser);
  let invoiceNumber;
  let invoicePath;
  try {
    const { page } = adv;
    await login(page, ADV.email, DEMO_PASSWORD);
    await page.goto(quotePath);
    await page.getByRole('heading', { level: 1, name: `Devis ${quoteNumber}` }).waitFor();
    const quantity = page.getByLabel('Quantité (Ligne 1)');
    await expectValue(quantity, '2');
    await quantity.fill('3');
    // 1 350 + 80 HT; VAT 270 + 8; TTC 1 708,00 €, live before saving.
    await expectText(page.getByTestId('total-incl'), '1 708,00 €');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Modifications enregistrées.').waitFor();
    await page.locator('[data-testid="totals"][data-source="server"]').waitFor();
    await expectText(page.getByTestId('total-incl'), '1 708,00 €');

    await page.getByRole('button', { name: 'Convertir en facture' }).click();
    await page.waitForURL(/\/factures\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Facture (brouillon)' }).waitFor();
    await expectText(page.getByTestId('document-number'), 'Brouillon sans numéro');
    await expectText(page.getByTestId('total-incl'), '1 708,00 €');
    invoicePath = new URL(page.url()).pathname;

    // Issuing is irreversible: a dialog explains numbering and immutability first.
    await page.getByRole('button', { name: 'Émettre', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Émettre définitivement ?' });
    await dialog.waitFor();
    await expectText(dialog, /numéro/);
    await expectText(dialog, /ne peut plus être modifiée ni supprimée/);
    await dialog.getByRole('button', { name: 'Émettre et numéroter' }).click();
    await page.locator('[data-testid="document-status"][data-status="ISSUED"]').waitFor();
    invoiceNumber = await expectText(page.getByTestId('document-number'), /^FA-\d{4}-\d{5,}$/);
    await page.getByRole('heading', { level: 1, name: `Facture ${invoiceNumber}` }).waitFor();
    // Issued: no more editing, no deletion.
    await expectCount(page.getByRole('button', { name: 'Enregistrer', exact: true }), 0);
    await expectCount(page.getByRole('button', { name: 'Supprimer le brouillon' }), 0);

    // ---- ACTION tab of the invoice ----
    await page.getByRole('tab', { name: 'ACTION' }).click();
    await page.getByTestId('action-tab').waitFor();
    await expectText(page.getByTestId('created-by'), new RegExp(`^Créé par ${ADV.name} le ${DATE_TIME.source}$`));
    await expectText(page.getByTestId('updated-by'), new RegExp(`^Modifié en dernier par ${ADV.name} le ${DATE_TIME.source}$`));
    const invoiceHistory = await entries(page.getByTestId('history'), 3);
    assert.deepEqual(
      invoiceHistory.map((e) => e.type),
      ['CREATED', 'CONVERTED', 'ISSUED'],
    );
    for (const entry of invoiceHistory) {
      assert.equal(entry.user, ADV.name);
      assert.match(entry.time, DATE_TIME);
    }
    assert.match(invoiceHistory[1].text, new RegExp(`Issue de la conversion de\\s*Devis ${quoteNumber}`));
    assert.match(invoiceHistory[2].text, new RegExp(`Numéro attribué : ${invoiceNumber}`));
    // The quote's own history, shown with the invoice made from it: the COMMERCIAL user's creation too.
    const origin = await entries(page.getByTestId('source-history-timeline'), 4);
    assert.equal(origin[0].type, 'CREATED');
    assert.equal(origin[0].user, COMMERCIAL.name);
    assert.ok(origin.some((e) => e.type === 'UPDATED' && e.user === ADV.name && /Ligne 1 · Quantité 2 → 3/.test(e.text)));

    // History integrity, checked by ADV.
    await page.getByRole('button', { name: 'Vérifier l’intégrité de l’historique' }).click();
    await page.locator('[data-testid="verify-result"][data-ok="true"]').waitFor();

    // ---- ACTION tab of the quote, reached through the conversion link ----
    await page.getByTestId('history').getByRole('link', { name: `Devis ${quoteNumber}` }).click();
    await page.waitForURL((url) => url.pathname === quotePath && url.search === '?onglet=action');
    // The URL changes before the new page replaces the old one: wait for the quote's own heading.
    await page.getByRole('heading', { level: 1, name: `Devis ${quoteNumber}` }).waitFor();
    await page.getByTestId('action-tab').waitFor();
    await expectText(page.getByTestId('created-by'), new RegExp(`^Créé par ${COMMERCIAL.name} le ${DATE_TIME.source}$`));
    await expectText(page.getByTestId('updated-by'), new RegExp(`^Modifié en dernier par ${ADV.name} le ${DATE_TIME.source}$`));
    await waitForText(page.getByTestId('history-entry'), 'Conversion');
    const quoteHistory = await entries(page.getByTestId('history'), 4);
    assert.deepEqual(
      quoteHistory.map((e) => [e.type, e.user]),
      [
        ['CREATED', COMMERCIAL.name],
        ['UPDATED', ADV.name],
        ['STATUS_CHANGED', ADV.name],
        ['CONVERTED', ADV.name],
      ],
    );
    for (const entry of quoteHistory) assert.match(entry.time, DATE_TIME);
    assert.match(quoteHistory[1].text, /Ligne 1 · Quantité 2 → 3/);
    assert.match(quoteHistory[1].text, /Total TTC 1 168,00 € → 1 708,00 €/);
    assert.match(quoteHistory[2].text, /Statut : Brouillon → Accepté/);
    // The conversion link shows the invoice's current number and leads to it.
    const toInvoice = page.getByTestId('history').getByRole('link', { name: `Facture ${invoiceNumber}` });
    await toInvoice.waitFor();
    await toInvoice.click();
    await page.waitForURL((url) => url.pathname === invoicePath);
    await page.getByRole('heading', { level: 1, name: `Facture ${invoiceNumber}` }).waitFor();
    await page.getByTestId('action-tab').waitFor();
    assert.deepEqual(adv.pageErrors, []);
    assert.deepEqual(adv.externalRequests, []);
  } finally {
    await adv.context.close();
  }

  // ---- COMMERCIAL again: the quote's ACTION tab shows the ADV user's changes ----
  const again = await newPage(browser);
  try {
    const { page } = again;
    await login(page, COMMERCIAL.email, DEMO_PASSWORD);
    await page.goto(`${quotePath}?onglet=action`);
    await page.getByTestId('action-tab').waitFor();
    const history = await entries(page.getByTestId('history'), 4);
    assert.deepEqual(
      history.map((e) => e.type),
      ['CREATED', 'UPDATED', 'STATUS_CHANGED', 'CONVERTED'],
    );
    assert.match(history[1].text, new RegExp(`${ADV.name}.*Quantité 2 → 3`, 's'));
    await expectText(page.getByTestId('updated-by'), new RegExp(`Modifié en dernier par ${ADV.name}`));
    // The quote is accepted, for the customer chosen at creation.
    await page.getByRole('tab', { name: 'Pièce' }).click();
    await expectAttribute(page.getByTestId('document-status'), 'data-status', 'ACCEPTED');
    await page.locator('.page-header').filter({ hasText: customerName }).waitFor();
    assert.deepEqual(again.pageErrors, []);
  } finally {
    await again.context.close();
  }
});

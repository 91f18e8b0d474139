// Documents that leave the building (issue 13): an ADV user issues an invoice,
// previews its PDF in the page, sends it by e-mail (the message and its PDF
// attachment are read from the loopback SMTP catcher of run.mjs), then records a
// partial and a full payment and sees the status follow.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, login, withPage, expectAttribute, expectCount, expectText, expectValue, pickOption, inputLabelled } from './helpers.mjs';

const DEMO_PASSWORD = 'Comptoir-demo-2026';
const ADV = 'marc@atelier-dupont.fr';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The message the catcher received for `to` (raw MIME), waiting for delivery. */
async function mailTo(to) {
  const dir = process.env.E2E_MAIL_DIR;
  assert.ok(dir, 'E2E_MAIL_DIR is set by run.mjs');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const mail = readdirSync(dir)
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
      .find((m) => m.to.includes(to));
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`no mail to ${to}`);
}

/** The PDF part of a raw MIME message: its file name and decoded bytes. */
function pdfPart(raw) {
  const part = raw.split(/\r?\n--[^\r\n]+\r?\n/).find((p) => /Content-Type: application\/pdf/i.test(p));
  assert.ok(part, 'the message has a PDF attachment');
  const filename = /filename="?([^";\r\n]+)"?/i.exec(part)?.[1];
  const body = part.split(/\r?\n\r?\n/).slice(1).join('').replace(/--[^\r\n]*--\s*$/, '').replace(/\s/g, '');
  return { filename, bytes: Buffer.from(body, 'base64') };
}

test('ADV issues an invoice, previews its PDF, sends it, records a partial then a full payment', async (t) => {
  await withPage(browser, t, async ({ page, pageErrors }) => {
    await login(page, ADV, DEMO_PASSWORD);

    // ---- An invoice: 5 × 120 € + 40 € HT at 20 % = 768,00 € TTC, issued ----
    await page.goto('/factures/nouveau');
    await page.getByRole('heading', { level: 1, name: 'Nouvelle facture' }).waitFor();
    await pickOption(page, inputLabelled(page, 'Client'));
    await page.getByLabel('Objet').fill('Mobilier de la salle de réunion');
    await page.getByLabel('Description (Ligne 1)').fill('Chaise de bureau');
    await page.getByLabel('Quantité (Ligne 1)').fill('5');
    await page.getByLabel('Prix unitaire HT (Ligne 1)').fill('120');
    await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await page.getByLabel('Description (Ligne 2)').fill('Livraison');
    await page.getByLabel('Quantité (Ligne 2)').fill('1');
    await page.getByLabel('Prix unitaire HT (Ligne 2)').fill('40');
    await page.getByRole('button', { name: 'Créer', exact: true }).click();
    await page.waitForURL(/\/factures\/[0-9a-f-]{36}$/);
    const invoiceId = new URL(page.url()).pathname.split('/').pop();
    await page.getByRole('button', { name: 'Émettre', exact: true }).click();
    await page.getByRole('dialog', { name: 'Émettre définitivement ?' }).getByRole('button', { name: 'Émettre et numéroter' }).click();
    await page.locator('[data-testid="document-status"][data-status="ISSUED"]').waitFor();
    const number = await expectText(page.getByTestId('document-number'), /^FA-\d{4}-\d{5,}$/);

    // ---- The PDF, previewed in the page (its own tab, kept in the URL) ----
    await page.getByRole('tab', { name: 'PDF et e-mail' }).click();
    await page.waitForURL((url) => url.search === '?onglet=envoi');
    await page.getByTestId('pdf-preview-toggle').click();
    const frame = page.getByTestId('pdf-preview');
    await frame.waitFor();
    const src = await frame.getAttribute('src');
    assert.equal(src, `/api/documents/${invoiceId}/pdf?inline=1`);
    const preview = await page.request.get(src);
    assert.equal(preview.status(), 200);
    assert.equal(preview.headers()['content-type'], 'application/pdf');
    const stored = await preview.body();
    assert.equal(stored.subarray(0, 5).toString('latin1'), '%PDF-');

    // ---- Sent by e-mail with its PDF ----
    const to = `compta-${randomBytes(3).toString('hex')}@client.example`;
    await page.getByTestId('email-open').click();
    const form = page.getByTestId('email-form');
    await form.waitFor();
    await expectValue(form.getByTestId('email-subject'), new RegExp(number)); // the dossier's template, filled in
    await form.getByTestId('email-to').fill(to);
    await form.getByTestId('email-send').click();
    await expectText(form.getByTestId('email-result'), `Message envoyé à ${to}.`);
    const mail = await mailTo(to);
    assert.match(mail.raw, new RegExp(`Subject: .*${number}`));
    const attachment = pdfPart(mail.raw);
    assert.equal(attachment.filename, `Facture-${number}.pdf`);
    assert.ok(attachment.bytes.equals(stored), 'the attachment is the stored PDF');

    // ---- A partial payment, then the rest (the Paiements tab) ----
    await page.getByRole('tab', { name: 'Paiements' }).click();
    await page.waitForURL((url) => url.search === '?onglet=paiements');
    const panel = page.getByTestId('payments-panel');
    await panel.waitFor();
    await expectText(panel.getByTestId('balance-due'), /768,00\s€/);
    await panel.getByTestId('payment-amount').fill('300');
    await panel.getByTestId('payment-method').selectOption('CHECK');
    await panel.getByLabel('Date du paiement', { exact: true }).waitFor(); // the date field is loaded
    const recorded = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('RecordPayment'));
    await panel.getByTestId('record-payment').click();
    assert.equal((await recorded).status(), 200);
    await expectText(panel.locator('.notice'), 'Paiement enregistré.');
    await expectText(page.locator('[data-testid="document-status"][data-status="PARTIALLY_PAID"]'), 'Partiellement payée');
    await expectText(panel.getByTestId('balance-due'), /468,00\s€/);
    await panel.getByTestId('payment-amount').fill('468,00');
    const second = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('RecordPayment'));
    await panel.getByTestId('record-payment').click();
    assert.equal((await second).status(), 200);
    await expectText(panel.getByTestId('balance-due'), /^0,00\s€$/, { what: `balance 0 (notice: ${await panel.locator('.notice').allInnerTexts()})` });
    await expectText(page.locator('[data-testid="document-status"][data-status="PAID"]'), 'Payée');
    await expectCount(panel.getByTestId('payment'), 2);

    // A reload opens the same tab.
    await page.reload();
    await expectAttribute(page.getByRole('tab', { name: 'Paiements' }), 'aria-selected', 'true');
    await expectText(panel.getByTestId('balance-due'), /^0,00\s€$/);
    assert.deepEqual(pageErrors, []);
  });
});

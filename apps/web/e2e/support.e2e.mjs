import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { expectAttribute, expectCount, expectText, launchBrowser, login, newPage, pickOption, waitUntil, withPage } from './helpers.mjs';

// Demo logins (apps/api/src/app/seed/identity.seed.ts), all with the demo password.
const DEMO_PASSWORD = 'Comptoir-demo-2026';
const OWNER = 'claire@atelier-dupont.fr';
const SUPPORT = 'support@comptoir.fr';
const DOSSIER = 'Atelier Dupont SARL';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Runs a GraphQL operation with the page's session (its browser context's cookies); resolves with `data`. */
async function graphql(page, query, variables = {}) {
  const response = await page.request.post('/graphql', { data: { query, variables } });
  const body = await response.json();
  assert.equal(body.errors, undefined, `${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * The link to `pagePath` in the last mail to `to` that the loopback SMTP catcher of
 * run.mjs received (the outbox worker delivers after the commit: wait for it).
 */
async function mailedLink(to, pagePath) {
  const dir = process.env.E2E_MAIL_DIR;
  assert.ok(dir, 'E2E_MAIL_DIR is set by run.mjs');
  const pattern = new RegExp(`https?://\\S+${pagePath}\\?token=[A-Za-z0-9_-]+`);
  const unfold = (raw) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const mail = await waitUntil(
    () =>
      readdirSync(dir)
        .sort()
        .reverse()
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
        .find((m) => m.to.includes(to) && pattern.test(unfold(m.raw))),
    Boolean,
    { timeout: 30_000, what: `a mail to ${to} with a ${pagePath} link` },
  );
  const link = new URL(pattern.exec(unfold(mail.raw))[0]);
  return link.pathname + link.search;
}

test('the owner asks for an ADV user on the Support page; support processes it in /admin; the invited user sets a password and sees the ADV menus; the owner sees it done', (t) =>
  withPage(browser, t, async ({ page, pageErrors }) => {
    const email = `adv-${randomBytes(3).toString('hex')}@atelier-dupont.fr`;
    const answer = `Bienvenue à Léa (${email}).`;

    // 0. The new user gets a seat of their own, whatever the files run before this one took:
    //    the owner orders one extra seat and support marks it paid.
    await login(page, OWNER, DEMO_PASSWORD, DOSSIER);
    const { orderSeats } = await graphql(page, 'mutation ($quantity: Int!) { orderSeats(quantity: $quantity) { id } }', { quantity: 1 });
    const support = await newPage(browser);
    await login(support.page, SUPPORT, DEMO_PASSWORD);
    const { adminMarkSeatOrderPaid } = await graphql(support.page, 'mutation ($id: ID!) { adminMarkSeatOrderPaid(orderId: $id, reference: "e2e support") { status } }', { id: orderSeats.id });
    assert.equal(adminMarkSeatOrderPaid.status, 'PAID');

    // Support watches the /admin queue from here on, without reloading it.
    await support.page.goto('/admin/support');
    const queue = support.page.getByTestId('admin-support-queue');
    await queue.waitFor();
    await support.page.evaluate(() => (window.__e2eNotReloaded = true));

    // 1. The owner sends the request from the dossier.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Support' }).click();
    await page.getByRole('heading', { level: 1, name: 'Support' }).waitFor();
    const form = page.getByRole('form', { name: 'Nouvelle demande' });
    await pickOption(page, form.locator('input').and(form.getByLabel('Type de demande', { exact: true })), { option: 'Ajouter un utilisateur' });
    await form.getByLabel('Nom', { exact: true }).fill('Léa Martin');
    await form.getByLabel('Adresse e-mail', { exact: true }).fill(email);
    await form.getByLabel('Téléphone', { exact: true }).fill('06 12 34 56 78');
    await pickOption(page, form.locator('input').and(form.getByLabel('Profil', { exact: true })), { option: 'ADV' });
    await form.getByRole('button', { name: 'Envoyer la demande' }).click();
    const request = page.getByTestId('support-request');
    await expectAttribute(request, 'data-status', 'OPEN');
    const requestPath = new URL(page.url()).pathname;
    assert.match(requestPath, /^\/support\/[0-9a-f-]+$/);
    const id = requestPath.split('/').pop();
    // The owner stays on the request: support's answer must come to this page by itself.
    await page.evaluate(() => (window.__e2eNotReloaded = true));

    // 2. Support processes it in the /admin queue, with an answer. The new request
    //    appeared in the open queue live (supportRequest subscription), no reload.
    try {
      const row = queue.locator(`tr[data-id="${id}"]`);
      await expectAttribute(row, 'data-status', 'OPEN');
      assert.equal(await support.page.evaluate(() => window.__e2eNotReloaded), true, 'the /admin queue was not reloaded');
      await row.getByRole('link').click();
      const detail = support.page.getByTestId('admin-support-request');
      await expectAttribute(detail, 'data-status', 'OPEN');
      const actions = support.page.getByRole('form', { name: 'Répondre' });
      await actions.getByLabel('Réponse au demandeur').fill(answer);
      await actions.getByRole('button', { name: 'Traiter' }).click();
      await expectAttribute(detail, 'data-status', 'DONE');
      await support.page.getByTestId('support-context-members').getByText(email).waitFor();
    } finally {
      await support.context.close();
    }

    // 3. The invited user sets a password from the e-mailed link and lands in the dossier as ADV.
    const invited = await newPage(browser);
    try {
      await invited.page.goto(await mailedLink(email, '/invitation'));
      await invited.page.getByRole('heading', { level: 1, name: 'Accepter l’invitation' }).waitFor();
      await expectText(invited.page.getByTestId('invitation-email'), email);
      await expectText(invited.page.getByTestId('invitation-dossier'), DOSSIER);
      const accept = invited.page.getByRole('form', { name: 'Accepter l’invitation' });
      await accept.getByLabel('Mot de passe', { exact: true }).fill('Nouvelle-ADV-2026');
      await accept.getByLabel('Confirmez le mot de passe').fill('Nouvelle-ADV-2026');
      await accept.getByRole('button', { name: 'Choisir mon mot de passe et me connecter' }).click();
      await invited.page.getByTestId('current-dossier').filter({ hasText: DOSSIER }).waitFor();
      // And a fresh login with the new password works.
      await login(invited.page, email, 'Nouvelle-ADV-2026', DOSSIER);
      await expectText(invited.page.getByTestId('current-profile'), /^ADV/);
      // ADV: the settings and the support desk, as the owner.
      const nav = invited.page.getByRole('navigation', { name: 'Navigation principale' });
      await expectCount(nav.getByRole('link', { name: 'Paramètres' }), 1);
      await expectCount(nav.getByRole('link', { name: 'Support' }), 1);
    } finally {
      await invited.context.close();
    }

    // 4. The owner sees the request DONE with the support's answer, on the page left open (no reload).
    assert.equal(new URL(page.url()).pathname, requestPath);
    await expectAttribute(page.getByTestId('support-request'), 'data-status', 'DONE');
    await page.getByTestId('support-thread').locator('li[data-side="SUPPORT"]').filter({ hasText: answer }).waitFor();
    await expectText(page.getByTestId('support-request').locator('p').first(), /Traitée/);
    assert.equal(await page.evaluate(() => window.__e2eNotReloaded), true, 'the owner’s page was not reloaded');
    assert.deepEqual(pageErrors, []);
  }));

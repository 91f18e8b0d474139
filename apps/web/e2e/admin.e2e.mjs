import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { launchBrowser, withPage, expectText, graphqlFromPage, newPage } from './helpers.mjs';

// Demo logins (apps/api/src/app/seed/identity.seed.ts), all with the demo password.
const DEMO_PASSWORD = 'Comptoir-demo-2026';
const SUPPORT = 'support@comptoir.fr';
// OWNER of Boulangerie Martin, his only dossier: the session opens on it without the picker.
const OWNER = 'paul@boulangerie-martin.fr';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * Logs in through the API with the page's cookie jar (Playwright's `page.request`
 * shares the browser context's cookies), so these tests do not depend on the
 * login screen.
 */
async function apiLogin(page, email, password) {
  const post = async (query, variables = {}) => {
    const response = await page.request.post('/graphql', { data: { query, variables }, headers: { 'content-type': 'application/json' } });
    const body = await response.json();
    if (body.errors?.length) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  // No introspection first: the API refuses it without a session.
  await post('mutation($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }', { email, password });
}

test('the support team finds the demo dossier, adds a COMMERCIAL user and sees the invitation in the outbox', (t) =>
  withPage(browser, t, async ({ page, externalRequests, pageErrors }) => {
    await apiLogin(page, SUPPORT, DEMO_PASSWORD);
    await page.goto('/admin');
    await page.getByRole('heading', { level: 1, name: 'Équipe support' }).waitFor();

    await page.getByRole('searchbox', { name: "Nom, SIRET ou e-mail d'un utilisateur" }).fill('Atelier Dupont');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByTestId('admin-dossier-results').getByRole('link', { name: 'Atelier Dupont SARL' }).click();
    await page.waitForURL('**/admin/dossiers/*');
    const members = page.getByTestId('admin-members');
    await members.locator('tr[data-email="claire@atelier-dupont.fr"]').waitFor();
    await expectText(page.getByTestId('seats-available'), /^1$/);

    const email = `nouveau-${randomBytes(3).toString('hex')}@atelier-dupont.fr`;
    const form = page.getByTestId('admin-add-user');
    await form.getByLabel('Adresse e-mail').fill(email);
    await form.getByLabel('Nom', { exact: true }).fill('Léa Nouvelle');
    await form.getByLabel('Profil').selectOption('COMMERCIAL');
    await form.getByRole('button', { name: 'Ajouter' }).click();
    await form.getByRole('status').filter({ hasText: email }).waitFor();
    const row = members.locator(`tr[data-email="${email}"]`);
    await row.waitFor();
    await expectText(row, /Invitation en attente/);
    await expectText(page.getByTestId('seats-available'), /^0$/);
    // The action is in the dossier's log.
    await page.getByTestId('admin-actions').locator('tr[data-kind="ADD_USER"]').first().waitFor();
    // French labels and values in the log, never the API's keys ("profile : COMMERCIAL").
    await expectText(page.getByTestId('admin-actions').locator('tr[data-kind="ADD_USER"]').first(), /Profil : — → Commercial/);

    await page.getByRole('link', { name: "Boîte d'envoi" }).click();
    await page.waitForURL('**/admin/envois');
    const message = page.getByTestId('admin-outbox').locator(`tr[data-to="${email}"]`).first();
    await message.waitFor();
    await message.locator('summary').click();
    const text = await message.locator('pre').innerText();
    assert.match(text, /Atelier Dupont SARL/);
    assert.match(text, /https?:\/\/\S+/);

    assert.deepEqual(externalRequests, []);
    assert.deepEqual(pageErrors, []);
  }));

test('an OWNER sees the users of the dossier and orders an extra seat (pending payment)', (t) =>
  withPage(browser, t, async ({ page, externalRequests, pageErrors }) => {
    await apiLogin(page, OWNER, DEMO_PASSWORD);
    await page.goto('/parametres/utilisateurs');
    await page.getByRole('heading', { level: 1, name: 'Paramètres' }).waitFor();
    const users = page.getByTestId('dossier-users');
    await users.locator(`tr[data-email="${OWNER}"]`).waitFor();
    await expectText(users, /Utilisateur principal/);
    await expectText(users, /Expert-comptable/);
    await expectText(page.getByTestId('seats-used'), /1 sur 2/);
    await page.getByText("adressez une demande à l'équipe support").waitFor();

    await page.getByRole('link', { name: 'Mon abonnement' }).click();
    await page.waitForURL('**/parametres/abonnement');
    const form = page.getByTestId('order-seats-form');
    await form.getByLabel("Nombre d'accès").fill('2');
    await form.getByText(/Total : 18,00\s€ HT par mois \(21,60\s€ TTC\)/).waitFor();
    await form.getByRole('button', { name: 'Commander' }).click();
    await form.getByRole('dialog').getByText('Confirmer la commande de 2 accès').waitFor();
    await form.getByRole('button', { name: 'Confirmer la commande' }).click();
    await form.getByRole('status').waitFor();

    const order = page.locator('[data-testid="seat-order"][data-status="PENDING_PAYMENT"]').first();
    await order.waitFor();
    await expectText(order, /En attente de paiement/);
    await expectText(order.locator('pre.instructions'), /IBAN/);
    // Pending seats do not count yet.
    await expectText(page.getByTestId('seats-used'), /1 sur 2/);

    assert.deepEqual(externalRequests, []);
    assert.deepEqual(pageErrors, []);
  }));

test('/admin → Tâches shows a job started by someone else as it runs, without reloading', (t) =>
  withPage(browser, t, async ({ page, pageErrors }) => {
    await apiLogin(page, SUPPORT, DEMO_PASSWORD);
    // The page subscribes to adminJobChanged on its socket: wait for that message to leave.
    const subscribed = new Promise((resolve) => {
      page.on('websocket', (ws) => ws.on('framesent', (frame) => String(frame.payload).includes('adminJobChanged') && resolve(undefined)));
    });
    await page.goto('/admin/taches');
    await page.getByTestId('jobs-completed').click();
    await page.locator('[data-testid="jobs-completed"][aria-pressed="true"]').waitFor();
    await subscribed;

    // Marc (ADV of Atelier Dupont), in another browser, issues an invoice: its PDF is rendered by a job (pdf.render).
    // (Not Boulangerie Martin: accounting.e2e collects its current month, which refuses issuing today.)
    const owner = await newPage(browser);
    try {
      await apiLogin(owner.page, 'marc@atelier-dupont.fr', DEMO_PASSWORD);
      await owner.page.goto('/');
      const { c } = await graphqlFromPage(owner.page, 'mutation { c: createCustomer(input: { legalName: "Client des tâches" }) { id } }');
      const { d } = await graphqlFromPage(owner.page, 'mutation($p: ID!) { d: createInvoice(input: { partyId: $p, lines: [{ description: "Baguettes", quantity: 10, unitPriceCents: 110, vatRate: 5.5 }] }) { id version } }', { p: c.id });
      await graphqlFromPage(owner.page, 'mutation($id: ID!, $v: Int!) { issueDocument(id: $id, version: $v) { number } }', { id: d.id, v: d.version });
      // Support's page shows it among the completed jobs, never reloaded.
      const row = page.locator(`[data-testid="admin-job"][data-job-id="pdf-${d.id}"]`);
      await row.waitFor();
      await expectText(row, /pdf\.render/);
      await expectText(row, /100 %/);
    } finally {
      await owner.context.close();
    }
    assert.deepEqual(pageErrors, []);
  }));

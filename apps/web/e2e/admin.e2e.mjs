import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { launchBrowser, withPage, expectText } from './helpers.mjs';

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
 * login screen. The selection set is `__typename` whatever `login` returns.
 */
async function apiLogin(page, email, password) {
  const post = async (query, variables = {}) => {
    const response = await page.request.post('/graphql', { data: { query, variables }, headers: { 'content-type': 'application/json' } });
    const body = await response.json();
    if (body.errors?.length) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const schema = await post('{ __type(name: "Mutation") { fields { name type { kind ofType { kind } } } } }');
  const field = schema.__type.fields.find((f) => f.name === 'login');
  assert.ok(field, 'the API has no login mutation yet');
  const kind = field.type.kind === 'NON_NULL' ? field.type.ofType.kind : field.type.kind;
  const selection = kind === 'SCALAR' || kind === 'ENUM' ? '' : '{ __typename }';
  await post(`mutation($email: String!, $password: String!) { login(email: $email, password: $password) ${selection} }`, { email, password });
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

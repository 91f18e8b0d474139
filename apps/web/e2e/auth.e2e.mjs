import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { launchBrowser, login, newPage, withPage, expectCount, expectText, expectValue, expectAttribute } from './helpers.mjs';

// Demo logins (apps/api/src/app/seed/identity.seed.ts), all with the demo password.
const DEMO_PASSWORD = 'Comptoir-demo-2026';
// OWNER of Atelier Dupont SARL and of Dupont Conseil EURL: the picker shows.
const OWNER = 'claire@atelier-dupont.fr';
const SUPPORT = 'support@comptoir.fr';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** A GraphQL call with the page's cookies (Playwright's `page.request` shares the context's jar). */
async function gql(page, query, variables = {}) {
  const response = await page.request.post('/graphql', { data: { query, variables }, headers: { 'content-type': 'application/json' } });
  const body = await response.json();
  if (body.errors?.length) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The last link to `page` e-mailed to `to`, read from the outbox by a support session (e2e runs without SMTP). */
async function mailedLink(to, pagePath) {
  const { context, page } = await newPage(browser);
  try {
    await gql(page, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { needsDossierSelection } }', { e: SUPPORT, p: DEMO_PASSWORD });
    const { adminOutbox } = await gql(page, '{ adminOutbox(first: 200) { nodes { to text } } }');
    const message = adminOutbox.nodes.find((m) => m.to === to && m.text.includes(pagePath));
    assert.ok(message, `no mail to ${to} with a ${pagePath} link`);
    const link = new RegExp(`https?://\\S+${pagePath}\\?token=[A-Za-z0-9_-]+`).exec(message.text)?.[0];
    assert.ok(link);
    return new URL(link).pathname + new URL(link).search;
  } finally {
    await context.close();
  }
}

test('logged out, every page leads to Connexion; wrong credentials show one French message', (t) =>
  withPage(browser, t, async ({ page, pageErrors }) => {
    await page.goto('/parametres/utilisateurs');
    await page.waitForURL('**/connexion?retour=%2Fparametres%2Futilisateurs');
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    const form = page.getByRole('form', { name: 'Connexion' });
    for (const email of [OWNER, 'personne@example.test']) {
      await form.getByLabel('Adresse e-mail').fill(email);
      await form.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon-mot-de-passe');
      await form.getByRole('button', { name: 'Se connecter' }).click();
      const alert = form.getByRole('alert');
      await alert.filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' }).waitFor();
      await expectAttribute(alert, 'data-code', 'UNAUTHENTICATED');
    }
    assert.deepEqual(pageErrors, []);
  }));

test('the demo owner picks a dossier, switches with "Changer de dossier", then logs out', (t) =>
  withPage(browser, t, async ({ page, externalRequests, pageErrors }) => {
    await page.goto('/connexion');
    const form = page.getByRole('form', { name: 'Connexion' });
    await form.getByLabel('Adresse e-mail').fill(OWNER);
    await form.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Se connecter' }).click();

    await page.waitForURL('**/choisir-un-dossier');
    const picker = page.getByTestId('dossier-picker');
    const choices = picker.getByRole('button');
    await expectCount(choices, 2);
    await expectText(choices.nth(0), /Atelier Dupont SARL\s+Utilisateur principal · TPE\+/);
    await expectText(choices.nth(1), /Dupont Conseil EURL\s+Utilisateur principal · TPE/);
    // Unbound: other pages lead back to the picker.
    await page.goto('/parametres/utilisateurs');
    await page.waitForURL('**/choisir-un-dossier');
    await page.getByTestId('dossier-picker').getByRole('button', { name: /Atelier Dupont SARL/ }).click();

    await page.getByTestId('current-dossier').filter({ hasText: 'Atelier Dupont SARL' }).waitFor();
    await expectText(page.getByTestId('current-profile'), 'Utilisateur principal');
    await page.waitForURL((url) => url.pathname === '/');
    // The owner sees Paramètres (OWNER/ADV) and reaches them.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Paramètres' }).click();
    await page.getByTestId('dossier-users').waitFor();

    await page.getByRole('button', { name: 'Changer de dossier' }).click();
    await page.waitForURL('**/connexion?email=*');
    await expectValue(page.getByLabel('Adresse e-mail'), OWNER);
    await expectCount(page.getByTestId('session-menu'), 0);
    await login(page, OWNER, DEMO_PASSWORD, 'Dupont Conseil EURL');
    await expectText(page.getByTestId('current-profile'), 'Utilisateur principal');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/connexion');
    await page.goto('/');
    await page.waitForURL('**/connexion');
    assert.deepEqual(externalRequests, []);
    assert.deepEqual(pageErrors, []);
  }));

test('sign-up creates a dossier; the same e-mail with a wrong password is refused, with the right one adds a second dossier', (t) =>
  withPage(browser, t, async ({ page, pageErrors }) => {
    const email = `gerant-${randomBytes(3).toString('hex')}@exemple.fr`;
    const password = 'Mon-premier-dossier-2026';
    const signUp = async (dossierName, pass, plan) => {
      await page.goto('/inscription');
      const form = page.getByRole('form', { name: 'Inscription' });
      await form.getByLabel('Raison sociale *').fill(dossierName);
      await form.getByLabel(plan, { exact: true }).check();
      await form.getByLabel('Nom et prénom *').fill('Gérard Gérant');
      await form.getByLabel('Adresse e-mail *').fill(email);
      await form.getByLabel('Mot de passe *', { exact: true }).fill(pass);
      await form.getByRole('button', { name: 'Créer mon dossier' }).click();
      return form;
    };

    await page.goto('/inscription');
    const plans = page.getByRole('group', { name: 'Formule' });
    await expectText(plans, /SOLO[\s\S]*Un seul accès utilisateur[\s\S]*TPE\+[\s\S]*expert-comptable/);

    await signUp('Gérant Premier SARL', password, 'SOLO');
    await page.getByTestId('current-dossier').filter({ hasText: 'Gérant Premier SARL' }).waitFor();
    await expectText(page.getByTestId('current-profile'), 'Utilisateur principal');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/connexion');

    const refused = await signUp('Gérant Second SAS', 'pas-le-bon-mot-de-passe', 'TPE');
    await refused.getByRole('alert').filter({ hasText: 'Cette adresse e-mail a déjà un compte Comptoir' }).waitFor();
    await expectCount(page.getByTestId('session-menu'), 0);

    await signUp('Gérant Second SAS', password, 'TPE');
    await page.getByTestId('current-dossier').filter({ hasText: 'Gérant Second SAS' }).waitFor();
    await page.getByRole('button', { name: 'Changer de dossier' }).click();
    await page.waitForURL('**/connexion?email=*');
    await login(page, email, password, 'Gérant Premier SARL');
    assert.deepEqual(pageErrors, []);
  }));

test('Mon compte lists the sessions, revokes another one and changes the password', (t) =>
  withPage(browser, t, async ({ page, pageErrors }) => {
    const email = `compte-${randomBytes(3).toString('hex')}@exemple.fr`;
    const password = 'Mot-de-passe-initial-1';
    await gql(page, 'mutation($i: SignUpInput!) { signUp(input: $i) { profile } }', {
      i: { email, password, name: 'Camille Compte', dossierName: 'Compte Test SARL', plan: 'TPE' },
    });
    const other = await newPage(browser);
    try {
      await login(other.page, email, password, 'Compte Test SARL');
      await login(page, email, password, 'Compte Test SARL');
      await page.getByRole('link', { name: 'Mon compte' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
      const rows = page.getByTestId('my-sessions').locator('tbody tr');
      await rows.nth(2).waitFor();
      await expectCount(rows, 3);
      await expectCount(page.getByTestId('my-sessions').locator('tr[data-current]'), 1);
      await expectText(page.getByTestId('my-sessions').locator('tr[data-current]'), /Cette session/);

      // Revoke every other session: the other browser is logged out.
      while ((await rows.count()) > 1) {
        const before = await rows.count();
        await page.getByTestId('my-sessions').getByRole('button', { name: 'Révoquer' }).first().click();
        await page.waitForFunction((n) => document.querySelectorAll('[data-testid="my-sessions"] tbody tr').length === n - 1, before);
      }
      await other.page.reload();
      await other.page.waitForURL('**/connexion*');

      const form = page.getByRole('form', { name: 'Changer de mot de passe' });
      await form.getByLabel('Mot de passe actuel').fill('pas-le-bon-mot-de-passe');
      await form.getByLabel('Nouveau mot de passe').fill('Nouveau-mot-de-passe-2');
      await form.getByLabel('Confirmez le mot de passe').fill('Nouveau-mot-de-passe-2');
      await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
      await form.getByRole('alert').filter({ hasText: 'Le mot de passe actuel est incorrect.' }).waitFor();
      await form.getByLabel('Mot de passe actuel').fill(password);
      await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
      await form.getByRole('status').filter({ hasText: 'Mot de passe modifié' }).waitFor();
      await login(other.page, email, 'Nouveau-mot-de-passe-2', 'Compte Test SARL');
    } finally {
      await other.context.close();
    }
    assert.deepEqual(pageErrors, []);
  }));

test('forgotten password: the e-mailed link sets a new password that logs in', (t) =>
  withPage(browser, t, async ({ page, pageErrors }) => {
    const email = `oubli-${randomBytes(3).toString('hex')}@exemple.fr`;
    await gql(page, 'mutation($i: SignUpInput!) { signUp(input: $i) { profile } }', {
      i: { email, password: 'Mot-de-passe-oublie-1', name: 'Oscar Oubli', dossierName: 'Oubli SARL', plan: 'SOLO' },
    });
    await gql(page, 'mutation { logout }');
    await page.goto('/connexion');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    const form = page.getByRole('form', { name: 'Mot de passe oublié' });
    await form.getByLabel('Adresse e-mail').fill(email);
    await form.getByRole('button', { name: 'Envoyer le lien' }).click();
    await page.getByRole('status').filter({ hasText: `Si un compte existe pour ${email}` }).waitFor();

    const link = await mailedLink(email, '/reinitialiser-mot-de-passe');
    await page.goto(link);
    const reset = page.getByRole('form', { name: 'Nouveau mot de passe' });
    await reset.getByLabel('Nouveau mot de passe').fill('Mot-de-passe-retrouve-2');
    await reset.getByLabel('Confirmez le mot de passe').fill('Mot-de-passe-retrouve-2');
    await reset.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByRole('status').filter({ hasText: 'Votre mot de passe est modifié' }).waitFor();
    await login(page, email, 'Mot-de-passe-retrouve-2', 'Oubli SARL');

    // The link works once.
    await page.goto(link);
    const again = page.getByRole('form', { name: 'Nouveau mot de passe' });
    await again.getByLabel('Nouveau mot de passe').fill('Encore-un-essai-3');
    await again.getByLabel('Confirmez le mot de passe').fill('Encore-un-essai-3');
    await again.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ce lien n’est plus valable' }).waitFor();
    assert.deepEqual(pageErrors, []);
  }));

test('an invited user sets a password from the invitation link and lands in the dossier', (t) =>
  withPage(browser, t, async ({ page, pageErrors }) => {
    const email = `invite-${randomBytes(3).toString('hex')}@atelier-dupont.fr`;
    const support = await newPage(browser);
    try {
      await gql(support.page, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { needsDossierSelection } }', { e: SUPPORT, p: DEMO_PASSWORD });
      // A dossier with free seats: Dupont Conseil EURL (TPE, only its owner).
      const { adminSearchDossiers } = await gql(support.page, '{ adminSearchDossiers(query: "Dupont Conseil") { id name } }');
      await gql(support.page, 'mutation($d: ID!, $i: AdminAddUserInput!) { adminAddUser(dossierId: $d, input: $i) { __typename } }', {
        d: adminSearchDossiers[0].id,
        i: { email, name: 'Ines Invitée', profile: 'COMMERCIAL' },
      });
    } finally {
      await support.context.close();
    }
    const link = await mailedLink(email, '/invitation');
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Accepter l’invitation' }).waitFor();
    await expectText(page.getByTestId('invitation-email'), email);
    await expectText(page.getByTestId('invitation-dossier'), 'Dupont Conseil EURL');
    const form = page.getByRole('form', { name: 'Accepter l’invitation' });
    await form.getByLabel('Mot de passe', { exact: true }).fill('Invitation-acceptee-1');
    await form.getByLabel('Confirmez le mot de passe').fill('Invitation-acceptee-1');
    await form.getByRole('button', { name: 'Choisir mon mot de passe et me connecter' }).click();
    await page.getByTestId('current-dossier').filter({ hasText: 'Dupont Conseil EURL' }).waitFor();
    await expectText(page.getByTestId('current-profile'), 'Commercial');
    // COMMERCIAL: no Paramètres in the menu.
    await expectCount(page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Paramètres' }), 0);
    assert.deepEqual(pageErrors, []);
  }));

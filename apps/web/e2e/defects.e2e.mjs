// The defects found when the SPA was tried as a new user would (issue 10), each with
// the check that would have caught it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, axeViolations, expectAttribute, expectCount, expectText, expectValue, graphqlFromPage, launchBrowser, login, pickOption, waitUntil, withPage, inputLabelled } from './helpers.mjs';

const DEMO_PASSWORD = 'Comptoir-demo-2026';
const ADV = 'marc@atelier-dupont.fr';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const centsToInput = (cents) => `${Math.trunc(cents / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
const css = (locator, property) => locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

test('dates are typed and shown as dd/mm/yyyy with the browser in English (en-US)', (t) =>
  withPage(
    browser,
    t,
    async ({ page }) => {
      await login(page, ADV, DEMO_PASSWORD);
      await page.goto('/factures');
      await page.getByTestId('document-row').first().waitFor();
      // The list shows French dates…
      await waitUntil(() => page.getByTestId('document-row').first().locator('td').nth(1).innerText(), (text) => /^\d{2}\/\d{2}\/\d{4}$/.test(text), { what: 'a dd/mm/yyyy date in the list' });
      // …and the filter reads what is typed day first: 05/03/2026 is the 5th of March.
      const from = inputLabelled(page, 'Du');
      await from.click();
      await from.fill('05/03/2026');
      await from.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('du') === '2026-03-05');
      await page.getByRole('heading', { level: 1 }).click();
      await expectValue(from, '05/03/2026');
    },
    { locale: 'en-US', viewport: DESKTOP },
  ));

test('a purchase document takes the article’s purchase price; leaving it unsaved asks first', (t) =>
  withPage(browser, t, async ({ page }) => {
    await login(page, ADV, DEMO_PASSWORD);
    await page.goto('/demandes-de-prix/nouveau');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const { articles } = await graphqlFromPage(page, '{ articles(first: 50, activeOnly: true) { nodes { reference label salePriceCents purchasePriceCents } } }');
    const article = articles.nodes.find((a) => a.purchasePriceCents !== null && a.purchasePriceCents !== a.salePriceCents);
    assert.ok(article, 'the demo data has an article whose purchase and sale prices differ');

    await pickOption(page, inputLabelled(page, 'Fournisseur'));
    await pickOption(page, inputLabelled(page, 'Article (Ligne 1)'), { search: article.reference, option: article.reference });
    await expectValue(page.getByLabel('Prix unitaire HT (Ligne 1)'), centsToInput(article.purchasePriceCents));

    // Unsaved: a link asks, "Rester sur la page" keeps everything.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Factures', exact: true }).click();
    const modal = page.getByRole('dialog', { name: 'Quitter sans enregistrer ?' });
    await modal.waitFor();
    await modal.getByRole('button', { name: 'Rester sur la page' }).click();
    await modal.waitFor({ state: 'detached' });
    assert.equal(new URL(page.url()).pathname, '/demandes-de-prix/nouveau');
    await expectValue(page.getByLabel('Prix unitaire HT (Ligne 1)'), centsToInput(article.purchasePriceCents));
    // Saving leaves without asking.
    await page.getByRole('button', { name: 'Créer', exact: true }).click();
    await page.waitForURL(/\/demandes-de-prix\/[0-9a-f-]{36}$/);
    await expectValue(page.getByLabel('Prix unitaire HT (Ligne 1)'), centsToInput(article.purchasePriceCents));
    await expectCount(page.getByRole('dialog', { name: 'Quitter sans enregistrer ?' }), 0);

    // A quote takes the sale price.
    await page.goto('/devis/nouveau');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await pickOption(page, inputLabelled(page, 'Article (Ligne 1)'), { search: article.reference, option: article.reference });
    await expectValue(page.getByLabel('Prix unitaire HT (Ligne 1)'), centsToInput(article.salePriceCents));
  }));

test('"Supprimer le brouillon" is a red outline, not the main action; "Mon compte" stands out of the header', (t) =>
  withPage(
    browser,
    t,
    async ({ page }) => {
      await login(page, ADV, DEMO_PASSWORD);
      const account = page.getByRole('link', { name: 'Mon compte' });
      await account.waitFor();
      const header = page.getByRole('banner');
      assert.notEqual(await css(account, 'background-color'), await css(header, 'background-color'));
      assert.notEqual(await css(account, 'color'), await css(account, 'background-color'));

      await page.goto('/factures/nouveau');
      await pickOption(page, inputLabelled(page, 'Client'));
      await page.getByLabel('Description (Ligne 1)').fill('Essai de brouillon');
      await page.getByLabel('Prix unitaire HT (Ligne 1)').fill('10');
      await page.getByRole('button', { name: 'Créer', exact: true }).click();
      await page.waitForURL(/\/factures\/[0-9a-f-]{36}$/);
      const remove = page.getByRole('button', { name: 'Supprimer le brouillon' });
      const issue = page.getByRole('button', { name: 'Émettre', exact: true });
      await remove.waitFor();
      await issue.waitFor();
      assert.equal(await css(remove, 'background-color'), 'rgba(0, 0, 0, 0)');
      assert.notEqual(await css(issue, 'background-color'), 'rgba(0, 0, 0, 0)');
      const [r, g, b] = (await css(remove, 'color')).match(/\d+/g).map(Number);
      assert.ok(r > g + 60 && r > b + 60, `the delete action is red (${r}, ${g}, ${b})`);
    },
    { viewport: DESKTOP },
  ));

test('a converted quote no longer offers "Convertir en facture"', (t) =>
  withPage(browser, t, async ({ page }) => {
    await login(page, ADV, DEMO_PASSWORD);
    const { quotes } = await graphqlFromPage(page, '{ quotes(first: 100) { nodes { id canConvertTo } } }');
    const quote = quotes.nodes.find((q) => q.canConvertTo === 'INVOICE');
    assert.ok(quote, 'the demo data has a quote to convert');
    await page.goto(`/devis/${quote.id}`);
    await page.getByRole('button', { name: 'Convertir en facture' }).click();
    await page.waitForURL(/\/factures\/[0-9a-f-]{36}$/);
    await page.goto(`/devis/${quote.id}`);
    await page.getByRole('button', { name: 'Dupliquer' }).waitFor();
    await expectCount(page.getByRole('button', { name: 'Convertir en facture' }), 0);
  }));

test('a document opens in tabs kept in the URL; an unsaved edit survives the ACTION tab, and leaving from there still asks', (t) =>
  withPage(browser, t, async ({ page }) => {
    await login(page, ADV, DEMO_PASSWORD);
    const { customers } = await graphqlFromPage(page, '{ customers(first: 1) { nodes { id } } }');
    const description = `Tabs ${Date.now()}`;
    const { createQuote: quote } = await graphqlFromPage(page, 'mutation($input: DocumentInput!) { createQuote(input: $input) { id } }', {
      input: { partyId: customers.nodes[0].id, lines: [{ description, quantity: 1, unitPriceCents: 10_000, vatRate: 20 }] },
    });
    const path = `/devis/${quote.id}`;

    // A reload (here: a link) opens the tab it names; a quote has no Paiements tab.
    await page.goto(`${path}?onglet=envoi`);
    await expectAttribute(page.getByRole('tab', { name: 'PDF et e-mail' }), 'aria-selected', 'true');
    await page.getByTestId('pdf-preview-toggle').waitFor();
    await expectCount(page.getByRole('tab', { name: 'Paiements' }), 0);
    await page.goto(`${path}?onglet=paiements`); // not a tab of a quote: the document itself
    await expectAttribute(page.getByRole('tab', { name: 'Pièce' }), 'aria-selected', 'true');

    await page.getByLabel('Quantité (Ligne 1)').fill('7');
    await page.getByRole('tab', { name: 'ACTION' }).click();
    await page.waitForURL((url) => url.pathname === path && url.search === '?onglet=action');
    await page.getByTestId('action-tab').waitFor();
    await page.getByLabel('Quantité (Ligne 1)').waitFor({ state: 'hidden' });
    // The editor is only hidden: its unsaved-changes guard still asks.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Factures', exact: true }).click();
    const modal = page.getByRole('dialog', { name: 'Quitter sans enregistrer ?' });
    await modal.waitFor();
    await modal.getByRole('button', { name: 'Rester sur la page' }).click();
    await modal.waitFor({ state: 'detached' });
    assert.equal(new URL(page.url()).pathname, path);
    await page.getByRole('tab', { name: 'Pièce' }).click();
    await page.waitForURL((url) => url.pathname === path && url.search === '');
    await expectValue(page.getByLabel('Quantité (Ligne 1)'), '7');
  }));

test('a refused page (COMMERCIAL on invoices) says why, with no filters and no "Réessayer"', (t) =>
  withPage(browser, t, async ({ page }) => {
    await login(page, 'sophie@atelier-dupont.fr', DEMO_PASSWORD);
    await page.goto('/factures');
    await page.getByRole('main').getByRole('alert').waitFor();
    await expectCount(page.getByRole('search'), 0);
    await expectCount(page.getByRole('button', { name: 'Réessayer' }), 0);
  }));

test('the fields of an issued invoice look read-only (no input box)', (t) =>
  withPage(browser, t, async ({ page }) => {
    await login(page, ADV, DEMO_PASSWORD);
    const { invoices } = await graphqlFromPage(page, '{ invoices(first: 50) { nodes { id status } } }');
    const issued = invoices.nodes.find((d) => d.status === 'ISSUED' || d.status === 'PAID');
    assert.ok(issued, 'the demo data has an issued invoice');
    await page.goto(`/factures/${issued.id}`);
    const description = page.getByLabel('Description (Ligne 1)');
    await expectAttribute(description, 'readonly', '');
    assert.equal(await css(description, 'border-top-color'), 'rgba(0, 0, 0, 0)');
    assert.equal(await css(description, 'background-color'), 'rgba(0, 0, 0, 0)');
  }));

test('customer and article editors: every refused field shows at once (the API’s zod schema), edits survive the ACTION tab, and leaving unsaved asks first', (t) =>
  withPage(
    browser,
    t,
    async ({ page, pageErrors }) => {
      await login(page, ADV, DEMO_PASSWORD);
      const nav = page.getByRole('navigation', { name: 'Navigation principale' });
      const leaveDialog = page.getByRole('dialog', { name: 'Quitter sans enregistrer ?' });
      const form = page.getByRole('form', { name: 'Fiche' });

      // A new customer with four bad fields: all four are marked at once, each in words, and nothing is sent.
      await page.goto('/clients/nouveau');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await form.getByLabel('SIREN', { exact: true }).fill('123');
      await form.getByLabel('SIRET', { exact: true }).fill('12');
      await form.getByLabel('E-mail du contact', { exact: true }).fill('pas-une-adresse');
      await form.getByRole('button', { name: 'Créer', exact: true }).click();
      await expectCount(form.locator('input[aria-invalid="true"]'), 4);
      await expectAttribute(form.getByLabel('Raison sociale'), 'aria-invalid', 'true');
      await form.getByText('Ce champ est obligatoire.').waitFor();
      await form.getByText('Adresse e-mail invalide.').waitFor();
      assert.equal(new URL(page.url()).pathname, '/clients/nouveau');
      // The error words are readable (Mantine's default red is 3.3:1 on white).
      assert.deepEqual(await axeViolations(page), []);

      // Unsaved: a link asks; staying keeps what was typed.
      await form.getByLabel('Raison sociale').fill('Brasserie du Port');
      await nav.getByRole('link', { name: 'Clients', exact: true }).click();
      await leaveDialog.waitFor();
      await leaveDialog.getByRole('button', { name: 'Rester sur la page' }).click();
      await leaveDialog.waitFor({ state: 'detached' });
      await expectValue(form.getByLabel('Raison sociale'), 'Brasserie du Port');
      // Fixed, it saves and leaves without asking.
      await form.getByLabel('SIREN', { exact: true }).fill('');
      await form.getByLabel('SIRET', { exact: true }).fill('');
      await form.getByLabel('E-mail du contact', { exact: true }).fill('contact@brasserie-du-port.fr');
      await form.getByRole('button', { name: 'Créer', exact: true }).click();
      await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
      await expectCount(form.locator('input[aria-invalid="true"]'), 0);
      await expectCount(leaveDialog, 0);

      // An article: a price that is no amount and an empty reference, both marked.
      await page.goto('/articles/nouveau');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await form.getByLabel('Libellé').fill('Chaise pliante');
      await form.getByLabel('Prix de vente HT').fill('douze');
      await form.getByRole('button', { name: 'Créer', exact: true }).click();
      await expectCount(form.locator('input[aria-invalid="true"]'), 2);
      await expectAttribute(form.getByLabel('Référence'), 'aria-invalid', 'true');
      await form.getByText('Montant invalide (au plus 2 décimales).').waitFor();
      // A select is read-only to typing, yet it is a field: it keeps its box.
      assert.notEqual(await css(form.getByRole('textbox', { name: 'TVA' }).or(form.locator('input').and(form.getByLabel('TVA', { exact: true }))).first(), 'border-top-color'), 'rgba(0, 0, 0, 0)');

      // An existing article: an edit survives a look at the ACTION tab; leaving asks, and may leave.
      await page.goto('/articles');
      const first = page.getByTestId('article-row').first().getByRole('link').first();
      await first.click();
      await page.getByRole('tab', { name: 'ACTION' }).waitFor();
      await form.getByLabel('Libellé').fill('Libellé changé');
      await page.getByRole('tab', { name: 'ACTION' }).click();
      // Leaving from the ACTION tab asks too: the record's form is only hidden.
      await nav.getByRole('link', { name: 'Articles', exact: true }).click();
      await leaveDialog.waitFor();
      await leaveDialog.getByRole('button', { name: 'Rester sur la page' }).click();
      await leaveDialog.waitFor({ state: 'detached' });
      await page.getByRole('tab', { name: 'Fiche' }).click();
      await expectValue(form.getByLabel('Libellé'), 'Libellé changé');
      await nav.getByRole('link', { name: 'Articles', exact: true }).click();
      await leaveDialog.waitFor();
      await leaveDialog.getByRole('button', { name: 'Quitter sans enregistrer' }).click();
      await page.waitForURL(/\/articles$/);
      assert.deepEqual(pageErrors, []);
    },
    // The app's Content-Security-Policy (script-src 'self') would refuse the injected axe script.
    { viewport: DESKTOP, bypassCSP: true },
  ));

test('plurals follow the language’s rules (ICU {count, plural, …}): no "(s)", one and many agree', (t) =>
  withPage(browser, t, async ({ page }) => {
    await login(page, ADV, DEMO_PASSWORD);
    await page.goto('/stats/liste-des-pieces');
    const count = page.getByTestId('preview-count');
    await count.waitFor();
    const total = Number(await count.getAttribute('data-total'));
    assert.ok(total > 1, 'the demo dossier has several documents');
    await expectText(count, new RegExp(`^${total.toLocaleString('fr-FR').replace(/\s/g, '\\s')} pièces correspondent ; aperçu des \\d+ premières\\.$`));
    // In English, the same message in English's forms.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expectText(count, new RegExp(`^${total.toLocaleString('en-US')} documents match; preview of the first \\d+\\.$`));
    await page.getByRole('button', { name: 'FR', exact: true }).click();
    // The dashboard's figures: "1 facture", "2 factures", never "facture(s)".
    await page.goto('/');
    const unpaid = page.getByTestId('dash-unpaid');
    await unpaid.getByText(/^\d+ factures?$/).first().waitFor();
    const label = await unpaid.getByText(/^\d+ factures?$/).first().innerText();
    const n = Number(label.split(' ')[0]);
    assert.equal(label, n <= 1 ? `${n} facture` : `${n} factures`);
    assert.doesNotMatch(await page.getByRole('main').innerText(), /\(s\)/);
  }));

test('"Charger plus" appends the next page through the cache’s list policy (one hook for every list), searched lists included', (t) =>
  withPage(browser, t, async ({ page, pageErrors }) => {
    await login(page, ADV, DEMO_PASSWORD);
    // 55 customers sharing a word no demo customer has: one page of 50, then 5 more.
    const word = `Pagetest${Date.now().toString(36)}`;
    for (let i = 1; i <= 55; i++) {
      const result = await graphqlFromPage(page, 'mutation ($input: CustomerInput!) { createCustomer(input: $input) { id } }', { input: { legalName: `${word} ${String(i).padStart(2, '0')}` } });
      assert.ok(result.createCustomer.id);
    }
    await page.goto(`/clients?q=${word}`);
    const rows = page.getByTestId('party-row');
    await expectCount(rows, 50);
    await page.getByRole('button', { name: 'Charger plus' }).click();
    await expectCount(rows, 55);
    await expectCount(page.getByRole('button', { name: 'Charger plus' }), 0);
    const names = await rows.getByRole('link').allInnerTexts();
    assert.equal(new Set(names.map((n) => n.trim())).size, 55);
    // Back on the list, the cache still holds both pages of this search.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Articles', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    await page.goBack();
    await expectCount(rows, 55);
    assert.deepEqual(pageErrors, []);
  }));

// Acceptance of issue 15 (SPA part): Marc (ADV) and Claire (OWNER) open the same
// quote in two browser contexts. Claire sees that Marc is viewing it; Marc saves a
// change; Claire's page shows it without reloading, with who changed it; when Marc
// leaves, the presence notice goes away.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectText, launchBrowser, login, newPage, waitUntil } from './helpers.mjs';

const DEMO_PASSWORD = 'Comptoir-demo-2026';
const MARC = { email: 'marc@atelier-dupont.fr', name: 'Marc Lambert' };
const CLAIRE = { email: 'claire@atelier-dupont.fr', name: 'Claire Dupont' };
const DOSSIER = 'Atelier Dupont SARL';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** A GraphQL call from the page, with its session cookie (what the SPA itself sends). */
function gql(page, query, variables = {}) {
  return page.evaluate(
    async ([q, v]) => {
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' }, body: JSON.stringify({ query: q, variables: v }) });
      const body = await response.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
    [query, variables],
  );
}

test('Claire sees Marc on the same quote, then his saved change without reloading', async () => {
  const marc = await newPage(browser);
  const claire = await newPage(browser);
  try {
    await login(marc.page, MARC.email, DEMO_PASSWORD);
    await login(claire.page, CLAIRE.email, DEMO_PASSWORD, DOSSIER);
    // A fresh quote of the demo dossier, made by Marc.
    const { customers } = await gql(marc.page, '{ customers(first: 1) { nodes { id } } }');
    const { createQuote: quote } = await gql(
      marc.page,
      'mutation($input: DocumentInput!) { createQuote(input: $input) { id version } }',
      { input: { partyId: customers.nodes[0].id, lines: [{ description: 'Étagère chêne', quantity: 1, unitPriceCents: 12_000, vatRate: 20 }] } },
    );
    await claire.page.goto(`/devis/${quote.id}`);
    await claire.page.getByText('Étagère chêne').or(claire.page.locator('input[value="Étagère chêne"]')).first().waitFor();
    await marc.page.goto(`/devis/${quote.id}`);

    await expectText(claire.page.getByTestId('presence'), `${MARC.name} consulte aussi cette pièce`);

    // Marc saves (his session, his page).
    await gql(marc.page, 'mutation($id: ID!, $version: Int!, $input: DocumentInput!) { updateDocument(id: $id, version: $version, input: $input) { id } }', {
      id: quote.id,
      version: quote.version,
      input: { partyId: customers.nodes[0].id, lines: [{ description: 'Étagère chêne massif', quantity: 2, unitPriceCents: 12_000, vatRate: 20 }] },
    });
    const notice = claire.page.getByTestId('live-change');
    await notice.waitFor();
    await expectText(notice, new RegExp(`Modifié par ${MARC.name} à \\d{2}:\\d{2}`));
    // The page shows the new line, without a reload.
    await claire.page.getByText('Étagère chêne massif').or(claire.page.locator('input[value="Étagère chêne massif"]')).first().waitFor();

    // Marc leaves: the notice goes.
    await marc.context.close();
    await claire.page.getByTestId('presence').waitFor({ state: 'detached' });
  } finally {
    await claire.context.close();
    await marc.context.close().catch(() => undefined);
  }
});

test('Claire’s connection drops: her page reconnects, subscribes again, and shows Marc’s later change', async () => {
  const marc = await newPage(browser);
  const claire = await newPage(browser);
  try {
    // Every WebSocket Claire's page opens, to drop them as a network failure would.
    await claire.context.addInitScript(() => {
      const Native = window.WebSocket;
      window.__sockets = [];
      window.WebSocket = class extends Native {
        constructor(...args) {
          super(...args);
          window.__sockets.push(this);
        }
      };
    });
    await login(marc.page, MARC.email, DEMO_PASSWORD);
    await login(claire.page, CLAIRE.email, DEMO_PASSWORD, DOSSIER);
    const { customers } = await gql(marc.page, '{ customers(first: 1) { nodes { id } } }');
    const partyId = customers.nodes[0].id;
    const { createQuote: quote } = await gql(marc.page, 'mutation($input: DocumentInput!) { createQuote(input: $input) { id version } }', {
      input: { partyId, lines: [{ description: 'Banc frêne', quantity: 1, unitPriceCents: 9_000, vatRate: 20 }] },
    });
    await claire.page.goto(`/devis/${quote.id}`);
    await claire.page.getByText('Banc frêne').or(claire.page.locator('input[value="Banc frêne"]')).first().waitFor();
    await marc.page.goto(`/devis/${quote.id}`);
    // Both subscribed: each sees the other.
    await expectText(claire.page.getByTestId('presence'), `${MARC.name} consulte aussi cette pièce`);
    await expectText(marc.page.getByTestId('presence'), `${CLAIRE.name} consulte aussi cette pièce`);

    // The network goes: Claire's socket closes and new ones cannot connect for a while.
    await claire.context.setOffline(true);
    const dropped = await claire.page.evaluate(() => {
      const open = window.__sockets.filter((s) => s.readyState === WebSocket.OPEN);
      for (const socket of open) socket.close(4000, 'network lost (test)');
      return open.length;
    });
    assert.equal(dropped, 1, 'one live socket for the page');
    // The server saw her go: Marc's page no longer lists her.
    await marc.page.getByTestId('presence').waitFor({ state: 'detached' });
    await claire.page.waitForTimeout(1500);
    await claire.context.setOffline(false);

    // Back online: the SPA reconnects by itself (a new socket) and subscribes again — her presence is back on Marc's page.
    await waitUntil(
      () => claire.page.evaluate(() => window.__sockets.filter((s) => s.readyState === WebSocket.OPEN).length),
      (open) => open === 1,
      { timeout: 30_000, what: 'a reconnected socket' },
    );
    await expectText(marc.page.getByTestId('presence'), `${CLAIRE.name} consulte aussi cette pièce`, { timeout: 30_000 });
    assert.ok((await claire.page.evaluate(() => window.__sockets.length)) >= 2, 'a new socket was opened');

    // A change made after the drop reaches her page, without reloading.
    await gql(marc.page, 'mutation($id: ID!, $version: Int!, $input: DocumentInput!) { updateDocument(id: $id, version: $version, input: $input) { id } }', {
      id: quote.id,
      version: quote.version,
      input: { partyId, lines: [{ description: 'Banc frêne huilé', quantity: 1, unitPriceCents: 9_500, vatRate: 20 }] },
    });
    await expectText(claire.page.getByTestId('live-change'), new RegExp(`Modifié par ${MARC.name} à \\d{2}:\\d{2}`));
    await claire.page.getByText('Banc frêne huilé').or(claire.page.locator('input[value="Banc frêne huilé"]')).first().waitFor();
  } finally {
    await claire.context.close();
    await marc.context.close();
  }
});

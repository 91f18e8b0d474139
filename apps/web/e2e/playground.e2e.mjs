import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, plainText, withPage, expectText } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the playground runs { __typename } with no internet access', (t) =>
  withPage(browser, t, async ({ page, externalRequests, pageErrors }) => {
    const graphqlRequests = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') graphqlRequests.push(request);
    });

    await page.goto('/playground');
    // Monaco is up once its editor is mounted in GraphiQL's query pane.
    const queryEditor = page.locator('.graphiql-query-editor .monaco-editor');
    await queryEditor.waitFor();
    await queryEditor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{ __typename }');
    assert.equal((await plainText(page.locator('.graphiql-query-editor .view-lines'))).trim(), '{ __typename }');
    await page.locator('.graphiql-execute-button').click();

    // Monaco renders spaces as non-breaking ones.
    await page.waitForFunction(() =>
      (document.querySelector('.graphiql-response')?.textContent ?? '').replace(/\u00a0/g, ' ').includes('"__typename": "Query"'),
    );
    await expectText(page.locator('.graphiql-response'), /"__typename": "Query"/);

    // The run went to the same origin, carried the CSRF-prevention header, and sent our query.
    const run = graphqlRequests.find((request) => request.postData()?.includes('__typename }'));
    assert.ok(run, 'no POST /graphql carried the query');
    assert.equal(run.method(), 'POST');
    assert.equal((await run.allHeaders())['apollo-require-preflight'], 'true');

    assert.deepEqual(externalRequests, []);
    assert.deepEqual(pageErrors, []);
  }));

import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Server } from 'node:http';
import { Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/harness';
import { ALL_HTTP_ROUTES } from '../app/routes';
import { createHttpApp } from '../app/server';
import type { FastLane } from './graphql-fast-lane';

/** One HTTP server of the app (its own Apollo, its own fast lane), on a free port. */
async function startServer(t: TestApp): Promise<{ url: string; lane: FastLane; close(): Promise<void> }> {
  const { express, apollo, fastLane } = await createHttpApp(t.app, t.schema, ALL_HTTP_ROUTES);
  const server = await new Promise<Server>((resolve) => {
    const s = express.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    lane: fastLane,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
    },
  };
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What differs between two answers to the same request anyway. */
const VARYING = new Set(['date', 'x-request-id', 'keep-alive', 'connection']);

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const kept: Record<string, string> = {};
  for (const [name, value] of res.headers) if (!VARYING.has(name)) kept[name] = value;
  return { status: res.status, headers: kept, body: await res.text() };
}

const CUSTOMERS = 'query Customers($first: Int!) { customers(first: $first) { nodes { id legalName } totalCount pageInfo { hasNextPage endCursor } } }';
/** An article per line, 100 lines per document (the usual size the cost assumes): within the cost limit for a few documents a page only. */
const WITH_LINES = 'query WithLines($first: Int!) { documents(first: $first) { nodes { id lines { description article { id } } } } }';

describe('GraphQL fast lane', () => {
  let t: TestApp;
  let d: FixtureDossier;
  let warm: Awaited<ReturnType<typeof startServer>>;
  let cookie: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: [Profile.OWNER] });
    const owner = d.as.OWNER!.client;
    for (const legalName of ['Café Zola SARL', 'Garage "Éclair" & fils', 'Boulangerie\nMartin']) {
      await owner.data('mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }', { input: { legalName } });
    }
    cookie = { cookie: `comptoir_session=${owner.sessionToken}` };
    warm = await startServer(t);
  });
  afterAll(async () => {
    await warm.close();
    await t.close();
  });

  /** The same request to a server that never saw it (Apollo answers) and, three times, to the warm one. */
  async function compare(body: unknown, headers: Record<string, string> = {}): Promise<{ cold: Answer; fast: Answer[]; answered: number; handedOver: number }> {
    const cold = await startServer(t);
    try {
      const coldAnswer = await post(cold.url, body, headers);
      expect(cold.lane.answered).toBe(0);
      const before = { answered: warm.lane.answered, handedOver: warm.lane.handedOver };
      const fast: Answer[] = [];
      for (let i = 0; i < 3; i++) fast.push(await post(warm.url, body, headers));
      return { cold: coldAnswer, fast, answered: warm.lane.answered - before.answered, handedOver: warm.lane.handedOver - before.handedOver };
    } finally {
      await cold.close();
    }
  }

  it('answers a query Apollo already answered itself, byte for byte and header for header', async () => {
    const { cold, fast, answered } = await compare({ operationName: 'Customers', query: CUSTOMERS, variables: { first: 2 } }, cookie);
    expect(cold.status).toBe(200);
    expect(JSON.parse(cold.body).data.customers.totalCount).toBe(3);
    // The first answer is Apollo's (it learns the query), then the fast lane answers.
    expect(answered).toBeGreaterThanOrEqual(2);
    for (const answer of fast) expect(answer).toEqual(cold);
    expect(cold.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(cold.headers['x-content-type-options']).toBe('nosniff');
    // A POST is never conditional: no ETag computed for it.
    expect(cold.headers.etag).toBeUndefined();
  });

  it('takes the SPA’s requests as Apollo Client 4 sends them (accepted types, preflight header, client library extension)', async () => {
    const spa = { ...cookie, accept: 'application/graphql-response+json,application/json;q=0.9', 'apollo-require-preflight': 'true' };
    const body = { operationName: 'Customers', variables: { first: 3 }, extensions: { clientLibrary: { name: '@apollo/client', version: '4.3.8' } }, query: CUSTOMERS };
    const { cold, fast, answered } = await compare(body, spa);
    expect(cold.status).toBe(200);
    expect(cold.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
    expect(answered).toBeGreaterThanOrEqual(2);
    for (const answer of fast) expect(answer).toEqual(cold);
  });

  it('negotiates the response type as Apollo does, and leaves a 406 to Apollo', async () => {
    for (const accept of ['application/graphql-response+json, application/json;q=0.9', '*/*', 'application/json']) {
      const { cold, fast } = await compare({ query: CUSTOMERS, variables: { first: 1 } }, { ...cookie, accept });
      for (const answer of fast) expect(answer).toEqual(cold);
    }
    const { cold, fast, answered } = await compare({ query: CUSTOMERS, variables: { first: 1 } }, { ...cookie, accept: 'text/plain' });
    expect(cold.status).toBe(406);
    expect(answered).toBe(0);
    for (const answer of fast) expect(answer).toEqual(cold);
  });

  it('compresses large answers as Apollo’s are', async () => {
    const aliases = ['a', 'b', 'c', 'd', 'e', 'f'].map((a) => `${a}: customers(first: $first) { nodes { id legalName } totalCount }`).join(' ');
    const { cold, fast, answered } = await compare({ query: `query Many($first: Int!) { ${aliases} }`, variables: { first: 3 } }, { ...cookie, 'accept-encoding': 'gzip' });
    expect(cold.headers['content-encoding']).toBe('gzip');
    expect(answered).toBeGreaterThanOrEqual(2);
    for (const answer of fast) expect(answer).toEqual(cold);
  });

  it('hands errors to Apollo with the result it computed: same status, codes and messages, nothing run twice', async () => {
    await post(warm.url, { query: CUSTOMERS, variables: { first: 1 } }, cookie); // a clean answer: the lane knows the query
    const over = { query: CUSTOMERS, variables: { first: 201 } };
    const { cold, fast, answered, handedOver } = await compare(over, cookie);
    expect(JSON.parse(cold.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // The first call with these variables goes to Apollo (their cost is new), the next two through the lane, then to Apollo.
    expect([answered, handedOver]).toEqual([0, 2]);
    for (const answer of fast) expect(answer).toEqual(cold);

    // A warm query whose session is gone: UNAUTHENTICATED, as Apollo answers it; the statements run once.
    const anonymous = await compare({ query: CUSTOMERS, variables: { first: 2 } }, { cookie: 'comptoir_session=not-a-session' });
    expect(JSON.parse(anonymous.cold.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect([anonymous.answered, anonymous.handedOver]).toEqual([0, 2]);
    for (const answer of anonymous.fast) expect(answer).toEqual(anonymous.cold);
    // The statements of the refused call through the lane (then Apollo) are those of Apollo alone.
    const cold2 = await startServer(t);
    try {
      const apolloAlone = await t.queries.measure(() => post(cold2.url, over, cookie));
      const before = warm.lane.handedOver;
      const throughLane = await t.queries.measure(() => post(warm.url, over, cookie));
      expect(throughLane.result).toEqual(apolloAlone.result);
      expect(warm.lane.handedOver).toBe(before + 1);
      expect(throughLane.statements).toEqual(apolloAlone.statements);
    } finally {
      await cold2.close();
    }
  });

  it('leaves calls whose cost is unchecked to Apollo’s limits', async () => {
    const cheap = await compare({ query: WITH_LINES, variables: { first: 2 } }, cookie);
    expect(cheap.cold.status).toBe(200);
    for (const answer of cheap.fast) expect(answer).toEqual(cheap.cold);
    // The same query, now too costly: refused every time.
    const { cold, fast, answered } = await compare({ query: WITH_LINES, variables: { first: 200 } }, cookie);
    expect(cold.status).toBe(400);
    expect(JSON.parse(cold.body).errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' });
    expect(answered).toBe(0);
    for (const answer of fast) expect(answer).toEqual(cold);
  });

  it('never takes mutations, introspection, GET, batches, extensions or a body Apollo refuses', async () => {
    const before = warm.lane.answered + warm.lane.handedOver;
    for (let i = 0; i < 3; i++) {
      await post(warm.url, { query: 'mutation { __typename }' }, cookie);
      await post(warm.url, { query: '{ __schema { queryType { name } } }' }, cookie);
      await post(warm.url, { query: '{ __type(name: "Query") { name } }' }, cookie);
      await post(warm.url, [{ query: CUSTOMERS, variables: { first: 1 } }], cookie);
      await post(warm.url, { query: CUSTOMERS, variables: { first: 1 }, extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }, cookie);
      await post(warm.url, { query: CUSTOMERS, variables: { first: 1 }, extensions: { clientLibrary: { name: 'x' }, other: true } }, cookie);
      await post(warm.url, { query: CUSTOMERS, variables: { first: 1 }, extensions: 'clientLibrary' }, cookie);
      await post(warm.url, { query: CUSTOMERS, operationName: '', variables: { first: 1 } }, cookie);
      await fetch(`${warm.url}?query=${encodeURIComponent(CUSTOMERS)}&variables=${encodeURIComponent('{"first":1}')}`, { headers: { ...cookie, 'apollo-require-preflight': 'true' } });
    }
    expect(warm.lane.answered + warm.lane.handedOver).toBe(before);
    // CSRF prevention: a simple content type never reaches the lane, warm query or not.
    const csrf = await fetch(warm.url, { method: 'POST', headers: { 'content-type': 'text/plain', ...cookie }, body: JSON.stringify({ query: CUSTOMERS, variables: { first: 1 } }) });
    expect(csrf.status).toBe(400);
    expect(warm.lane.answered + warm.lane.handedOver).toBe(before);
  });

  it('logs each request it answers with its id, user and dossier, as Apollo’s', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const logged = await createTestApp({ logger: pino({ level: 'info' }, sink) });
    try {
      const owner = (await createDossier(logged, { profiles: [Profile.OWNER] })).as.OWNER!;
      const server = await startServer(logged);
      try {
        for (let i = 0; i < 3; i++) {
          const res = await fetch(server.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: `comptoir_session=${owner.client.sessionToken}`, 'x-request-id': `lane-${i}` },
            body: JSON.stringify({ query: CUSTOMERS, variables: { first: 1 } }),
          });
          expect(res.headers.get('x-request-id')).toBe(`lane-${i}`);
          await res.text();
        }
        expect(server.lane.answered).toBeGreaterThanOrEqual(1);
      } finally {
        await server.close();
      }
      const requests = lines.filter((l) => l.msg === 'request');
      expect(requests.map((l) => [l.reqId, l.path, l.status, l.userId, l.dossierId])).toEqual(
        [0, 1, 2].map((i) => [`lane-${i}`, '/graphql', 200, owner.user.id, owner.membership.dossierId]),
      );
    } finally {
      await logged.close();
    }
  });
});

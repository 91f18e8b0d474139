import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import { sendGraphQLAnswer, withoutETag } from './graphql-send';

/** An express app answering `body` with `type` and `status` through `handler`; the raw response of a request to it. */
async function answer(handler: RequestHandler, method: string) {
  const app = express();
  app.use('/graphql', handler);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, { method });
    return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
  } finally {
    server.close();
  }
}

const apolloLike =
  (status: number, type: string | null, body: string): RequestHandler =>
  (_req, res) => {
    if (type) res.setHeader('content-type', type);
    res.statusCode = status;
    res.send(body);
  };

describe('GraphQL answers without ETag', () => {
  const body = '{"data":{"é":1}}\n';

  it('sends a POST answer as res.send would, without its ETag', async () => {
    const lean = await answer(withoutETag(apolloLike(200, 'application/json; charset=utf-8', body)), 'POST');
    const plain = await answer(apolloLike(200, 'application/json; charset=utf-8', body), 'POST');
    expect(plain.headers.etag).toBeDefined();
    expect(lean.headers.etag).toBeUndefined();
    const { etag: _etag, date: _d1, ...plainRest } = plain.headers;
    const { date: _d2, ...leanRest } = lean.headers;
    expect(leanRest).toEqual(plainRest);
    expect(lean.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(lean.body).toBe(body);
  });

  it('leaves GET (which may be conditional) and unusual answers to res.send', async () => {
    const get = await answer(withoutETag(apolloLike(200, 'application/json; charset=utf-8', body)), 'GET');
    expect(get.headers.etag).toBeDefined();
    for (const [status, type] of [
      [400, 'application/json; charset=utf-8'],
      [200, 'application/json'],
      [200, null],
    ] as const) {
      const lean = await answer(withoutETag(apolloLike(status, type, body)), 'POST');
      const plain = await answer(apolloLike(status, type, body), 'POST');
      expect({ ...lean.headers, date: '' }).toEqual({ ...plain.headers, date: '' });
      expect(lean.body).toBe(plain.body);
    }
  });

  it('is what the fast lane sends with', async () => {
    const lane: RequestHandler = (req, res) => {
      res.setHeader('content-type', 'application/graphql-response+json; charset=utf-8');
      sendGraphQLAnswer(req, res, body);
    };
    const sent = await answer(lane, 'POST');
    expect(sent.headers.etag).toBeUndefined();
    expect(sent.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
    expect(sent.body).toBe(body);
  });
});

import { Writable } from 'node:stream';
import pino from 'pino';
import { createTestApp, type TestApp } from '../../test/harness';

/** Every failure of the HTTP layer answers JSON with a stable code and no stack, whatever NODE_ENV says. */
describe.each(['production', 'development', 'test'])('HTTP errors with NODE_ENV=%s', (env) => {
  let t: TestApp;
  let base: string;
  const lines: { level: number; msg: string }[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
        done();
      },
    });
    t = await createTestApp({ env: { NODE_ENV: env }, logger: pino({ level: 'info' }, sink) });
    base = await t.http();
  });
  afterAll(() => t.close());

  const json = { 'content-type': 'application/json' };
  const graphql = (init: RequestInit) => ['/graphql', { method: 'POST', ...init }] as const;
  const cases: [string, readonly [string, RequestInit], number, string][] = [
    ['malformed JSON', graphql({ headers: json, body: '{"query":' }), 400, 'BAD_REQUEST'],
    ['a null body', graphql({ headers: json, body: 'null' }), 400, 'BAD_REQUEST'],
    ['a 3 MB body', graphql({ headers: json, body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(3_000_000)}` }) }), 413, 'PAYLOAD_TOO_LARGE'],
    ['an unsupported charset', graphql({ headers: { 'content-type': 'application/json; charset=ebcdic' }, body: '{}' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['an unsupported content-encoding', graphql({ headers: { ...json, 'content-encoding': 'x-compress-9' }, body: '{}' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a gzip body that is not gzip', graphql({ headers: { ...json, 'content-encoding': 'gzip' }, body: 'not gzip at all' }), 400, 'BAD_REQUEST'],
    ['a persisted-query hash that does not match its query', graphql({ headers: json, body: JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }) }), 400, 'BAD_REQUEST'],
    ['an unknown persisted-query version', graphql({ headers: json, body: JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 7, sha256Hash: 'abc' } } }) }), 400, 'BAD_REQUEST'],
    ['a bad URL escape', ['/api/exports/jobs/%ZZ', { method: 'GET' }], 400, 'BAD_REQUEST'],
    ['an unknown route under /api', ['/api/no-such-thing', { method: 'GET' }], 404, 'NOT_FOUND'],
    ['an unknown POST under /api', ['/api/exports/jobs', { method: 'POST', headers: json, body: '{"a":1}' }], 404, 'NOT_FOUND'],
  ];

  it.each(cases)('%s', async (_name, [path, init], status, code) => {
    const errorsBefore = lines.filter((l) => l.level >= 50).length;
    const res = await fetch(base + path, init);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(text).not.toMatch(/<html|\bat \w+ \(|node_modules|\.ts:\d+/i);
    const body = JSON.parse(text) as { error?: { code: string }; errors?: { extensions?: { code?: string } }[] };
    expect(body.error?.code ?? body.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    // A caller's mistake is not an internal error: nothing logged at error level.
    expect(lines.filter((l) => l.level >= 50).length).toBe(errorsBefore);
  });
});

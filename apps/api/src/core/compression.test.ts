import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../../test/harness';
import { acceptedEncodings, GRAPHQL_COMPRESSION_THRESHOLD } from './compression';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request with exactly the headers given (fetch would add and undo Accept-Encoding itself). */
function raw(url: string, headers: Record<string, string> = {}, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: body ? 'POST' : 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('compression', () => {
  let t: TestApp;
  let base: string;
  let dist: string;
  let outside: string;
  const script = `console.log(${JSON.stringify('Comptoir '.repeat(500))});`;

  beforeAll(async () => {
    outside = mkdtempSync(join(tmpdir(), 'comptoir-dist-'));
    dist = join(outside, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Comptoir</title>');
    writeFileSync(join(dist, 'assets', 'index-AbC123.js'), script);
    // Different bytes from what compressing the file gives: proves the precompressed copy is what goes out.
    writeFileSync(join(dist, 'assets', 'index-AbC123.js.br'), brotliCompressSync(`${script}//br`));
    writeFileSync(join(dist, 'assets', 'index-AbC123.js.gz'), gzipSync(`${script}//gz`));
    writeFileSync(join(dist, 'assets', 'plain-XyZ.css'), 'body{}');
    writeFileSync(join(outside, 'secret.txt'), 'not served');
    writeFileSync(join(outside, 'secret.txt.br'), brotliCompressSync('not served'));
    t = await createTestApp({ env: { WEB_DIST: dist } });
    base = await t.http();
  });
  afterAll(async () => {
    await t.close();
    rmSync(outside, { recursive: true, force: true });
  });

  it('serves the brotli copy of a hashed asset to a client that accepts it, cached as immutable', async () => {
    const res = await raw(`${base}/assets/index-AbC123.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(res.body).toString()).toBe(`${script}//br`);
  });

  it('serves the gzip copy when brotli is not accepted, and the plain file when neither is', async () => {
    const gz = await raw(`${base}/assets/index-AbC123.js`, { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(`${script}//gz`);
    const plain = await raw(`${base}/assets/index-AbC123.js`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('falls back to the plain file when an asset has no precompressed copy', async () => {
    const res = await raw(`${base}/assets/plain-XyZ.css`, { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe('body{}');
  });

  it('never reaches outside the assets folder', async () => {
    for (const path of ['/assets/..%2F..%2Fsecret.txt', '/assets/%2E%2E/%2E%2E/secret.txt']) {
      const res = await raw(`${base}${path}`, { 'accept-encoding': 'br' });
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body.toString()).not.toContain('not served');
    }
  });

  it('answers the SPA shell uncached (index.html: no-cache)', async () => {
    const res = await raw(`${base}/factures`, { 'accept-encoding': 'br' });
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body.toString()).toContain('<title>Comptoir</title>');
  });

  const gql = (query: string, encoding: string) =>
    raw(`${base}/graphql`, { 'content-type': 'application/json', 'accept-encoding': encoding }, JSON.stringify({ query }));

  it('compresses GraphQL responses above the threshold, as the client accepts', async () => {
    const big = `{ ${Array.from({ length: 200 }, (_, i) => `field${i}: __typename`).join(' ')} }`;
    const br = await gql(big, 'br');
    expect(br.headers['content-encoding']).toBe('br');
    const data = JSON.parse(brotliDecompressSync(br.body).toString()) as { data: Record<string, string> };
    expect(Object.keys(data.data)).toHaveLength(200);
    expect(Buffer.byteLength(JSON.stringify(data))).toBeGreaterThan(GRAPHQL_COMPRESSION_THRESHOLD);

    const gz = await gql(big, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString())).toEqual(data);

    const none = await gql(big, 'identity');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(none.body.toString())).toEqual(data);
  });

  it('leaves small GraphQL responses uncompressed', async () => {
    const res = await gql('{ __typename }', 'br, gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body.toString())).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers a client that sends no Accept-Encoding as compression would: uncompressed, with its Vary header', async () => {
    const big = `{ ${Array.from({ length: 200 }, (_, i) => `field${i}: __typename`).join(' ')} }`;
    const post = (query: string, headers: Record<string, string>) => raw(`${base}/graphql`, { 'content-type': 'application/json', ...headers }, JSON.stringify({ query }));
    const bodies: string[] = [];
    // Twice each: Apollo answers first, then the fast lane; small and large, refused too.
    for (const query of [big, big, '{ __typename }', '{ __typename }', '{ nope }']) {
      const none = await post(query, {});
      const identity = await post(query, { 'accept-encoding': 'identity' });
      const empty = await post(query, { 'accept-encoding': '' });
      for (const res of [none, empty]) {
        expect(res.status).toBe(identity.status);
        expect(res.headers['content-encoding']).toBeUndefined();
        expect(res.headers.vary).toBe(identity.headers.vary);
        expect(res.headers.vary).toMatch(/Accept-Encoding/i);
        expect(res.headers['content-length']).toBe(identity.headers['content-length']);
        expect(res.body.toString()).toBe(identity.body.toString());
      }
      bodies.push(none.body.toString());
    }
    expect(bodies[0]).toBe(bodies[1]);
    // A body the JSON parser refuses: the error handler's answer, with the same headers.
    const broken = await raw(`${base}/graphql`, { 'content-type': 'application/json' }, '{"query":');
    const brokenIdentity = await raw(`${base}/graphql`, { 'content-type': 'application/json', 'accept-encoding': 'identity' }, '{"query":');
    expect(broken.status).toBe(brokenIdentity.status);
    expect(broken.headers.vary).toBe(brokenIdentity.headers.vary);
    expect(broken.body.toString()).toBe(brokenIdentity.body.toString());
  });

  it('reads Accept-Encoding with its q-values', () => {
    expect(acceptedEncodings('gzip, deflate, br')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('br;q=0, gzip;q=0.5')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*, br;q=0')).toEqual(['gzip']);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });
});

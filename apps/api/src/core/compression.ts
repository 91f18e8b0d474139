import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import compression from 'compression';
import onHeaders from 'on-headers';
import type { Request, RequestHandler, Response } from 'express';

/** Hashed build outputs (Vite fingerprints every file under /assets): cached for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** GraphQL answers smaller than this go out as they are: compressing them costs more than it saves. */
export const GRAPHQL_COMPRESSION_THRESHOLD = 1024;

/**
 * gzip or brotli for GraphQL responses above the threshold, as the client's
 * Accept-Encoding allows (brotli at a low quality: it runs on every request).
 */
export function graphqlCompression(): RequestHandler {
  const filter = compressibleType();
  const compress = compression({ threshold: GRAPHQL_COMPRESSION_THRESHOLD, level: 6, brotli: { params: { [2 /* BROTLI_PARAM_QUALITY */]: 4 } }, filter });
  return (req, res, next) => {
    const accepted = req.headers['accept-encoding'];
    // No Accept-Encoding (or an empty one): compression answers `identity` whatever the
    // size, and all it shows is its `Vary: Accept-Encoding`. The same header, set as it
    // sets it, without wrapping the response's write, end and events for nothing.
    if (accepted === undefined || accepted === '') {
      varyOnHeaders(req, res, filter);
      return next();
    }
    return compress(req, res, next);
  };
}

/** compression's test of `Cache-Control: no-transform` (the response asks to be left as it is). */
const NO_TRANSFORM = /(?:^|,)\s*?no-transform\s*?(?:,|$)/;

/**
 * What compression does, when it compresses nothing, just before the headers go out
 * (its on-headers listener): `Vary: Accept-Encoding` on a compressible type the
 * response does not ask to keep untransformed.
 */
function varyOnHeaders(req: Request, res: Response, filter: compression.CompressionFilter): void {
  onHeaders(res, () => {
    const cacheControl = res.getHeader('Cache-Control');
    if (filter(req, res) && (!cacheControl || !NO_TRANSFORM.test(String(cacheControl)))) res.vary('Accept-Encoding');
  });
}

/**
 * compression's own filter (whether the Content-Type is compressible, from mime-db),
 * remembered per Content-Type: GraphQL answers all have the same one, looked up once.
 */
function compressibleType(): compression.CompressionFilter {
  const known = new Map<string, boolean>();
  return (req, res) => {
    const type = res.getHeader('Content-Type');
    if (typeof type !== 'string') return compression.filter(req, res);
    let compressible = known.get(type);
    if (compressible === undefined) {
      compressible = compression.filter(req, res);
      if (known.size >= 64) known.clear();
      known.set(type, compressible);
    }
    return compressible;
  };
}

type Encoding = 'br' | 'gzip';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** The encodings the client accepts, best first (brotli, then gzip); `q=0` refuses one. */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, qParam ? Number(qParam.slice(2)) || 0 : 1);
  }
  const wildcard = q.get('*');
  return (['br', 'gzip'] as const).filter((enc) => (q.get(enc) ?? wildcard ?? 0) > 0);
}

/**
 * Serves the `.br` / `.gz` files the web build wrote next to each hashed asset,
 * with `Content-Encoding` chosen from Accept-Encoding; anything else (no
 * precompressed copy, a client that accepts neither) falls through to the plain
 * static handler. No compression work at request time.
 */
export function precompressedAssets(root: string): RequestHandler {
  const base = normalize(root + sep);
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith('/assets/')) return next();
    res.vary('Accept-Encoding');
    let file: string;
    try {
      file = normalize(join(base, decodeURIComponent(req.path)));
    } catch {
      return next();
    }
    if (!file.startsWith(base)) return next();
    for (const encoding of acceptedEncodings(req.get('accept-encoding'))) {
      const compressed = file + SUFFIX[encoding];
      if (!existsSync(compressed)) continue;
      // Content-Type of the original file: `send` keeps a type already set.
      res.type(extname(file));
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Cache-Control', IMMUTABLE);
      res.sendFile(compressed, { cacheControl: false }, (error) => {
        if (error && !res.headersSent) next(error);
      });
      return;
    }
    next();
  };
}

import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import compression from 'compression';
import type { RequestHandler } from 'express';

/** Hashed build outputs (Vite fingerprints every file under /assets): cached for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** GraphQL answers smaller than this go out as they are: compressing them costs more than it saves. */
export const GRAPHQL_COMPRESSION_THRESHOLD = 1024;

/**
 * gzip or brotli for GraphQL responses above the threshold, as the client's
 * Accept-Encoding allows (brotli at a low quality: it runs on every request).
 */
export function graphqlCompression(): RequestHandler {
  return compression({ threshold: GRAPHQL_COMPRESSION_THRESHOLD, level: 6, brotli: { params: { [2 /* BROTLI_PARAM_QUALITY */]: 4 } }, filter: compressibleType() });
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

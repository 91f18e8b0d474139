import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request, type Response } from 'express';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import helmet from 'helmet';
import type { AppServices } from '../core/context';
import { RequestContext } from '../core/context';
import type { CookieJar, CookieOptions } from '../core/cookies';
import { parseCookieHeader, SESSION_COOKIE } from '../core/cookies';
import { localExecution, localGateway } from '../core/compiled-executor';
import { createFastLane, type FastLane } from '../core/graphql-fast-lane';
import { withoutETag } from '../core/graphql-send';
import { errorLogPlugin, formatErrorFor } from '../core/graphql-errors';
import { armorRules, costAdmitted, costLimitPlugin, GRAPHQL_BODY_LIMIT, PARSE_OPTIONS, queryShapeGuard } from '../core/graphql-limits';
import { inSeries, type HttpRoute } from '../core/http-route';
import { graphqlCompression, IMMUTABLE, precompressedAssets } from '../core/compression';
import { apiNotFound, httpErrorHandler } from '../core/http-errors';
import { notePrincipal, requestLogger } from '../core/request-log';
import { checkDatabase } from '../modules/health/health.service';
import { resolvePrincipal } from '../modules/identity/session.service';


class ExpressCookieJar implements CookieJar {
  constructor(
    private readonly req: Request,
    private readonly res: Response,
    private readonly secure: boolean,
  ) {}
  get(name: string): string | undefined {
    return parseCookieHeader(this.req.headers.cookie)[name];
  }
  set(name: string, value: string, options: CookieOptions = {}): void {
    this.res.cookie(name, value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure,
      path: '/',
      ...(options.maxAgeSeconds ? { maxAge: options.maxAgeSeconds * 1000 } : {}),
    });
  }
  clear(name: string): void {
    this.res.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/' });
  }
}

/** Builds the request context from the session cookie: used by GraphQL and by plain HTTP routes. */
export async function contextFromRequest(app: AppServices, req: Request, res: Response): Promise<RequestContext> {
  const cookies = new ExpressCookieJar(req, res, app.config.cookieSecure);
  const principal = await resolvePrincipal(app, cookies.get(SESSION_COOKIE));
  notePrincipal(res, principal);
  // pino-http gave the request its id (the caller's x-request-id when sane), echoed in the response.
  const requestId = req.id ? String(req.id) : randomUUID();
  return new RequestContext(app, principal, { requestId, ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null }, cookies);
}

export { formatErrorFor };

/** Parsed documents and persisted queries each: the SPA's operations fit many times over. */
const APOLLO_CACHE_BYTES = 4 * 2 ** 20;

export function createApolloServer(app: AppServices, schema: GraphQLSchema, plugins: ApolloServerPlugin[] = []) {
  return createApolloServerWithLane(app, schema, plugins, { fastLane: false }).apollo;
}

/**
 * The Apollo server, and with `fastLane` (the HTTP server's) the lane that answers again,
 * without Apollo's request pipeline, the queries Apollo answered cleanly (see
 * graphql-fast-lane): the same compiled queries, the same cost checks.
 */
function createApolloServerWithLane(app: AppServices, schema: GraphQLSchema, plugins: ApolloServerPlugin[], options: { fastLane: boolean }) {
  const armor = armorRules();
  const costLimit = costLimitPlugin({ production: app.config.env === 'production', isAuthenticated: (ctx) => !!(ctx as RequestContext).principal });
  let fastLane: FastLane | null = null;
  // The schema, executed by graphql-jit (queries compiled once per document; see compiled-executor).
  const execution = localExecution(schema, {
    compileOnFirstRun: app.config.env === 'test',
    precomputed: (context, document, operationName) => fastLane?.takePrecomputed(context, document, operationName),
  });
  if (options.fastLane) {
    fastLane = createFastLane({
      compiled: execution.compiled,
      run: execution.run,
      admitted: (document, operationName, variables) => costAdmitted(document, operationName, variables),
    });
  }
  const apollo = new ApolloServer<RequestContext>({
    gateway: localGateway(schema, execution),
    csrfPrevention: true,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    parseOptions: PARSE_OPTIONS,
    // Bounded caches (Apollo's defaults are 30 MiB each, measured on JSON size: several times that in heap).
    documentStore: new InMemoryLRUCache<DocumentNode>({ maxSize: APOLLO_CACHE_BYTES }),
    cache: new InMemoryLRUCache<string>({ maxSize: APOLLO_CACHE_BYTES }),
    validationRules: armor.validationRules,
    formatError: formatErrorFor(app),
    // The cache-control plugin wraps every field's resolver to compute HTTP cache hints
    // nobody uses here (responses are private): +15–29 % list throughput without it.
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled(), errorLogPlugin(), ...armor.plugins, costLimit, ...plugins, ...(fastLane ? [fastLane.plugin] : [])],
  });
  return { apollo, fastLane };
}

export type { HttpRoute } from '../core/http-route';

export async function createHttpApp(
  app: AppServices,
  schema: GraphQLSchema,
  routes: HttpRoute[] = [],
): Promise<{ express: Express; apollo: ApolloServer<RequestContext>; fastLane: FastLane }> {
  const { apollo, fastLane } = createApolloServerWithLane(app, schema, [], { fastLane: true });
  if (!fastLane) throw new Error('unreachable: the fast lane was asked for');
  await apollo.start();

  const buildContext = (req: Request, res: Response) => contextFromRequest(app, req, res);

  const server = express();
  server.disable('x-powered-by');
  // Only the configured hops may name the client; express then takes the address the last of them gives.
  if (app.config.trustProxy !== false) server.set('trust proxy', app.config.trustProxy);
  server.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // GraphiQL's editor injects inline styles and runs its language services in workers.
          styleSrc: ["'self'", "'unsafe-inline'"],
          workerSrc: ["'self'", 'blob:'],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      strictTransportSecurity: app.config.cookieSecure && app.config.publicUrl.startsWith('https:'),
    }),
  );

  server.use(requestLogger(app));

  server.get('/healthz', async (_req, res) => {
    const up = await checkDatabase(app);
    res.status(up ? 200 : 503).json({ status: up ? 'ok' : 'unavailable', version: app.config.version, database: app.config.database.kind });
  });

  // A browser opening /graphql lands on the playground.
  server.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query.query) {
      res.redirect(302, '/playground');
      return;
    }
    next();
  });
  // One layer: the path matched once for the five.
  server.use(
    '/graphql',
    inSeries(
      graphqlCompression(),
      express.json({ limit: GRAPHQL_BODY_LIMIT }),
      queryShapeGuard(),
      // Queries Apollo already answered cleanly: the same answer without its request pipeline.
      fastLane.middleware(buildContext),
      withoutETag(expressMiddleware(apollo, { context: ({ req, res }) => fastLane.contextFor(req, res, buildContext) })),
    ),
  );

  const api = express.Router();
  for (const register of routes) register(api, app, (req, res) => contextFromRequest(app, req, res));
  server.use('/api', api);
  server.use('/api', apiNotFound);

  const webDist = app.config.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    server.use(precompressedAssets(webDist));
    server.use(express.static(webDist, { index: false, maxAge: '1h', setHeaders: cacheAssets }));
    // Client-side routes: every other GET answers the SPA's shell.
    server.get(/.*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(webDist, 'index.html'));
    });
  } else {
    server.get('/', (_req, res) => {
      res.type('text/plain').send('Comptoir API. The SPA is not built: run `pnpm build` (or `pnpm dev`).');
    });
  }
  // Last: whatever failed above (body parsing, URL decoding, a route) answers JSON with a code.
  server.use(httpErrorHandler(app));
  return { express: server, apollo, fastLane };
}

function cacheAssets(res: Response, path: string): void {
  // Vite fingerprints everything under /assets: cache it for a year.
  if (path.includes(`${join('/', 'assets', '/')}`)) res.setHeader('Cache-Control', IMMUTABLE);
}

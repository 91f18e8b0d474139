import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request, type Response } from 'express';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import helmet from 'helmet';
import { ErrorCode } from '@comptoir/schema';
import type { AppServices } from '../core/context';
import { RequestContext } from '../core/context';
import type { CookieJar, CookieOptions } from '../core/cookies';
import { parseCookieHeader, SESSION_COOKIE } from '../core/cookies';
import type { HttpRoute } from '../core/http-route';
import { complexityLimitPlugin, depthLimitRule } from '../core/graphql-limits';
import { checkDatabase } from '../modules/health/health.service';
import { resolvePrincipal } from '../modules/identity/session.service';

const KNOWN_CODES = new Set<string>([...(Object.values(ErrorCode) as string[]), 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

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
  const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) ?? randomUUID();
  return new RequestContext(app, principal, { requestId, ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null }, cookies);
}

/**
 * Errors that carry one of our codes go out as they are; anything else is an
 * internal failure: logged in full, sent as a bare INTERNAL_SERVER_ERROR.
 */
export function formatErrorFor(app: AppServices) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    app.logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving');
    return {
      message: app.config.env === 'production' ? 'Internal server error' : formatted.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

export function createApolloServer(app: AppServices, schema: GraphQLSchema, plugins: ApolloServerPlugin[] = []) {
  return new ApolloServer<RequestContext>({
    schema,
    csrfPrevention: true,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimitRule()],
    formatError: formatErrorFor(app),
    plugins: [ApolloServerPluginLandingPageDisabled(), complexityLimitPlugin(), ...plugins],
  });
}

export type { HttpRoute } from '../core/http-route';

export async function createHttpApp(app: AppServices, schema: GraphQLSchema, routes: HttpRoute[] = []): Promise<{ express: Express; apollo: ApolloServer<RequestContext> }> {
  const apollo = createApolloServer(app, schema);
  await apollo.start();

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

  // One structured line per request; the path only, since query strings can carry reset or invitation tokens.
  server.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const path = req.originalUrl.split('?')[0];
      if (path === '/healthz') return;
      app.logger.info(
        { method: req.method, path, status: res.statusCode, ms: Number((process.hrtime.bigint() - started) / 1_000_000n), requestId: req.get('x-request-id') },
        'request',
      );
    });
    next();
  });

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
  server.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, { context: ({ req, res }) => contextFromRequest(app, req, res) }),
  );

  const api = express.Router();
  for (const register of routes) register(api, app, (req, res) => contextFromRequest(app, req, res));
  server.use('/api', api);
  server.use('/api', (_req, res) => {
    res.status(404).json({ error: { code: ErrorCode.NOT_FOUND, message: 'Not found' } });
  });

  const webDist = app.config.webDist;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
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
  return { express: server, apollo };
}

function cacheAssets(res: Response, path: string): void {
  // Vite fingerprints everything under /assets: cache it for a year.
  if (path.includes(`${join('/', 'assets', '/')}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}

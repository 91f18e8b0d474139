import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { getOperationAST, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { topics, type SessionsChanged } from '../core/bus';
import { RequestContext, type AppServices, type Principal } from '../core/context';
import { MemoryCookieJar, parseCookieHeader, SESSION_COOKIE } from '../core/cookies';
import { formatErrorFor } from '../core/graphql-errors';
import { GRAPHQL_LIMITS, PARSE_OPTIONS } from '../core/graphql-limits';
import { resolvePrincipal } from '../modules/identity/session.service';

/** Every socket's session is checked again this often (expiry, removal from the dossier). */
const SWEEP_MS = 60_000;
/** Subscriptions one socket may hold at once. */
const MAX_SUBSCRIPTIONS_PER_SOCKET = 50;
/** A subscribe message larger than this is refused (the query text is small). */
const MAX_MESSAGE_BYTES = 64 * 1024;

interface LiveSocket {
  token: string;
  principal: Principal;
  subscriptions: number;
}

export interface LiveServer {
  /** Open sockets on this process (tests, load script). */
  sockets(): number;
  close(): Promise<void>;
}

/** The browser's page must be ours: the Origin of the upgrade names this host or PUBLIC_URL (cross-site WebSocket hijacking). */
function originAllowed(req: IncomingMessage, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser: it must still bring the session cookie
  try {
    const host = new URL(origin).host;
    return host === req.headers.host || host === new URL(publicUrl).host;
  } catch {
    return false;
  }
}

/**
 * GraphQL subscriptions over graphql-ws on the HTTP server's `/graphql`, with the
 * session cookie of the upgrade request: the same principal, the same `@auth`
 * (enforced on `subscribe` by the schema transform), the dossier from the session.
 * Only subscription operations are accepted here (queries and mutations go over
 * HTTP, with their CSRF and cost limits). A revoked session's sockets are closed
 * at once on every node (bus topic `sessions`), and every socket is re-checked
 * every minute.
 */
export async function attachLiveServer(app: AppServices, schema: GraphQLSchema, server: Server): Promise<LiveServer> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const live = new Map<WebSocket, LiveSocket>();
  const formatError = formatErrorFor(app);

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/graphql') {
      socket.destroy();
      return;
    }
    if (!originAllowed(req, app.config.publicUrl)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  server.on('upgrade', onUpgrade);

  const recheck = async (ws: WebSocket, entry: LiveSocket) => {
    const now = await resolvePrincipal(app, entry.token).catch(() => entry.principal);
    if (!now || now.sessionId !== entry.principal.sessionId || now.dossierId !== entry.principal.dossierId || now.profile !== entry.principal.profile) {
      live.delete(ws);
      ws.close(CloseCode.Unauthorized, 'Session revoked');
    }
  };
  const unsubscribeSessions = await app.bus.subscribe(topics.sessions, (payload) => {
    const { userIds } = payload as SessionsChanged;
    for (const [ws, entry] of live) if (userIds.includes(entry.principal.userId)) void recheck(ws, entry);
  });
  const sweep = setInterval(() => {
    for (const [ws, entry] of live) void recheck(ws, entry);
  }, SWEEP_MS);
  sweep.unref();

  const disposable = useServer<Record<string, unknown>, { live?: LiveSocket }>(
    {
      schema,
      onConnect: async (ctx) => {
        const token = parseCookieHeader(ctx.extra.request.headers.cookie)[SESSION_COOKIE];
        const principal = await resolvePrincipal(app, token);
        if (!principal || !token) return false; // 4403 Forbidden
        const entry: LiveSocket = { token, principal, subscriptions: 0 };
        ctx.extra.live = entry;
        live.set(ctx.extra.socket, entry);
        ctx.extra.socket.once('close', () => live.delete(ctx.extra.socket));
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        const entry = ctx.extra.live;
        if (!entry) return [new GraphQLError('Not connected', { extensions: { code: 'UNAUTHENTICATED' } })];
        if (payload.query.length > GRAPHQL_LIMITS.queryChars) return [new GraphQLError('Query too long', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })];
        let document: DocumentNode;
        try {
          document = parse(payload.query, PARSE_OPTIONS);
        } catch (err) {
          return [err instanceof GraphQLError ? err : new GraphQLError('Cannot parse the query', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions go over the WebSocket; send queries and mutations to POST /graphql', { extensions: { code: 'BAD_REQUEST' } })];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        if (entry.subscriptions >= MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return [new GraphQLError(`At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions per connection`, { extensions: { code: 'BAD_REQUEST' } })];
        }
        entry.subscriptions++;
        const contextValue = new RequestContext(
          app,
          entry.principal,
          { requestId: randomUUID(), ip: ctx.extra.request.socket.remoteAddress ?? null, userAgent: ctx.extra.request.headers['user-agent'] ?? null },
          new MemoryCookieJar({ [SESSION_COOKIE]: entry.token }),
        );
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables ?? undefined, contextValue };
      },
      onComplete: (ctx) => {
        if (ctx.extra.live) ctx.extra.live.subscriptions = Math.max(0, ctx.extra.live.subscriptions - 1);
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!('errors' in result) || !result.errors) return result;
        return { ...result, errors: result.errors.map((e) => formatError(e instanceof GraphQLError ? e.toJSON() : e, e)) };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e instanceof GraphQLError ? e.toJSON() : e, e)) as never,
    },
    wss,
    12_000,
  );

  return {
    sockets: () => live.size,
    async close() {
      clearInterval(sweep);
      server.off('upgrade', onUpgrade);
      await unsubscribeSessions();
      for (const ws of wss.clients) ws.terminate();
      await disposable.dispose();
    },
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { DocumentNode, ExecutionResult } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import type { RequestContext } from './context';
import { sendGraphQLAnswer } from './graphql-send';

/**
 * The fast lane of POST /graphql: a query operation Apollo has already answered
 * without error (so parsed, validated, its limits checked) runs again without
 * Apollo's request pipeline, on the same compiled query, with the same context,
 * and its answer goes out as Apollo's would (same status, headers and bytes).
 *
 * It sits after everything the HTTP layer does for every request (security
 * headers, request id and log line, compression, the JSON body limit, the query
 * shape guard), just before Apollo's middleware, and hands the request on to
 * Apollo whenever anything is unusual:
 * - not a POST of a JSON object with only `query`, `operationName`, `variables`
 *   and `extensions` naming the client library (GET, batches, persisted queries
 *   and other extensions go to Apollo);
 * - a query text and operation name Apollo has not answered cleanly yet (first
 *   sight, mutations, introspection, refusals), or not compiled yet;
 * - variables whose cost was not checked yet (Apollo checks and remembers them);
 * - an `Accept` header Apollo would answer with a 406;
 * - a context that fails to build, an execution that throws or answers with
 *   errors: Apollo then finishes the request with the same context and the same
 *   outcome (the executor hands it the result already computed: nothing runs
 *   twice), so errors are formatted, logged and given their status by Apollo.
 */
export interface FastLane {
  /** Learns which operations Apollo answered cleanly; forgets everything when the server stops. */
  plugin: ApolloServerPlugin<RequestContext>;
  /** Express middleware, just before Apollo's. */
  middleware(buildContext: (req: Request, res: Response) => Promise<RequestContext>): RequestHandler;
  /** Apollo's context function: the context the fast lane already built for this request, if any. */
  contextFor(req: Request, res: Response, buildContext: (req: Request, res: Response) => Promise<RequestContext>): Promise<RequestContext>;
  /** For the executor: the outcome the fast lane already computed for this context's request (its document and operation name as sent). */
  takePrecomputed(context: unknown, document: DocumentNode, operationName: string | null): Promise<ExecutionResult> | undefined;
  /** How many requests it answered, and how many it ran then handed to Apollo for their errors (tests). */
  readonly answered: number;
  readonly handedOver: number;
}

export interface FastLaneDeps {
  /** The compiled query of a document's operation, if compiled (never compiles, never counts a run). */
  compiled(document: DocumentNode, operationName: string | null): CompiledQuery | null;
  /** Runs a compiled query exactly as the executor does. */
  run(query: CompiledQuery, context: unknown, variables: Record<string, unknown>): Promise<ExecutionResult>;
  /** Whether the cost limit and the introspection rules already admitted this call (never computes). */
  admitted(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined): boolean;
}

/** Query texts kept, by their total length (the SPA's operations fit many times over). */
const READY_CHARS = 2_000_000;
/** Distinct `Accept` headers whose answer type is remembered. */
const ACCEPT_TYPES = 64;

const APPLICATION_JSON = 'application/json; charset=utf-8';
/** Apollo's `chooseContentTypeForSingleResultResponse`: the same negotiation (negotiator), in the same order. */
const SINGLE_RESULT_TYPES = [APPLICATION_JSON, 'application/graphql-response+json; charset=utf-8', 'application/json; callbackSpec=1.0; charset=utf-8'];

const FAST = Symbol('graphql fast lane');
interface Handed {
  context: Promise<RequestContext>;
}
type WithFast = Request & { [FAST]?: Handed };

interface Ready {
  document: DocumentNode;
  /** The operation Apollo resolved (its name, null for an anonymous one): what the executor compiled. */
  operationName: string | null;
}

interface Precomputed {
  /** The operation name as the request sent it (null for none). */
  document: DocumentNode;
  operationName: string | null;
  outcome: Promise<ExecutionResult>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Request extensions Apollo Server does nothing with here: Apollo Client 4 names
 * itself in every request (`clientLibrary`, read by usage reporting only, which is
 * off when the lane runs). Anything else (a persisted query…) goes to Apollo.
 */
const IGNORED_EXTENSIONS = new Set(['clientLibrary']);
function ignoredExtensions(extensions: unknown): boolean {
  if (extensions === undefined || extensions === null) return true;
  if (!isRecord(extensions)) return false;
  for (const key in extensions) if (!IGNORED_EXTENSIONS.has(key)) return false;
  return true;
}

/** Apollo's per-operation copy of the context value (`cloneObject`). */
function cloneContext<T extends object>(context: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(context) as object) as T, context);
}

export function createFastLane(deps: FastLaneDeps): FastLane {
  // query text → operation name as sent ('' for none) → the parsed document Apollo answered it with.
  const ready = new Map<string, Map<string, Ready>>();
  let readyChars = 0;
  let running = true;
  const acceptTypes = new Map<string, string | false>();
  // Keyed by the request's meta: Apollo's copy of the context shares it with the original.
  const precomputed = new WeakMap<object, Precomputed>();
  let answered = 0;
  let handedOver = 0;

  const remember = (query: string, operationName: string, entry: Ready) => {
    let operations = ready.get(query);
    if (!operations) {
      ready.set(query, (operations = new Map()));
      readyChars += query.length;
      for (const old of ready.keys()) {
        if (readyChars <= READY_CHARS) break;
        ready.delete(old);
        readyChars -= old.length;
      }
    }
    if (operations.size >= 16) operations.clear();
    operations.set(operationName, entry);
  };

  const contentTypeFor = (req: Request): string | false => {
    const accept = req.headers.accept;
    if (accept === undefined || accept === '') return APPLICATION_JSON;
    let type = acceptTypes.get(accept);
    if (type === undefined) {
      type = req.accepts(SINGLE_RESULT_TYPES);
      if (acceptTypes.size >= ACCEPT_TYPES) acceptTypes.clear();
      acceptTypes.set(accept, type);
    }
    return type;
  };

  const lane: FastLane = {
    get answered() {
      return answered;
    },
    get handedOver() {
      return handedOver;
    },

    plugin: {
      async serverWillStart({ apollo }) {
        // Usage reporting to Apollo's cloud (APOLLO_KEY) sees every request: none skips Apollo then.
        if (apollo.key) running = false;
        return {
          async serverWillStop() {
            running = false;
            ready.clear();
          },
        };
      },
      async requestDidStart() {
        return {
          async willSendResponse({ request, response, operation, operationName, document, errors, requestIsBatched }) {
            const { body, http } = response;
            if (requestIsBatched || request.operationName === '') return;
            if (!document || operation?.operation !== 'query' || errors?.length) return;
            if (body.kind !== 'single' || body.singleResult.errors?.length || body.singleResult.extensions || (http.status !== undefined && http.status !== 200)) return;
            if (http.headers.size > 0 || request.http?.method !== 'POST' || typeof request.query !== 'string') return;
            if (!ignoredExtensions(request.extensions)) return;
            remember(request.query, request.operationName ?? '', { document, operationName: operationName ?? null });
          },
        };
      },
    },

    contextFor(req, res, buildContext) {
      const handed = (req as WithFast)[FAST];
      return handed ? handed.context : buildContext(req, res);
    },

    takePrecomputed(context, document, operationName) {
      const meta = isRecord(context) ? context.meta : undefined;
      if (!isRecord(meta)) return undefined;
      const found = precomputed.get(meta);
      if (!found || found.document !== document || found.operationName !== operationName) return undefined;
      precomputed.delete(meta);
      return found.outcome;
    },

    middleware(buildContext) {
      return (req: Request, res: Response, next: NextFunction) => {
        if (!running || req.method !== 'POST') return next();
        const body: unknown = req.body;
        if (!isRecord(body)) return next();
        for (const key in body) if (key !== 'query' && key !== 'operationName' && key !== 'variables' && key !== 'extensions') return next();
        const { query, operationName, variables, extensions } = body;
        if (!ignoredExtensions(extensions)) return next();
        if (typeof query !== 'string') return next();
        // '' names no operation (Apollo refuses it): only a name or none.
        if (operationName !== undefined && operationName !== null && (typeof operationName !== 'string' || operationName === '')) return next();
        if (variables !== undefined && variables !== null && !isRecord(variables)) return next();
        const entry = ready.get(query)?.get(operationName ?? '');
        if (!entry) return next();
        const { document } = entry;
        const compiled = deps.compiled(document, entry.operationName);
        if (!compiled) return next();
        const vars = variables ?? undefined;
        if (!deps.admitted(document, operationName ?? undefined, vars)) return next();
        const contentType = contentTypeFor(req);
        if (!contentType) return next();
        answer(req, res, next, buildContext, { document, compiled, operationName: operationName ?? null, variables: vars ?? {}, contentType }).catch(next);
      };
    },
  };

  async function answer(
    req: Request,
    res: Response,
    next: NextFunction,
    buildContext: (req: Request, res: Response) => Promise<RequestContext>,
    call: { document: DocumentNode; compiled: CompiledQuery; operationName: string | null; variables: Record<string, unknown>; contentType: string },
  ): Promise<void> {
    const contextPromise = buildContext(req, res);
    (req as WithFast)[FAST] = { context: contextPromise };
    let context: RequestContext;
    try {
      context = await contextPromise;
    } catch {
      // Apollo answers the failure (the same rejected promise), as it would have.
      contextPromise.catch(() => undefined);
      return next();
    }
    const outcome = deps.run(call.compiled, cloneContext(context), call.variables);
    let result: ExecutionResult;
    try {
      result = await outcome;
    } catch {
      return handOver();
    }
    if (result.errors?.length || result.data === undefined || result.data === null) return handOver();
    answered++;
    res.statusCode = 200;
    res.setHeader('content-type', call.contentType);
    // Apollo's `prettyJSONStringify` of its ordered result (errors, data, extensions), sent as its answers are.
    sendGraphQLAnswer(req, res, JSON.stringify({ data: result.data, extensions: result.extensions }) + '\n');

    function handOver(): void {
      handedOver++;
      outcome.catch(() => undefined);
      precomputed.set(context.meta as unknown as object, { document: call.document, operationName: call.operationName, outcome });
      next();
    }
  }

  return lane;
}

import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** Compiled operations of one parsed document, by operation name ('' for the only one). */
type Compiled = Map<string, CompiledQuery | null | typeof SEEN_ONCE>;

/**
 * Compiling (6–12 ms for the SPA's invoice list on a loaded machine, about as much as
 * parsing and validating it) costs far more than one execution: an operation is compiled
 * the second time it runs, so one-off queries (or a caller sending a new query text each
 * time) never pay it. Tests compile on the first run, so each query they send runs compiled.
 */
const SEEN_ONCE = Symbol('seen once');

/**
 * Operations per document kept compiled. Apollo hands the same DocumentNode for the
 * same query text (its document store), so the WeakMap lets go of what it evicts.
 */
const OPERATIONS_PER_DOCUMENT = 16;

/**
 * Executes queries with graphql-jit: the operation is compiled once per parsed document
 * into plain JavaScript (no per-field resolve info, argument coercion, or completion
 * dispatch at run time), then run for each request. graphql-jit calls the schema's own
 * resolvers, so the `@auth` wrappers (`applyAuthPolicies`) and the argument validation
 * run exactly as under graphql-js; errors are GraphQLErrors with path and locations, and
 * non-null errors propagate as the spec says. Mutations, subscriptions and whatever
 * graphql-jit cannot compile run on graphql-js's `execute`.
 *
 * Apollo Server 4+ has no `executor` option; a gateway that only serves the local schema
 * is its documented way to supply one (validation, limits, plugins and error formatting
 * stay Apollo's).
 */
export function compiledExecutor(schema: GraphQLSchema, options: CompiledExecutorOptions = {}): Executor {
  return localExecution(schema, options).executor;
}

export interface CompiledExecutorOptions {
  compileOnFirstRun?: boolean;
  /**
   * An outcome already computed for this request (the HTTP fast lane ran the compiled
   * query, then handed the request to Apollo to answer its errors): returned as it is,
   * nothing runs twice. Gets the context, the document and the operation name as sent.
   */
  precomputed?: (context: unknown, document: DocumentNode, operationName: string | null) => Promise<ExecutionResult> | undefined;
}

/** The executor, and what the HTTP fast lane needs of it: the compiled queries, run the same way. */
export interface LocalExecution {
  executor: Executor;
  /** The compiled query of an operation (its resolved name), if compiled already: never compiles, never counts a run. */
  compiled(document: DocumentNode, operationName: string | null): CompiledQuery | null;
  /** Runs a compiled query as the executor does (errors as writable graphql-js errors). */
  run(query: CompiledQuery, context: unknown, variables: Record<string, unknown>): Promise<ExecutionResult>;
}

export function localExecution(schema: GraphQLSchema, options: CompiledExecutorOptions = {}): LocalExecution {
  const compiled = new WeakMap<DocumentNode, Compiled>();
  const compiledFor = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let operations = compiled.get(document);
    if (!operations) compiled.set(document, (operations = new Map()));
    const key = operationName ?? '';
    const known = operations.get(key);
    if (known !== undefined && known !== SEEN_ONCE) return known;
    if (operations.size >= OPERATIONS_PER_DOCUMENT) operations.clear();
    if (known === undefined && !options.compileOnFirstRun) {
      operations.set(key, SEEN_ONCE);
      return null;
    }
    const query = compileOrNull(schema, document, operationName);
    operations.set(key, query);
    return query;
  };
  const run = async (query: CompiledQuery, context: unknown, variables: Record<string, unknown>): Promise<ExecutionResult> => {
    const result = (await query.query(undefined, context, variables)) as ExecutionResult;
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
  const executor: Executor = async (requestContext) => {
    const { document, operation, operationName, context } = requestContext;
    const already = options.precomputed?.(context, document, requestContext.request.operationName ?? null);
    if (already) return already;
    const variables = requestContext.request.variables ?? {};
    const query = operation.operation === 'query' ? compiledFor(document, operationName) : null;
    if (query) return run(query, context, variables);
    return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
  };
  return {
    executor,
    compiled(document, operationName) {
      const known = compiled.get(document)?.get(operationName ?? '');
      return known === undefined || known === SEEN_ONCE ? null : known;
    },
    run,
  };
}

/** The operation compiled, or null when graphql-jit cannot compile it (graphql-js runs it then). */
function compileOrNull(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): CompiledQuery | null {
  try {
    const result = compileQuery(schema, document, operationName ?? undefined);
    return isCompiledQuery(result as Parameters<typeof isCompiledQuery>[0]) ? (result as CompiledQuery) : null;
  } catch {
    return null;
  }
}

/**
 * graphql-jit's errors are GraphQLErrors whose properties are read-only (graphql-armor's
 * field-suggestion mask rewrites `message`): the same error as graphql-js's `locatedError`
 * makes, with its locations and path.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const original = error.originalError ?? undefined;
  const copy = new GraphQLError(error.message, { path: error.path, originalError: original, extensions: error.extensions });
  if (error.locations) (copy as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return copy;
}

/** The gateway Apollo Server takes in place of `schema`: the local schema, executed by `compiledExecutor`. */
export function localGateway(schema: GraphQLSchema, options: CompiledExecutorOptions | LocalExecution = {}): Gateway {
  const execution = 'executor' in options ? options : localExecution(schema, options);
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: () => Promise.resolve({ executor: execution.executor }),
    stop: () => Promise.resolve(),
  };
}

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
export function compiledExecutor(schema: GraphQLSchema, options: { compileOnFirstRun?: boolean } = {}): Executor {
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
  return async (requestContext) => {
    const { document, operation, operationName, context } = requestContext;
    const variables = requestContext.request.variables ?? {};
    const query = operation.operation === 'query' ? compiledFor(document, operationName) : null;
    if (query) {
      const result = (await query.query(undefined, context, variables)) as ExecutionResult;
      return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
    }
    return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
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
export function localGateway(schema: GraphQLSchema, options: { compileOnFirstRun?: boolean } = {}): Gateway {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: () => Promise.resolve({ executor: compiledExecutor(schema, options) }),
    stop: () => Promise.resolve(),
  };
}

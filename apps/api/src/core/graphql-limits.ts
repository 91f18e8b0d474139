import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getNamedType,
  GraphQLError,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * What a GraphQL request may cost, refused as early as each limit can be checked:
 *
 * 1. HTTP body size (express, see `GRAPHQL_BODY_LIMIT`): before anything is read;
 *    then the query text's length and repeated fields (`queryShapeGuard`), before
 *    Apollo validates (graphql's overlapping-fields rule is quadratic in repeats).
 * 2. Tokens (`parseOptions.maxTokens`): graphql's lexer stops counting at the
 *    limit, so a huge query is refused while parsing, before any AST is built.
 * 3. Aliases, depth and directives (graphql-armor validation rules): before the
 *    operation is resolved.
 * 4. Cost, weighted by what each field really costs (graphql-query-complexity),
 *    and introspection (at most one `__schema` per request; none anonymously in
 *    production): once the operation and its variables are known, before any
 *    resolver runs.
 */
export const GRAPHQL_LIMITS = {
  /** A document of 500 lines of 2,000 characters (the documented maximum) fits, in UTF-8, with room. */
  bodyBytes: 2_500_000,
  /** The query text itself (variables excluded): the SPA's largest operation is a few KB. */
  queryChars: 64_000,
  maxTokens: 8_000,
  /** The same response name in one selection set (fragments included): graphql's overlap check is quadratic in it. */
  maxSameField: 10,
  maxAliases: 30,
  maxDepth: 12,
  maxDirectives: 20,
  maxCost: 10_000,
} as const;

/** Largest page any list field serves; `first` above it is refused by the field itself. */
export const MAX_PAGE_SIZE = 200;

/** Express's notation for the JSON body limit. */
export const GRAPHQL_BODY_LIMIT = `${GRAPHQL_LIMITS.bodyBytes}b`;

export const PARSE_OPTIONS: ParseOptions = { maxTokens: GRAPHQL_LIMITS.maxTokens };

/**
 * Fields whose work is far above one row: the whole history chain recomputed,
 * the whole schema serialized, an export job queued.
 */
export const FIELD_WEIGHTS: Record<string, number> = {
  'Query.verifyHistory': 4_000,
  // The compliance self-check verifies the whole history chain too.
  'Query.complianceCheck': 4_000,
  'Query.__schema': 2_000,
  'Query.__type': 50,
  'Mutation.startDocumentsExport': 500,
  'Mutation.startActionSummaryExport': 500,
  'Query.exportColumns': 20,
};

/**
 * Lists without a `first` argument, by how many items they hold at most in
 * practice (document lines are capped at 500; 100 is the realistic size).
 */
const LIST_SIZES: Record<string, number> = {
  lines: 100,
  history: 50,
};
const DEFAULT_LIST_SIZE = 10;

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * One per object a field loads (a scalar comes with its row: free), or the field's
 * weight; children multiplied by the page size asked (or the list's usual size).
 */
export const weightedEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Introspection serializes the schema, whose size is fixed: its meta field carries the whole price.
  if (type.name.startsWith('__')) return 0;
  if (field.name === '__schema' || field.name === '__type') return FIELD_WEIGHTS[`Query.${field.name}`];
  const weight = FIELD_WEIGHTS[`${type.name}.${field.name}`] ?? (isLeafType(getNamedType(field.type)) ? 0 : 1);
  const page = typeof args.first === 'number' ? Math.max(0, Math.min(args.first, MAX_PAGE_SIZE)) : null;
  const fanOut = page ?? (isList(field.type) ? (LIST_SIZES[field.name] ?? DEFAULT_LIST_SIZE) : 1);
  return weight + fanOut * childComplexity;
};

/** The estimated cost of one operation with its variables (throws the GraphQLError of bad variables). */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [weightedEstimator], maxQueryNodes: 20_000 });
}

function refusal(message: string, limit: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, ...extra, http: { status: 400 } } });
}

/** How many `__schema` fields the operation selects, through fragments. */
export function countSchemaFields(operation: OperationDefinitionNode, document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const walk = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    let n = 0;
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) n += (selection as FieldNode).name.value === '__schema' ? 1 : 0;
      else if (selection.kind === Kind.INLINE_FRAGMENT) n += walk(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) n += walk(fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
    return n;
  };
  return walk(operation.selectionSet, new Set());
}

function usesIntrospection(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  if (countSchemaFields(operation, document) > 0) return true;
  // `__type` anywhere (`__typename` is not introspection: every client asks for it).
  return /\b__type\b/.test(documentText(document));
}

export interface CostLimitOptions {
  maxCost?: number;
  /** Production: anonymous callers may not introspect. */
  production: boolean;
  /** Whether the request's caller is logged in. */
  isAuthenticated: (contextValue: unknown) => boolean;
}

/** Per parsed document (Apollo reuses the same object for the same query text): what the checks below found. */
interface DocumentMemo {
  /** `__schema` fields per operation. */
  schemaFields: Map<OperationDefinitionNode, number>;
  /** Whether the document asks for `__schema` or `__type` anywhere. */
  introspection?: boolean;
  costs: Map<string, number>;
}
const memos = new WeakMap<DocumentNode, DocumentMemo>();
const COSTS_PER_DOCUMENT = 256;
function memoOf(document: DocumentNode): DocumentMemo {
  let memo = memos.get(document);
  if (!memo) memos.set(document, (memo = { schemaFields: new Map(), costs: new Map() }));
  return memo;
}

const costKey = (operationName: string | undefined, variables: Record<string, unknown> | undefined) => `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;

/** The document without its locations, as text: what the introspection checks search. */
const documentText = (document: DocumentNode) => JSON.stringify(document, (key, value: unknown) => (key === 'loc' ? undefined : value));

/**
 * Whether `costLimitPlugin` (with this `maxCost`) already admitted this call: a document
 * without any introspection field, whose cost with these variables was computed and is
 * within the limit. Never computes anything: false when in doubt (the HTTP fast lane
 * then leaves the request to Apollo, whose plugin checks it).
 */
export function costAdmitted(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined, maxCost: number = GRAPHQL_LIMITS.maxCost): boolean {
  const memo = memos.get(document);
  if (!memo) return false;
  memo.introspection ??= /\b__(schema|type)\b/.test(documentText(document));
  if (memo.introspection) return false;
  const cost = memo.costs.get(costKey(operationName, variables));
  return cost !== undefined && cost <= maxCost;
}

/** The weighted cost limit and the introspection rules, checked before execution. */
export function costLimitPlugin(options: CostLimitOptions): ApolloServerPlugin {
  const maxCost = options.maxCost ?? GRAPHQL_LIMITS.maxCost;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema, contextValue }) {
          if (!operation) return;
          const memo = memoOf(document);
          let schemaFields = memo.schemaFields.get(operation);
          if (schemaFields === undefined) memo.schemaFields.set(operation, (schemaFields = countSchemaFields(operation, document)));
          if (schemaFields > 1) throw refusal(`Introspection is allowed once per request (asked ${schemaFields} times)`, 'introspection');
          if (options.production && !options.isAuthenticated(contextValue) && usesIntrospection(operation, document)) {
            throw refusal('Introspection needs a logged-in session', 'introspection');
          }
          // The cost depends only on the document, its variables and the operation chosen:
          // computed once per distinct call (a list paged through asks the same cost each time).
          const key = costKey(request.operationName, request.variables);
          let cost = memo.costs.get(key);
          if (cost === undefined) {
            try {
              cost = queryCost(schema, document, request.variables ?? {}, request.operationName ?? undefined);
            } catch (error) {
              if (error instanceof GraphQLError) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
              throw error;
            }
            if (memo.costs.size >= COSTS_PER_DOCUMENT) memo.costs.clear();
            memo.costs.set(key, cost);
          }
          if (cost > maxCost) throw refusal(`Query is too complex (estimated cost ${cost}, limit ${maxCost})`, 'cost', { cost, maxCost });
        },
      };
    },
  };
}

/** graphql-armor's rules: aliases, depth, directives; its cost limit is replaced by the weighted one above. */
export function armorRules(): { validationRules: ValidationRule[]; plugins: ApolloServerPlugin[] } {
  const armor = new ApolloArmor({
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, exposeLimits: true },
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, exposeLimits: true },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, exposeLimits: true },
    costLimit: { enabled: false },
    maxTokens: { enabled: false }, // graphql's own `maxTokens` parse option stops earlier, in the one parse.
    blockFieldSuggestion: { enabled: true },
  });
  const { validationRules, plugins } = armor.protect();
  return { validationRules, plugins };
}

type Counts = Map<string, number>;

/** The largest number of times one response name appears in one selection set, fragments included. */
export function maxSameField(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const fragmentCounts = new Map<string, Counts | null>();
  let worst = 0;
  const add = (into: Counts, from: Counts) => {
    for (const [k, v] of from) into.set(k, Math.min(1e9, (into.get(k) ?? 0) + v));
  };
  // Counts of one selection set's own response names (spreads inlined, memoized per fragment).
  const countsOf = (set: SelectionSetNode): Counts => {
    const counts: Counts = new Map();
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.alias?.value ?? selection.name.value;
        counts.set(name, (counts.get(name) ?? 0) + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) add(counts, countsOf(selection.selectionSet));
      else {
        const name = selection.name.value;
        if (!fragmentCounts.has(name)) {
          fragmentCounts.set(name, null); // a cycle counts nothing (validation refuses it anyway)
          const fragment = fragments.get(name);
          fragmentCounts.set(name, fragment ? countsOf(fragment.selectionSet) : new Map());
        }
        add(counts, fragmentCounts.get(name) ?? new Map());
      }
    }
    for (const v of counts.values()) worst = Math.max(worst, v);
    return counts;
  };
  visitSelectionSets(document, countsOf);
  return worst;
}

function visitSelectionSets(document: DocumentNode, each: (set: SelectionSetNode) => void): void {
  const walk = (set: SelectionSetNode | undefined) => {
    if (!set) return;
    each(set);
    for (const selection of set.selections) if (selection.kind !== Kind.FRAGMENT_SPREAD) walk(selection.selectionSet);
  };
  for (const def of document.definitions) if (def.kind === Kind.OPERATION_DEFINITION || def.kind === Kind.FRAGMENT_DEFINITION) walk(def.selectionSet);
}

const SHAPE_CACHE_CHARS = 2_000_000;

/**
 * Express middleware on /graphql, after the JSON body parser: refuses a query text
 * over `queryChars` and one repeating a field more than `maxSameField` times in a
 * selection set, answering GraphQL-shaped 400s. Anything it cannot parse goes on
 * to Apollo, which answers its own GRAPHQL_PARSE_FAILED.
 */
export function queryShapeGuard(): (req: { body?: unknown; query?: unknown }, res: { status(n: number): { json(b: unknown): void } }, next: () => void) => void {
  // Query texts already found acceptable (the SPA sends the same few on every request):
  // not parsed again. Bounded by their total length; the oldest go first.
  const passed = new Map<string, true>();
  let passedChars = 0;
  return (req, res, next) => {
    const body = req.body as { query?: unknown } | undefined;
    const query = typeof body?.query === 'string' ? body.query : typeof (req.query as { query?: unknown } | undefined)?.query === 'string' ? ((req.query as { query: string }).query) : null;
    if (query === null) return next();
    if (passed.has(query)) return next();
    const refuse = (message: string, limit: string) =>
      res.status(400).json({ errors: [{ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit } }] });
    if (query.length > GRAPHQL_LIMITS.queryChars) return refuse(`The query text is longer than ${GRAPHQL_LIMITS.queryChars} characters`, 'queryChars');
    let document: DocumentNode;
    try {
      document = parse(query, PARSE_OPTIONS);
    } catch {
      return next();
    }
    const same = maxSameField(document);
    if (same > GRAPHQL_LIMITS.maxSameField) return refuse(`A field is selected ${same} times in one selection set; the limit is ${GRAPHQL_LIMITS.maxSameField}`, 'sameField');
    passed.set(query, true);
    passedChars += query.length;
    for (const old of passed.keys()) {
      if (passedChars <= SHAPE_CACHE_CHARS) break;
      passed.delete(old);
      passedChars -= old.length;
    }
    next();
  };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { buildSchema, getIntrospectionQuery, Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { Profile } from '@comptoir/schema';
import { createApolloServer } from '../app/server';
import { createTestApp, TestClient, type TestApp } from '../../test/harness';
import { createDossier } from '../../test/fixtures';
import type { RequestContext } from './context';
import { armorRules, countSchemaFields, GRAPHQL_LIMITS, queryCost } from './graphql-limits';

/** Counts what reached execution: a refused request resolves no field at all. */
function executionCounter() {
  const counts = { executions: 0, resolvedFields: 0 };
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async executionDidStart() {
          counts.executions++;
          return {
            willResolveField() {
              counts.resolvedFields++;
            },
          };
        },
      };
    },
  };
  return { counts, plugin };
}

const aliases = (n: number, selection: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;

describe('GraphQL query limits', () => {
  let t: TestApp;
  let counter: ReturnType<typeof executionCounter>;
  let apollo: ApolloServer<RequestContext>;
  let prodApollo: ApolloServer<RequestContext>;
  let owner: TestClient;
  const as = (server: ApolloServer<RequestContext>, client?: TestClient) => new TestClient({ ...t, apollo: server }, client?.sessionToken);

  beforeAll(async () => {
    t = await createTestApp();
    counter = executionCounter();
    apollo = createApolloServer(t.app, t.schema, [counter.plugin]);
    await apollo.start();
    prodApollo = createApolloServer({ ...t.app, config: { ...t.config, env: 'production' } }, t.schema, [counter.plugin]);
    await prodApollo.start();
    owner = as(apollo, (await createDossier(t, { profiles: [Profile.OWNER] })).client(Profile.OWNER));
  });
  afterAll(async () => {
    await apollo.stop();
    await prodApollo.stop();
    await t.close();
  });
  beforeEach(() => {
    counter.counts.executions = 0;
    counter.counts.resolvedFields = 0;
  });

  it('refuses 5,000 aliases of verifyHistory from an OWNER before executing anything (token limit, while parsing)', async () => {
    const result = await owner.exec(aliases(5_000, 'verifyHistory { ok }'));
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/more th[ae][nt] 8000 tokens/);
    expect(counter.counts).toEqual({ executions: 0, resolvedFields: 0 });
  });

  it('weighs verifyHistory by its real cost: three in one request are refused before executing', async () => {
    const result = await owner.exec(aliases(3, 'verifyHistory { ok }'));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', maxCost: GRAPHQL_LIMITS.maxCost });
    expect(counter.counts).toEqual({ executions: 0, resolvedFields: 0 });
    expect((await owner.exec(aliases(1, 'verifyHistory { ok }'))).errors).toBeUndefined();
  });

  it('caps aliases per request', async () => {
    const result = await owner.exec(aliases(GRAPHQL_LIMITS.maxAliases + 1, 'me { user { id } }'));
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/Aliases limit/);
    expect(counter.counts.executions).toBe(0);
  });

  it('refuses 1,000 anonymous aliases of __schema, and a second __schema in one request', async () => {
    const anonymous = as(apollo);
    const huge = await anonymous.exec(aliases(1_000, '__schema { types { name fields { name } } }'));
    expect(huge.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const twice = await anonymous.exec(aliases(2, '__schema { types { name } }'));
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'introspection' });
    const viaFragment = await anonymous.exec('fragment S on Query { __schema { queryType { name } } } { ...S a: __schema { types { name } } }');
    expect(viaFragment.errors?.[0]?.extensions?.limit).toBe('introspection');
    expect(counter.counts.executions).toBe(0);
    // Once is fine outside production.
    expect((await anonymous.exec('{ __schema { queryType { name } } }')).errors).toBeUndefined();
  });

  it('allows no anonymous introspection in production, once per request for a logged-in user', async () => {
    const anonymous = as(prodApollo);
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Query") { name } }']) {
      const r = await anonymous.exec(query);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'introspection' });
    }
    expect(counter.counts.executions).toBe(0);
    expect((await anonymous.exec('{ __typename }')).errors).toBeUndefined();
    expect((await as(prodApollo, owner).exec('{ __schema { queryType { name } } }')).errors).toBeUndefined();
    // The playground's full introspection query fits every limit.
    const full = await as(prodApollo, owner).exec(getIntrospectionQuery());
    expect(full.errors).toBeUndefined();
  });

  it('refuses piles of directives before executing', async () => {
    const directives = await owner.exec(`{ me @include(if: true) ${'@skip(if: false) '.repeat(GRAPHQL_LIMITS.maxDirectives)} { profile } }`);
    expect(directives.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(directives.errors?.[0]?.message).toMatch(/Directives limit/);
    expect(counter.counts.executions).toBe(0);
  });

  it(`refuses nesting deeper than ${GRAPHQL_LIMITS.maxDepth}, also through fragments`, () => {
    const selfRef = buildSchema('type A { a: A name: String } type Query { a: A }');
    const nested = (levels: number) => `{ ${'a { '.repeat(levels)}name${' }'.repeat(levels)} }`;
    expect(validate(selfRef, parse(nested(GRAPHQL_LIMITS.maxDepth - 1)), armorRules().validationRules)).toEqual([]);
    expect(validate(selfRef, parse(nested(GRAPHQL_LIMITS.maxDepth + 2)), armorRules().validationRules).map((e) => e.message).join()).toMatch(/depth limit/i);
    const viaFragment = `fragment F on A { ${'a { '.repeat(8)}name${' }'.repeat(8)} } { ${'a { '.repeat(8)}...F${' }'.repeat(8)} }`;
    expect(validate(selfRef, parse(viaFragment), armorRules().validationRules).map((e) => e.message).join()).toMatch(/depth limit/i);
  });

  describe('what the SPA sends', () => {
    // The web app's operations, as graphql-codegen listed them.
    const source = readFileSync(join(__dirname, '..', '..', '..', 'web', 'src', 'gql', 'gql.ts'), 'utf8');
    const block = source.slice(source.indexOf('type Documents = {'), source.indexOf('};', source.indexOf('type Documents = {')));
    const texts = [...block.matchAll(/^\s+("(?:[^"\\]|\\.)*"): typeof/gm)].map((m) => JSON.parse(m[1]) as string);
    const docs = texts.map((text) => parse(text));
    const fragments = docs.flatMap((d) => d.definitions.filter((def) => def.kind === Kind.FRAGMENT_DEFINITION));
    const operations = docs.flatMap((d) => d.definitions.filter((def): def is OperationDefinitionNode => def.kind === Kind.OPERATION_DEFINITION));

    /** The operation with the fragments it uses, and variables at their worst (page sizes at the maximum). */
    function prepare(operation: OperationDefinitionNode): { document: DocumentNode; variables: Record<string, unknown> } {
      const used = new Set<string>();
      const collect = (text: string) => {
        for (const [, name] of text.matchAll(/\.\.\.(\w+)/g)) {
          if (used.has(name)) continue;
          used.add(name);
          const fragment = fragments.find((f) => f.kind === Kind.FRAGMENT_DEFINITION && f.name.value === name);
          if (fragment?.loc) collect(fragment.loc.source.body.slice(fragment.loc.start, fragment.loc.end));
        }
      };
      collect(operation.loc!.source.body.slice(operation.loc!.start, operation.loc!.end));
      const document: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: [operation, ...fragments.filter((f) => f.kind === Kind.FRAGMENT_DEFINITION && used.has(f.name.value))],
      };
      const variables: Record<string, unknown> = {};
      for (const v of operation.variableDefinitions ?? []) if (v.variable.name.value === 'first') variables.first = 200;
      return { document, variables };
    }

    it('has operations to check', () => {
      expect(operations.length).toBeGreaterThan(30);
    });

    it('every operation of the SPA passes the token, alias, depth, directive and cost limits', () => {
      const over: string[] = [];
      for (const operation of operations) {
        const { document, variables } = prepare(operation);
        const text = operation.loc!.source.body;
        expect(() => parse(text, { maxTokens: GRAPHQL_LIMITS.maxTokens })).not.toThrow();
        const errors = validate(t.schema, document, armorRules().validationRules);
        if (errors.length) over.push(`${operation.name?.value}: ${errors.map((e) => e.message).join('; ')}`);
        if (countSchemaFields(operation, document) > 1) over.push(`${operation.name?.value}: introspection`);
        // Only page-size variables matter to the cost; operations needing others are costed without them.
        if (operation.variableDefinitions?.some((v) => v.type.kind === Kind.NON_NULL_TYPE && v.variable.name.value !== 'first')) continue;
        const cost = queryCost(t.schema, document, variables);
        if (cost > GRAPHQL_LIMITS.maxCost) over.push(`${operation.name?.value}: cost ${cost}`);
      }
      expect(over).toEqual([]);
    });
  });
});

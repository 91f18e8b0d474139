import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { execute } from 'graphql';
import { compiledExecutor } from './compiled-executor';

// Counts the runs that fall back to graphql-js, so the tests see which path answered.
jest.mock('graphql', () => {
  const actual = jest.requireActual('graphql');
  return { ...actual, execute: jest.fn(actual.execute) };
});
const graphqlJsRuns = execute as jest.MockedFunction<typeof execute>;
beforeEach(() => graphqlJsRuns.mockClear());
import { forbidden } from './errors';

const Row = new GraphQLObjectType({
  name: 'Row',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLString) },
    secret: {
      type: GraphQLString,
      resolve: (_row, _args, ctx: { allowed: boolean }) => {
        if (!ctx.allowed) throw forbidden();
        return 'hidden';
      },
    },
    count: { type: GraphQLInt, resolve: (row: { id: string }) => Promise.resolve(row.id.length) },
  },
});
let mutations = 0;
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: { rows: { type: new GraphQLList(new GraphQLNonNull(Row)), args: { first: { type: GraphQLInt } }, resolve: (_s, args: { first?: number }) => ['a', 'bb', 'ccc'].slice(0, args.first ?? 3).map((id) => ({ id })) } },
  }),
  mutation: new GraphQLObjectType({ name: 'Mutation', fields: { bump: { type: GraphQLInt, resolve: () => ++mutations } } }),
});

function run(executor: ReturnType<typeof compiledExecutor>, document: DocumentNode, context: object, variables: Record<string, unknown> = {}) {
  const operation = document.definitions[0] as OperationDefinitionNode;
  return executor({ document, operation, operationName: null, context, request: { variables } } as unknown as Parameters<typeof executor>[0]);
}

describe('compiled executor', () => {
  const query = parse('query Q($first: Int) { rows(first: $first) { id count secret } }');

  it('answers the same on the first run (graphql-js) and once compiled', async () => {
    const executor = compiledExecutor(schema);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(JSON.stringify(await run(executor, query, { allowed: true }, { first: 2 })));
    expect(new Set(answers).size).toBe(1);
    // Only the first run went through graphql-js; the next two ran compiled.
    expect(graphqlJsRuns).toHaveBeenCalledTimes(1);
    expect(JSON.parse(answers[0])).toEqual({ data: { rows: [{ id: 'a', count: 1, secret: 'hidden' }, { id: 'bb', count: 2, secret: 'hidden' }] } });
  });

  it('keeps a refusal’s code, path and locations once compiled, as a writable graphql-js error', async () => {
    const executor = compiledExecutor(schema, { compileOnFirstRun: true });
    const result = await run(executor, query, { allowed: false }, { first: 1 });
    expect(graphqlJsRuns).not.toHaveBeenCalled();
    expect(result.data).toEqual({ rows: [{ id: 'a', count: 1, secret: null }] });
    const [error] = result.errors ?? [];
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(error.path).toEqual(['rows', 0, 'secret']);
    expect(error.locations).toEqual([{ line: 1, column: 55 }]);
    // The same answer, error included, as graphql-js's (a first run without compileOnFirstRun;
    // Apollo orders the keys of the response itself).
    expect(JSON.parse(JSON.stringify(await run(compiledExecutor(schema), query, { allowed: false }, { first: 1 })))).toEqual(JSON.parse(JSON.stringify(result)));
    expect(error.originalError?.message).toBe('Your profile does not allow this');
    (error as { message: string }).message = 'masked';
    expect(error.message).toBe('masked');
  });

  it('runs mutations on graphql-js', async () => {
    const executor = compiledExecutor(schema, { compileOnFirstRun: true });
    const mutation = parse('mutation { a: bump b: bump }');
    expect((await run(executor, mutation, {})).data).toEqual({ a: 1, b: 2 });
    expect(graphqlJsRuns).toHaveBeenCalledTimes(1);
  });
});

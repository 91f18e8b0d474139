import 'reflect-metadata';
import { graphql, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { Arg, buildSchema, Ctx, Field, FieldResolver, ID, Info, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { callFieldResolversDirectly, resolverContainer } from './direct-field-resolvers';

@ObjectType()
class Row {
  @Field(() => ID)
  id!: string;

  authorId!: string;

  get shout(): string {
    return this.id.toUpperCase();
  }
}

const calls: { self: unknown; root: unknown }[] = [];

@Resolver(() => Row)
class RowResolver {
  @Query(() => [Row])
  rows(): object[] {
    // A plain object, as rows need not be instances: type-graphql converts the root to the declared class.
    return [{ id: 'r1', authorId: 'u1' }];
  }

  @FieldResolver(() => String)
  author(@Root() row: Row, @Ctx() ctx: { names: Record<string, string> }, @Info() info: { fieldName: string }): string {
    calls.push({ self: this, root: row });
    return `${ctx.names[row.authorId]} (${info.fieldName}, ${row.shout})`;
  }

  @FieldResolver(() => String)
  tagged(@Root() row: Row, @Arg('tag') tag: string): string {
    return `${tag}:${row.id}`;
  }
}

async function run(schema: GraphQLSchema) {
  calls.length = 0;
  return graphql({ schema, source: '{ rows { id author tagged(tag: "t") } }', contextValue: { names: { u1: 'Ada' } } });
}

describe('field resolvers called directly', () => {
  it('answers as type-graphql’s handler does: same instance, root converted to its class, context and info', async () => {
    const container = resolverContainer();
    const schema = await buildSchema({ resolvers: [RowResolver], container, validate: false });
    const handled = await run(schema);
    const handledCalls = [...calls];
    const authorBefore = (schema.getType('Row') as GraphQLObjectType).getFields().author.resolve;

    expect(callFieldResolversDirectly(schema, container, [RowResolver])).toBeGreaterThanOrEqual(1);
    const fields = (schema.getType('Row') as GraphQLObjectType).getFields();
    expect(fields.author.resolve).not.toBe(authorBefore);
    const direct = await run(schema);

    expect(direct).toEqual(handled);
    expect(direct.data).toEqual({ rows: [{ id: 'r1', author: 'Ada (author, R1)', tagged: 't:r1' }] });
    expect(calls[0].self).toBe(handledCalls[0].self);
    expect(calls[0].root).toBeInstanceOf(Row);
  });

  it('leaves a field resolver with arguments to type-graphql (their conversion and validation)', async () => {
    const container = resolverContainer();
    const schema = await buildSchema({ resolvers: [RowResolver], container, validate: false });
    const tagged = (schema.getType('Row') as GraphQLObjectType).getFields().tagged.resolve;
    callFieldResolversDirectly(schema, container, [RowResolver]);
    expect((schema.getType('Row') as GraphQLObjectType).getFields().tagged.resolve).toBe(tagged);
  });
});

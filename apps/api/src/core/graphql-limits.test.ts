import { buildSchema, parse, validate } from 'graphql';
import { depthLimitRule } from './graphql-limits';

const schema = buildSchema(`
  type Node { name: String, child: Node }
  type Query { root: Node }
`);

const nested = (levels: number) => {
  let selection = 'name';
  for (let i = 0; i < levels; i++) selection = `child { ${selection} }`;
  return `{ root { ${selection} } }`;
};

describe('query depth limit', () => {
  it('accepts a query within the limit', () => {
    expect(validate(schema, parse(nested(2)), [depthLimitRule(4)])).toEqual([]);
  });

  it('refuses a query nested deeper than the limit, also through fragments', () => {
    const errors = validate(schema, parse(nested(6)), [depthLimitRule(4)]);
    expect(errors[0]?.message).toMatch(/nested 8 levels deep; the limit is 4/);
    const viaFragment = `fragment F on Node { child { child { child { name } } } } { root { child { ...F } } }`;
    expect(validate(schema, parse(viaFragment), [depthLimitRule(4)])).toHaveLength(1);
  });
});

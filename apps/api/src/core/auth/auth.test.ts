import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema as buildSdlSchema, isObjectType, type GraphQLSchema } from 'graphql';
import { applyAuthPolicies, effectivePolicy } from './auth.directive';
import { buildDeclaredSchema } from '../../app/schema';

const SNAPSHOT = join(__dirname, 'permissions.snapshot.txt');

/** `Type.field → policy` for every field of every object type, sorted. */
function permissionMap(schema: GraphQLSchema): string[] {
  const lines: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.keys(type.getFields())) {
      const policy = effectivePolicy(schema, type, field);
      const shown = !policy ? 'NONE' : policy.kind === 'access' ? policy.access : [...policy.profiles].sort().join(', ');
      lines.push(`${type.name}.${field} → ${shown}`);
    }
  }
  return lines.sort();
}

describe('authorization declared on the schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildDeclaredSchema();
  });

  it('gives every root operation and every field a policy (deny by default)', () => {
    const unprotected = permissionMap(schema).filter((line) => line.endsWith('→ NONE'));
    expect(unprotected).toEqual([]);
  });

  it('refuses to build a schema that has a field without a policy', () => {
    const leaky = buildSdlSchema(`
      directive @auth(profiles: [String!], access: String) on FIELD_DEFINITION | OBJECT
      type Query { secret: String }
    `);
    expect(() => applyAuthPolicies(leaky)).toThrow(/no @auth policy: Query.secret/);
  });

  it('matches the reviewed permission snapshot (a diff here is a permission change)', () => {
    const current = permissionMap(schema).join('\n') + '\n';
    if (process.env.UPDATE_PERMISSIONS === '1') writeFileSync(SNAPSHOT, current);
    expect(current).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema as buildSdlSchema, graphql, isObjectType, type GraphQLSchema } from 'graphql';
import { Profile } from '@comptoir/schema';
import { applyAuthPolicies, effectivePolicy, policyImplies } from './auth.directive';
import { Access } from './policy';
import type { RequestContext } from '../context';
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

describe('checks that can never refuse', () => {
  const profiles = (...p: Profile[]) => ({ kind: 'profiles' as const, profiles: p });
  const access = (a: Access) => ({ kind: 'access' as const, access: a });

  it('knows which policy implies which', () => {
    expect(policyImplies(profiles(Profile.OWNER), profiles(Profile.OWNER, Profile.ADV))).toBe(true);
    expect(policyImplies(profiles(Profile.OWNER, Profile.ACHAT), profiles(Profile.OWNER, Profile.ADV))).toBe(false);
    expect(policyImplies(profiles(Profile.OWNER), access(Access.USER))).toBe(true);
    expect(policyImplies(access(Access.SUPPORT), access(Access.USER))).toBe(true);
    expect(policyImplies(access(Access.PUBLIC), access(Access.USER))).toBe(false);
    expect(policyImplies(access(Access.USER), access(Access.SUPPORT))).toBe(false);
    expect(policyImplies(profiles(Profile.OWNER), access(Access.SUPPORT))).toBe(false);
    expect(policyImplies(access(Access.SUPPORT), profiles(Profile.OWNER))).toBe(false);
    expect(policyImplies(access(Access.PUBLIC), access(Access.PUBLIC))).toBe(true);
  });

  // Item is reached by Query.items (OWNER, ADV) and by Query.teaser (PUBLIC): its fields are
  // checked, since the teaser lets anyone through. Row is reached by Query.rows (OWNER) only:
  // its fields open to OWNER and ADV cannot refuse, its field `secret` (ADV) still can.
  const schema = () =>
    applyAuthPolicies(
      buildSdlSchema(`
        directive @auth(profiles: [String!], access: String) on FIELD_DEFINITION | OBJECT
        type Item @auth(profiles: ["OWNER", "ADV"]) { name: String }
        type Row @auth(profiles: ["OWNER", "ADV"]) { name: String, secret: String @auth(profiles: ["ADV"]) }
        type Query {
          items: [Item] @auth(profiles: ["OWNER", "ADV"])
          teaser: Item @auth(access: "PUBLIC")
          rows: [Row] @auth(profiles: ["OWNER"])
        }
      `),
    );
  const run = async (source: string, profile: Profile | null) => {
    const principal = profile ? { sessionId: 's', userId: 'u', email: '', name: '', dossierId: 'd', profile, platformRole: null } : null;
    const rootValue = { items: [{ name: 'a' }], teaser: { name: 't' }, rows: [{ name: 'r', secret: 's' }] };
    const result = await graphql({ schema: schema(), source, rootValue, contextValue: { principal } as unknown as RequestContext });
    return { data: result.data ?? null, errors: (result.errors ?? []).map((e) => `${e.path?.join('.')}: ${e.message}`) };
  };

  it('leaves unwrapped only the fields every way in already demanded', () => {
    const served = schema();
    const declared = (type: string, field: string) => (served.getType(type) as never as { getFields(): Record<string, { resolve?: unknown }> }).getFields()[field].resolve;
    expect(declared('Row', 'name')).toBeUndefined();
    expect(declared('Row', 'secret')).toBeDefined();
    expect(declared('Item', 'name')).toBeDefined();
    expect(declared('Query', 'rows')).toBeDefined();
  });

  it('still refuses what it refused', async () => {
    expect(await run('{ teaser { name } }', null)).toEqual({ data: { teaser: { name: null } }, errors: ['teaser.name: Authentication required'] });
    expect((await run('{ rows { name secret } }', Profile.OWNER)).errors).toEqual(['rows.0.secret: Your profile does not allow this']);
    expect((await run('{ rows { name } }', Profile.ADV)).errors).toEqual(['rows: Your profile does not allow this']);
    expect(await run('{ rows { name } }', Profile.OWNER)).toEqual({ data: { rows: [{ name: 'r' }] }, errors: [] });
  });
});

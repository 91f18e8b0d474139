import {
  defaultFieldResolver,
  DirectiveLocation,
  GraphQLDirective,
  GraphQLEnumType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLSchema,
  getNamedType,
  isAbstractType,
  isObjectType,
  type GraphQLFieldConfig,
  type GraphQLObjectType,
} from 'graphql';
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { Profile } from '@comptoir/schema';
import type { RequestContext } from '../context';
import { dossierNotSelected, forbidden, unauthenticated } from '../errors';
import { Access, PENDING_VALUE, type Policy } from './policy';

const AccessEnum = new GraphQLEnumType({
  name: 'AuthAccess',
  description: 'Who may resolve a field that is not dossier data.',
  values: Object.fromEntries(Object.values(Access).map((v) => [v, { value: v }])),
});

/**
 * Declares `@auth` on a schema built by type-graphql. The directive's `profiles`
 * argument must use the schema's own `Profile` enum, so it is added afterwards.
 */
export function withAuthDirectiveDeclared(schema: GraphQLSchema): GraphQLSchema {
  const declared = schema.getType('Profile');
  const profileEnum =
    declared instanceof GraphQLEnumType
      ? declared
      : new GraphQLEnumType({
          name: 'Profile',
          description: 'A user’s profile inside one dossier',
          values: Object.fromEntries(Object.values(Profile).map((v) => [v, { value: v }])),
        });
  const auth = new GraphQLDirective({
    name: 'auth',
    description:
      'Authorization policy. `profiles`: dossier data, open to these profiles of the session dossier. `access`: PUBLIC, USER (logged in) or SUPPORT. A field without a policy of its own takes its type’s; a field with neither is refused when the schema is built (deny by default).',
    locations: [DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.OBJECT],
    args: {
      profiles: { type: new GraphQLList(new GraphQLNonNull(profileEnum)) },
      access: { type: AccessEnum },
    },
  });
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, types: [...config.types, AccessEnum, ...(declared ? [] : [profileEnum])], directives: [...config.directives, auth] });
}

function readPolicy(schema: GraphQLSchema, node: Parameters<typeof getDirective>[1], where: string): Policy | null {
  const found = getDirective(schema, node, 'auth');
  if (!found || found.length === 0) return null;
  if (found.length > 1) throw new Error(`${where} has more than one @auth`);
  const { profiles, access } = found[0] as { profiles?: Profile[]; access?: Access };
  if ((profiles && access) || (!profiles && !access)) {
    throw new Error(`${where}: @auth needs exactly one of profiles or access`);
  }
  if (profiles) {
    if (profiles.length === 0) throw new Error(`${where}: @auth(profiles: []) opens nothing`);
    return { kind: 'profiles', profiles };
  }
  return { kind: 'access', access: access as Access };
}

/** The policy that applies to `type.field`, or null when none is declared. */
export function effectivePolicy(schema: GraphQLSchema, type: GraphQLObjectType, fieldName: string): Policy | null {
  const field = type.getFields()[fieldName];
  return (
    readPolicy(schema, field, `${type.name}.${fieldName}`) ?? readPolicy(schema, type, type.name)
  );
}

/** Throws the refusal for a context that does not satisfy the policy. */
export function assertAllowed(policy: Policy, ctx: RequestContext): void {
  if (policy.kind === 'access') {
    if (policy.access === Access.PUBLIC) return;
    if (!ctx.principal) throw unauthenticated();
    if (policy.access === Access.USER) return;
    if (ctx.principal.platformRole !== 'SUPPORT') throw forbidden('Reserved to the support team', 'SUPPORT_ONLY');
    return;
  }
  if (!ctx.principal) throw unauthenticated();
  if (!ctx.principal.dossierId || !ctx.principal.profile) throw dossierNotSelected();
  if (!policy.profiles.includes(ctx.principal.profile)) throw forbidden();
}

/** True when every principal `outer` lets through is let through by `inner` too. */
export function policyImplies(outer: Policy, inner: Policy): boolean {
  if (inner.kind === 'access') {
    if (inner.access === Access.PUBLIC) return true;
    // USER: logged in, which a profile of the session dossier and the support role both need.
    if (inner.access === Access.USER) return outer.kind === 'profiles' || outer.access !== Access.PUBLIC;
    return outer.kind === 'access' && outer.access === Access.SUPPORT;
  }
  return outer.kind === 'profiles' && outer.profiles.every((p) => inner.profiles.includes(p));
}

/**
 * The fields whose check can never refuse: an object of their type is only ever reached
 * through fields whose own policy implies theirs. The principal of a request is fixed, and
 * a field returns an object only when its check has let the principal through (or, by the
 * same argument one level up, could not have refused it); so the check of such a field is
 * always passed. Root types are entered without any field: theirs are always checked, as are
 * the fields of a type reached through any field with a wider policy. Keys: `Type.field`.
 */
function alwaysAllowed(schema: GraphQLSchema, policies: Map<string, Policy>): Set<string> {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t) => t).map((t) => t!.name));
  /** Per object type, the policies of every field that can return it. */
  const incoming = new Map<string, Policy[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const policy = policies.get(`${type.name}.${field.name}`);
      if (!policy) continue;
      const returned = getNamedType(field.type);
      const objects = isObjectType(returned) ? [returned] : isAbstractType(returned) ? schema.getPossibleTypes(returned) : [];
      for (const object of objects) incoming.set(object.name, [...(incoming.get(object.name) ?? []), policy]);
    }
  }
  const allowed = new Set<string>();
  for (const [key, policy] of policies) {
    const typeName = key.slice(0, key.indexOf('.'));
    const through = incoming.get(typeName);
    if (roots.has(typeName) || !through || through.length === 0) continue;
    if (through.every((outer) => policyImplies(outer, policy))) allowed.add(key);
  }
  return allowed;
}

/**
 * The one place where `@auth` is enforced: every field resolver of every object
 * type is wrapped by its policy. A field with no policy makes the build fail,
 * so an unprotected field cannot reach production. A field whose check can never
 * refuse (`alwaysAllowed`: every way to its type already demanded as much, as for the
 * plain columns of a document under `invoices`) keeps its own resolver, unwrapped:
 * plain properties then resolve without a function call per row (graphql-jit reads them
 * inline, without awaiting them: a plain field whose value may be a promise says so with
 * `@Pending()` and keeps its resolver), which was most of the cost of a list page's rows.
 */
export function applyAuthPolicies(schema: GraphQLSchema): GraphQLSchema {
  const missing: string[] = [];
  const policies = new Map<string, Policy>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const fieldName of Object.keys(type.getFields())) {
      const policy = effectivePolicy(schema, type, fieldName);
      if (policy) policies.set(`${type.name}.${fieldName}`, policy);
      else missing.push(`${type.name}.${fieldName}`);
    }
  }
  if (missing.length > 0) {
    throw new Error(`Deny by default: these fields have no @auth policy: ${missing.join(', ')}`);
  }
  const unchecked = alwaysAllowed(schema, policies);
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (fieldConfig: GraphQLFieldConfig<unknown, RequestContext>, fieldName, typeName) => {
      if (typeName.startsWith('__')) return fieldConfig;
      const key = `${typeName}.${fieldName}`;
      const policy = policies.get(key);
      if (!policy) throw new Error(`Deny by default: ${key} has no @auth policy`);
      // A pending value (a promise) needs a resolver for graphql-jit to await it.
      if (unchecked.has(key) && (fieldConfig.resolve || !fieldConfig.extensions?.[PENDING_VALUE])) return fieldConfig;
      const resolve = fieldConfig.resolve ?? defaultFieldResolver;
      const subscribe = fieldConfig.subscribe;
      return {
        ...fieldConfig,
        resolve(source, args, ctx, info) {
          assertAllowed(policy, ctx);
          return resolve(source, args, ctx, info);
        },
        // A subscription is checked when it starts, before anything listens to the bus.
        ...(subscribe
          ? {
              subscribe(source: unknown, args: Record<string, unknown>, ctx: RequestContext, info: Parameters<typeof subscribe>[3]) {
                assertAllowed(policy, ctx);
                return subscribe(source, args, ctx, info);
              },
            }
          : {}),
      };
    },
  });
}

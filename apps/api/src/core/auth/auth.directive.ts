import {
  defaultFieldResolver,
  DirectiveLocation,
  GraphQLDirective,
  GraphQLEnumType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLSchema,
  isObjectType,
  type GraphQLFieldConfig,
  type GraphQLObjectType,
} from 'graphql';
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { Profile } from '@comptoir/schema';
import type { RequestContext } from '../context';
import { dossierNotSelected, forbidden, unauthenticated } from '../errors';
import { Access, type Policy } from './policy';

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

/**
 * The one place where `@auth` is enforced: every field resolver of every object
 * type is wrapped by its policy. A field with no policy makes the build fail,
 * so an unprotected field cannot reach production.
 */
export function applyAuthPolicies(schema: GraphQLSchema): GraphQLSchema {
  const missing: string[] = [];
  const transformed = mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (fieldConfig: GraphQLFieldConfig<unknown, RequestContext>, fieldName, typeName) => {
      if (typeName.startsWith('__')) return fieldConfig;
      const type = schema.getType(typeName);
      if (!isObjectType(type)) return fieldConfig;
      const policy = effectivePolicy(schema, type, fieldName);
      if (!policy) {
        missing.push(`${typeName}.${fieldName}`);
        return fieldConfig;
      }
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
  if (missing.length > 0) {
    throw new Error(`Deny by default: these fields have no @auth policy: ${missing.join(', ')}`);
  }
  return transformed;
}

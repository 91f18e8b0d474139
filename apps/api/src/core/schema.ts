import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSchema, registerEnumType, type NonEmptyArray, type PubSub } from 'type-graphql';
import { DocumentType, ErrorCode, Plan, PlatformRole, Profile } from '@comptoir/schema';
import { applyAuthPolicies, withAuthDirectiveDeclared } from './auth/auth.directive';
import { applyInputValidation } from './input-schemas';
import { GraphQLDateTime } from './scalars';

registerEnumType(Profile, { name: 'Profile', description: 'A user’s profile inside one dossier' });
registerEnumType(Plan, { name: 'Plan', description: 'Subscription plan of a dossier' });
registerEnumType(PlatformRole, { name: 'PlatformRole', description: 'Platform-wide role (support team)' });
registerEnumType(DocumentType, { name: 'DocumentType', description: 'Kind of document (pièce)' });
registerEnumType(ErrorCode, { name: 'ErrorCode', description: 'Stable `extensions.code` of every refusal' });

const NO_TOPICS: PubSub = {
  publish: () => {
    throw new Error('Publish on the app bus (ctx.app.bus), not through type-graphql');
  },
  subscribe: () => {
    throw new Error('Subscriptions declare their own subscribe()');
  },
};

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type Resolvers = NonEmptyArray<Function>;

/** The schema as declared: `@auth` printed but not yet enforced (for emitting the SDL). */
export async function buildDeclaredSchema(resolvers: Resolvers): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    validate: false,
    // Subscriptions bring their own `subscribe` (the bus of AppServices); type-graphql
    // still wants a PubSub for `topics`-style subscriptions, which the app does not use.
    pubSub: NO_TOPICS,
    // Instants cross the wire as graphql-scalars' DateTime (ISO 8601, UTC).
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
  });
  return withAuthDirectiveDeclared(schema);
}

/**
 * The schema served: every field wrapped by its `@auth` policy, and within it
 * (authorization first) every root field's arguments checked by their zod schema.
 */
export async function buildServedSchema(resolvers: Resolvers): Promise<GraphQLSchema> {
  return applyAuthPolicies(applyInputValidation(await buildDeclaredSchema(resolvers)));
}

/** The committed SDL: sorted, with applied directives printed. */
export function printSdl(schema: GraphQLSchema): string {
  return printSchemaWithDirectives(lexicographicSortSchema(schema)) + '\n';
}

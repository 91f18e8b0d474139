import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSchema, getMetadataStorage, registerEnumType, type NonEmptyArray, type PubSub } from 'type-graphql';
import { DocumentType, ErrorCode, Plan, PlatformRole, Profile } from '@comptoir/schema';
import { applyAuthPolicies, withAuthDirectiveDeclared } from './auth/auth.directive';
import { callFieldResolversDirectly, resolverContainer } from './direct-field-resolvers';
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

/**
 * Plain fields (a property of the object, no `@FieldResolver`) resolve with graphql's
 * default resolver instead of type-graphql's wrapper, which exists to run type-graphql
 * middlewares and `@Authorized`: the app uses neither (authorization is `@auth`, applied
 * to every field by `applyAuthPolicies`), and the wrapper cost a closure and an object
 * per field of every row (50 rows × 16 fields on a list page).
 */
function plainFieldsResolveByDefault(): void {
  const storage = getMetadataStorage();
  if (storage.middlewares.length > 0 || storage.resolverMiddlewares.length > 0 || storage.authorizedFields.length > 0 || storage.authorizedResolver.length > 0) {
    throw new Error('type-graphql middlewares or @Authorized are not used here (authorization is @auth): remove them or drop plainFieldsResolveByDefault');
  }
  for (const type of storage.objectTypes) type.simpleResolvers ??= true;
}

/** The schema as declared: `@auth` printed but not yet enforced (for emitting the SDL). */
export async function buildDeclaredSchema(resolvers: Resolvers): Promise<GraphQLSchema> {
  plainFieldsResolveByDefault();
  const container = resolverContainer();
  const schema = await buildSchema({
    resolvers,
    container,
    validate: false,
    // Subscriptions bring their own `subscribe` (the bus of AppServices); type-graphql
    // still wants a PubSub for `topics`-style subscriptions, which the app does not use.
    pubSub: NO_TOPICS,
    // Instants cross the wire as graphql-scalars' DateTime (ISO 8601, UTC).
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
  });
  callFieldResolversDirectly(schema, container, resolvers);
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

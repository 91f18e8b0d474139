import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSchema, registerEnumType, type NonEmptyArray } from 'type-graphql';
import { DocumentType, ErrorCode, Plan, PlatformRole, Profile } from '@comptoir/schema';
import { applyAuthPolicies, withAuthDirectiveDeclared } from './auth/auth.directive';
import { applyInputValidation } from './input-schemas';
import { GraphQLDateTime } from './scalars';

registerEnumType(Profile, { name: 'Profile', description: 'A user’s profile inside one dossier' });
registerEnumType(Plan, { name: 'Plan', description: 'Subscription plan of a dossier' });
registerEnumType(PlatformRole, { name: 'PlatformRole', description: 'Platform-wide role (support team)' });
registerEnumType(DocumentType, { name: 'DocumentType', description: 'Kind of document (pièce)' });
registerEnumType(ErrorCode, { name: 'ErrorCode', description: 'Stable `extensions.code` of every refusal' });

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type Resolvers = NonEmptyArray<Function>;

/** The schema as declared: `@auth` printed but not yet enforced (for emitting the SDL). */
export async function buildDeclaredSchema(resolvers: Resolvers): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    validate: false,
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

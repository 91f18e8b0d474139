// The GraphQL schema of the app: core's builders with every module's resolvers.
import type { GraphQLSchema } from 'graphql';
import { buildDeclaredSchema as declared, buildServedSchema } from '../core/schema';
import { ALL_RESOLVERS } from './resolvers';

export { printSdl } from '../core/schema';

/** The schema as declared: `@auth` printed but not yet enforced (for emitting the SDL). */
export function buildDeclaredSchema(): Promise<GraphQLSchema> {
  return declared(ALL_RESOLVERS);
}

/** The schema served: every field wrapped by its `@auth` policy. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildServedSchema(ALL_RESOLVERS);
}

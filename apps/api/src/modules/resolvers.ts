// Every GraphQL resolver of the app, one line per feature module.
import type { NonEmptyArray } from 'type-graphql';
import { HealthResolver } from './health/health.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ALL_RESOLVERS: NonEmptyArray<Function> = [HealthResolver];

export * from './enums';
export * as Gql from './generated/graphql';
export * from './errors';

export * from './enums';
export * as Gql from './generated/graphql';

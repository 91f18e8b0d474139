import type { CodegenConfig } from '@graphql-codegen/cli';

// Server-side TS types of the whole schema, for scripts and tests that talk to the API.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript'],
      config: { enumsAsTypes: true, scalars: { DateTimeISO: 'string', BigInt: 'string' } },
    },
  },
  hooks: { afterAllFileWrite: [] },
};
export default config;

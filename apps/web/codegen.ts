import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the SPA, generated from the SDL the API emits and commits.
// Operations are written inline with `graphql()` from `src/gql`, next to the
// component that uses them; `pnpm codegen` must run after editing one.
const config: CodegenConfig = {
  schema: '../../packages/schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        // The preset's unmasking helper is not a React hook; this name keeps it
        // apart from Apollo's `useFragment` hook.
        fragmentMasking: { unmaskFunctionName: 'getFragmentData' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // Wire formats: DateTime is an ISO 8601 string, LocalDate a `YYYY-MM-DD` string,
        // Decimal an exact decimal string ("5.5", "2.125": parse it with @comptoir/schema's
        // parseDecimal, never Number); money in cents is a SafeInt (a JSON number within ±2^53)
        // or, for BigInt, a decimal string.
        scalars: { DateTime: 'string', LocalDate: 'string', Decimal: 'string', SafeInt: 'number', BigInt: 'string' },
        // A scalar added to the schema without a mapping here fails codegen instead of typing as `any`.
        strictScalars: true,
        skipTypename: false,
      },
    },
  },
};

export default config;

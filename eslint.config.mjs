// Shared lint rules for every package of the monorepo.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/src/gql/**', '**/src/generated/**', '**/.turbo/**', '**/.bench-dist/**', 'apps/api/test/**/*.js', 'apps/api/src/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**', '**/e2e/**', '**/scripts/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
  // The dossier scope is carried by the structure: API modules reach data only through the
  // request context's doors (ctx.scoped for dossier data, ctx.platform for platform tables,
  // ctx.query for scoped raw SQL, ctx.acrossDossiers for the listed cross-dossier reasons).
  // The raw manager, repositories and the data source stay in src/core and src/app.
  {
    files: ['apps/api/src/modules/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test-kit.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='em']", message: 'No raw EntityManager in modules: use ctx.scoped(Entity), ctx.platform(Entity), ctx.query(sql) or ctx.acrossDossiers(reason, …).' },
        { selector: "MemberExpression[property.name='manager']", message: 'No raw EntityManager in modules: use the request context doors (ctx.scoped, ctx.platform, ctx.query).' },
        { selector: "CallExpression[callee.property.name='getRepository']", message: 'No raw repository in modules: use ctx.scoped(Entity) for dossier data, ctx.platform(Entity) for platform tables.' },
        { selector: "Identifier[name='dataSource']", message: 'The data source stays in src/core and src/app: modules use the request context doors.' },
        { selector: "Identifier[name='coreManager']", message: 'coreManager is for src/core only.' },
        { selector: "Identifier[name='EntityManager']", message: 'No raw EntityManager in modules: take the RequestContext and use its doors.' },
        {
          selector: "ImportSpecifier[imported.name=/^(acrossDossiers|verifiedInDossier|withCrossDossierData)$/]",
          message: 'The bare cross-dossier markers are for src/core: use ctx.acrossDossiers(reason, (data) => …) or ctx.inDossier(dossierId, reason).',
        },
      ],
    },
  },
);

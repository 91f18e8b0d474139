/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // TypeScript first: a stray compiled .js beside a .ts must never shadow it.
  moduleFileExtensions: ['ts', 'js', 'json'],
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // `canonicalize` ships as an ES module only: transform it to CommonJS like our sources.
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/canonicalize@[^/]+/node_modules/)?canonicalize/)'],
  transform: {
    '^.+/node_modules/(\\.pnpm/canonicalize@[^/]+/node_modules/)?canonicalize/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: { '^@comptoir/schema$': '<rootDir>/../../packages/schema/src/index.ts' },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  // Every file fails when a statement touched dossier data without a dossierId condition.
  setupFilesAfterEnv: ['<rootDir>/test/sql-audit.setup.ts'],
  testTimeout: 60000,
  // Each test file has its own database, so files run in parallel safely.
  maxWorkers: process.env.JEST_WORKERS ?? '50%',
};

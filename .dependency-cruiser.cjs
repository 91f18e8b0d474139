// Feature-level structure of the API, checked by `pnpm lint` (apps/api). File-level cycles and the
// layer direction (core ← modules ← app) are eslint's import-x rules; this adds what eslint cannot
// see: a cycle between two feature folders (identity ↔ dossiers), even when no single file cycles.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment: 'Two folders (features, core sub-folders) must not depend on each other, directly or through others: extract what both need.',
      scope: 'folder',
      from: { path: '^(apps/api/)?src' },
      to: { circular: true },
    },
    {
      name: 'no-file-cycle',
      severity: 'error',
      from: { path: '^(apps/api/)?src' },
      to: { circular: true },
    },
    {
      name: 'core-is-the-bottom-layer',
      severity: 'error',
      from: { path: '^(apps/api/)?src/core' },
      to: { path: '^(apps/api/)?src/(modules|app)/' },
    },
    {
      name: 'modules-never-reach-the-composition-root',
      severity: 'error',
      from: { path: '^(apps/api/)?src/modules' },
      to: { path: '^(apps/api/)?src/app/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Tests drive the whole app through the harness: the structure rules are for production code.
    exclude: { path: '(^|/)(dist|node_modules)/|\\.js$|\\.test\\.ts$|\\.test-kit\\.ts$' },
    tsPreCompilationDeps: true,
  },
};

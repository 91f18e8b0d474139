import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bootPreload, graphqlDocumentInlining, initialLoadBudget, precompressAssets } from './vite.plugins.ts';

// In development the SPA runs on Vite and the API on its own port; in production
// the API serves `dist/` from the same origin, so the app only ever uses relative URLs.
const apiUrl = process.env.COMPTOIR_API_URL ?? 'http://localhost:4000';
const proxy = { '/graphql': apiUrl, '/healthz': apiUrl, '/api': apiUrl };

export default defineConfig({
  plugins: [react(), graphqlDocumentInlining('src/gql'), bootPreload('src/boot/boot.ts', { dashboard: 'src/features/dashboard/dashboard.page.tsx', list: 'src/features/documents/document-list.page.tsx' }), initialLoadBudget(900), precompressAssets()],
  resolve: {
    // Shared enums straight from the TypeScript sources: the package's own build is CommonJS.
    alias: { '@comptoir/schema': fileURLToPath(new URL('../../packages/schema/src/index.ts', import.meta.url)) },
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
  // GraphiQL's worker setup imports Monaco workers with `?worker`: pre-bundling would lose that suffix.
  optimizeDeps: { exclude: ['graphiql/setup-workers/vite', '@graphiql/react/setup-workers/vite'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // dist/.vite/manifest.json: what scripts/bundle-size.mjs reads (a dot folder, never served).
    manifest: true,
    // Only the lazily loaded playground (Monaco, GraphiQL) comes near this; the budget above guards the rest.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      // The start-up preload is an entry of its own (see bootPreload in vite.plugins.ts).
      input: { index: fileURLToPath(new URL('index.html', import.meta.url)), boot: fileURLToPath(new URL('src/boot/boot.ts', import.meta.url)) },
      output: {
        // Libraries in chunks of their own: they change less often than the app, so
        // browsers keep them across deploys. `graphql` stays out of these groups:
        // GraphiQL uses much more of it, and that part must stay in the playground's chunks.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/ },
            { name: 'apollo', test: /node_modules[\\/](@apollo[\\/]client|rxjs|optimism|@wry[\\/][^\\/]+|tslib)[\\/]/ },
          ],
        },
      },
      onwarn(warning, warn) {
        // React Compiler directives ("use no memo") in GraphiQL mean nothing at run time.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});

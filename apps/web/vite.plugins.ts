// Build-time helpers for vite.config.ts.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Replaces each `graphql(`…`)` call with the document codegen generated for it,
 * inlined where it is used. Without this, the first `graphql()` call pulls
 * `src/gql/gql.ts` and with it every operation of every feature (admin and
 * playground included) into the initial download; importing from
 * `src/gql/graphql.ts` would not help either, as a module is never split between
 * chunks. The documents are read from codegen's own output, so they cannot drift
 * from it; a call that is not there means codegen is stale and is reported.
 */
export function graphqlDocumentInlining(gqlDir: string): Plugin {
  const dir = resolve(gqlDir);
  let documentBySource = new Map<string, string>();
  return {
    name: 'comptoir:graphql-document-inlining',
    apply: 'build',
    buildStart() {
      // graphql.ts: `export const <Name> = {"kind":"Document",…} as unknown as DocumentNode<…>;`, one a line.
      const documents = new Map<string, string>();
      for (const [, name, json] of readFileSync(join(dir, 'graphql.ts'), 'utf8').matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)) {
        documents.set(name, json);
      }
      // gql.ts: `const documents = { "<source>": types.<Name>, … }`.
      const generated = readFileSync(join(dir, 'gql.ts'), 'utf8');
      documentBySource = new Map();
      for (const [, source, name] of generated.slice(generated.indexOf('const documents')).matchAll(/^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),?$/gm)) {
        const json = documents.get(name);
        if (json) documentBySource.set(JSON.parse(source) as string, json);
      }
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.startsWith(dir) || !code.includes('graphql(`')) return null;
      let changed = false;
      const transformed = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (call, source: string) => {
        const json = documentBySource.get(source);
        if (!json) {
          this.warn(`a graphql() document in ${id} is not in src/gql: run \`pnpm codegen\``);
          return call;
        }
        changed = true;
        return `(${json})`;
      });
      return changed ? { code: transformed, map: null } : null;
    },
  };
}

/**
 * What a visitor downloads before the first page shows: the entry chunk and
 * everything it imports statically (minified, before compression). React, Apollo
 * and the router take about 500 KiB of it; the playground's GraphiQL and Monaco
 * weigh megabytes and must stay out of it: this warns when the budget is exceeded.
 */
export function initialLoadBudget(maxKiB: number): Plugin {
  return {
    name: 'comptoir:initial-load-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((output) => output.type === 'chunk' && output.isEntry);
      if (!entry || entry.type !== 'chunk') return;
      const seen = new Set<string>();
      const visit = (fileName: string): number => {
        const chunk = bundle[fileName];
        if (seen.has(fileName) || chunk?.type !== 'chunk') return 0;
        seen.add(fileName);
        return chunk.code.length + chunk.imports.reduce((sum, imported) => sum + visit(imported), 0);
      };
      const kiB = Math.round(visit(entry.fileName) / 1024);
      if (kiB > maxKiB) this.warn(`initial JavaScript is ${kiB} KiB, over the ${maxKiB} KiB budget: has a heavy module lost its lazy import?`);
    },
  };
}

/**
 * Writes `<file>.br` and `<file>.gz` next to every hashed asset worth compressing,
 * at maximum quality since it runs once per build; the API serves them with
 * `Content-Encoding` negotiation and no compression work per request. Copies that
 * would not be smaller are skipped (the API then serves the plain file).
 */
export function precompressAssets(minBytes = 1024): Plugin {
  let outDir = 'dist';
  return {
    name: 'comptoir:precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const { readdirSync, statSync, writeFileSync } = await import('node:fs');
      const { brotliCompress, gzip, constants } = await import('node:zlib');
      const { promisify } = await import('node:util');
      const br = promisify(brotliCompress);
      const gz = promisify(gzip);
      const dir = join(outDir, 'assets');
      const files = readdirSync(dir).filter((name) => /\.(js|mjs|css|svg|json|wasm|txt|map|ttf)$/.test(name));
      await Promise.all(
        files.map(async (name) => {
          const path = join(dir, name);
          if (statSync(path).size < minBytes) return;
          const content = readFileSync(path);
          const [brotli, gzipped] = await Promise.all([
            br(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
            gz(content, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          if (brotli.length < content.length) writeFileSync(`${path}.br`, brotli);
          if (gzipped.length < content.length) writeFileSync(`${path}.gz`, gzipped);
        }),
      );
    },
  };
}

/** The operations `src/boot/boot.ts` may send at start-up (its `virtual:boot-queries`). */
export const BOOT_OPERATIONS = [
  'SessionMe',
  'SalesDashboard',
  'CommercialDashboard',
  'PurchasesDashboard',
  'AccountingDashboard',
  'QuotesList',
  'InvoicesList',
  'CreditNotesList',
  'PriceRequestsList',
  'SupplierOrdersList',
  'CustomerOptions',
  'SupplierOptions',
  'DossierMembersForFilters',
] as const;

/**
 * The start-up preload (`src/boot/boot.ts`): a second entry, loaded `async` from
 * index.html so it runs as soon as its few bytes arrive, long before the main chunks.
 * (Vite would merge a second module script of index.html into the main entry.)
 * Its `virtual:boot-queries` holds the text of each operation it may send, printed at
 * build time from codegen's documents with the `__typename`s Apollo's cache adds, i.e.
 * the query Apollo itself would send, so the answer can stand in for Apollo's own.
 */
export function bootPreload(entry: string, pageModules: Record<string, string>): Plugin {
  const VIRTUAL = 'virtual:boot-queries';
  let gqlFile = '';
  let entryFile = '';
  let root = '';
  return {
    name: 'comptoir:boot-preload',
    configResolved(config) {
      gqlFile = resolve(config.root, 'src/gql/graphql.ts');
      entryFile = resolve(config.root, entry);
      root = config.root;
    },
    resolveId(id) {
      return id === VIRTUAL ? `\0${VIRTUAL}` : null;
    },
    async load(id) {
      if (id !== `\0${VIRTUAL}`) return null;
      this.addWatchFile(gqlFile);
      const { print } = await import('graphql');
      const { addTypenameToDocument } = await import('@apollo/client/utilities');
      const generated = readFileSync(gqlFile, 'utf8');
      const queries: Record<string, string> = {};
      for (const name of BOOT_OPERATIONS) {
        const match = new RegExp(`^export const ${name}Document = (\\{.*\\}) as unknown as DocumentNode<.*>;$`, 'm').exec(generated);
        if (!match) this.error(`${name} is not in src/gql/graphql.ts: run \`pnpm codegen\``);
        // print() keeps the indentation: one line with single spaces is enough for the server.
        queries[name] = print(addTypenameToDocument(JSON.parse(match[1]))).replace(/\s+/g, ' ');
      }
      return `export const BOOT_QUERIES = ${JSON.stringify(queries)};`;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return [{ tag: 'script', attrs: { type: 'module', async: true, src: `/${entry}` }, injectTo: 'head-prepend' }];
        const chunk = Object.values(ctx.bundle).find((output) => output.type === 'chunk' && output.isEntry && output.facadeModuleId === entryFile);
        if (!chunk || chunk.type !== 'chunk') throw new Error(`bootPreload: no entry chunk for ${entry}`);
        // The files of the pages it preloads (their chunk, what it imports, their CSS) that the
        // first load does not already bring, for boot.ts to ask for while the main chunks download.
        const bundle = ctx.bundle;
        const initial = new Set<string>();
        const collect = (fileName: string, into: Set<string>) => {
          const output = bundle[fileName];
          if (!output || output.type !== 'chunk' || into.has(fileName) || initial.has(fileName)) return;
          into.add(fileName);
          for (const css of output.viteMetadata?.importedCss ?? []) into.add(css);
          for (const imported of output.imports) collect(imported, into);
        };
        for (const output of Object.values(bundle)) if (output.type === 'chunk' && output.isEntry) collect(output.fileName, initial);
        const pages: Record<string, string[]> = {};
        for (const [name, module] of Object.entries(pageModules)) {
          const page = Object.values(bundle).find((output) => output.type === 'chunk' && output.facadeModuleId === resolve(root, module));
          if (!page) throw new Error(`bootPreload: no chunk for ${module}`);
          const files = new Set<string>();
          collect(page.fileName, files);
          pages[name] = [...files].map((file) => `/${file}`);
        }
        return [
          { tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `/${chunk.fileName}` }, injectTo: 'head-prepend' },
          // The chunks it shares with the app (the list variables) fetched at once, not after it.
          ...chunk.imports.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head-prepend' as const })),
          // Data, not a script: the CSP lets it be.
          { tag: 'script', attrs: { type: 'application/json', id: 'boot-pages' }, children: JSON.stringify(pages), injectTo: 'head' },
        ];
      },
    },
  };
}

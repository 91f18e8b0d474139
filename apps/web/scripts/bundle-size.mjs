#!/usr/bin/env node
// First-load JavaScript of the SPA, gzip: the entry chunk and every chunk it imports
// statically (what a visitor downloads before the first page shows), read from the
// Vite manifest of the last build. Fails above the budget (BUNDLE_LIMIT_KB, default
// 250 kB = 250,000 bytes gzip). Builds first when there is no build.
//
//   pnpm bundle:size            (root)   ·   node apps/web/scripts/bundle-size.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(webDir, 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');
const limitBytes = Number(process.env.BUNDLE_LIMIT_KB ?? 250) * 1000;

if (!existsSync(manifestPath)) {
  console.log('bundle-size: no build with a manifest yet, building the SPA…');
  execFileSync('pnpm', ['exec', 'vite', 'build'], { cwd: webDir, stdio: 'inherit' });
}

/** @type {Record<string, { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length === 0) {
  console.error('bundle-size: the manifest has no entry chunk');
  process.exit(1);
}

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const [key] of entries) visit(key);

const rows = [...files]
  .filter((file) => file.endsWith('.js'))
  .map((file) => {
    const content = readFileSync(join(dist, file));
    return {
      file,
      raw: content.length,
      gzip: gzipSync(content, { level: 9 }).length,
      brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  })
  .sort((a, b) => b.gzip - a.gzip);

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
for (const r of rows) console.log(`${r.file.padEnd(48)} ${kB(r.raw).padStart(10)} ${kB(r.gzip).padStart(10)} gzip ${kB(r.brotli).padStart(10)} br`);
console.log(`${'first-load JavaScript'.padEnd(48)} ${kB(total.raw).padStart(10)} ${kB(total.gzip).padStart(10)} gzip ${kB(total.brotli).padStart(10)} br`);
if (total.gzip > limitBytes) {
  console.error(`bundle-size: first-load JavaScript is ${kB(total.gzip)} gzip, over the ${kB(limitBytes)} budget: has a heavy module lost its lazy import?`);
  process.exit(1);
}
console.log(`bundle-size: within the ${kB(limitBytes)} gzip budget`);

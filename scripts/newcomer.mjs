#!/usr/bin/env node
// The newcomer path: `npm start` / `npm test` on a machine with only Node and npm.
// It brings the pinned pnpm (through npx when missing), installs from the lockfile,
// then builds and either serves the app or runs the whole test suite.
import { spawnSync, execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const mode = process.argv[2];

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
// better-sqlite3 compiles from source where no prebuilt binary can be downloaded;
// pnpm ignores `nodedir` from .npmrc, so hand npm's setting over through the environment.
if (!env.npm_config_nodedir) {
  try {
    const nodedir = execSync('npm config get nodedir', { encoding: 'utf8' }).trim();
    if (nodedir && nodedir !== 'undefined' && nodedir !== 'null') env.npm_config_nodedir = nodedir;
  } catch {
    /* npm absent: keep the default */
  }
}

function pnpmCommand() {
  try {
    const version = execSync('pnpm --version', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (version === pinned) return ['pnpm'];
  } catch {
    /* not installed */
  }
  return ['npx', '--yes', `pnpm@${pinned}`];
}

const pnpm = pnpmCommand();
function run(args) {
  const [cmd, ...rest] = [...pnpm, ...args];
  const result = spawnSync(cmd, rest, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(['install', '--frozen-lockfile']);
if (mode === 'start') {
  run(['exec', 'turbo', 'run', 'build', '--filter=@comptoir/api...', '--filter=@comptoir/web']);
  // A local trial: development generates the history keys on first start (production requires them).
  env.NODE_ENV ??= 'development';
  run(['--filter', '@comptoir/api', 'run', 'serve']);
} else if (mode === 'test') {
  run(['exec', 'turbo', 'run', 'build', '--filter=@comptoir/api...', '--filter=@comptoir/web']);
  run(['exec', 'turbo', 'run', 'test', '--concurrency=1']);
  run(['--filter', '@comptoir/web', 'run', 'test:e2e']);
} else {
  console.error('usage: node scripts/newcomer.mjs start|test');
  process.exit(2);
}

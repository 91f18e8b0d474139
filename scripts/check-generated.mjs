#!/usr/bin/env node
// Fails when the committed SDL or the web's generated
// client code differ from what the current sources produce.
import { execSync } from 'node:child_process';

const GENERATED = ['packages/schema/schema.graphql', 'apps/web/src/gql'];
const sh = (cmd) => execSync(cmd, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

execSync('pnpm codegen', { stdio: 'inherit' });
const changed = sh(`git status --porcelain -- ${GENERATED.join(' ')}`).trim();
if (changed) {
  console.error('Generated code is stale; run `pnpm codegen` and commit the result:');
  console.error(changed);
  console.error(sh(`git diff --stat -- ${GENERATED.join(' ')}`));
  process.exit(1);
}
console.log('SDL and generated client code are up to date.');

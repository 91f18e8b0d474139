import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Node/V8 flags production starts the API with: those of `apps/api/package.json`'s
 * `start` script (`node <flags> dist/main.js`, which docker/Dockerfile repeats), read
 * from there so that a benchmark measures the server as it runs, not as a bare `node` would.
 */
export function productionNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = manifest.scripts.start.split(/\s+/).filter(Boolean);
  if (words[0] !== 'node') throw new Error(`apps/api start script does not start with node: ${manifest.scripts.start}`);
  return words.slice(1, -1);
}

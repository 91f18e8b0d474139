import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// The built entry point, as `pnpm start` runs it (the test command builds first).
const main = join(__dirname, '..', '..', 'dist', 'main.js');

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: '0', HISTORY_KEY: 'ab'.repeat(32), HISTORY_SIGNING_KEY: 'cd'.repeat(32), ...env },
    encoding: 'utf8',
    // A safety net, not an assertion: on a loaded machine loading the app alone can take long.
    timeout: 240_000,
  });
}

jest.setTimeout(300_000);

describe('start-up with a bad configuration', () => {
  beforeAll(() => {
    if (!existsSync(main)) throw new Error(`${main} is missing: build the API first (pnpm --filter @comptoir/api build)`);
  });

  it('exits non-zero with one clear line naming HISTORY_KEY when production has none', () => {
    const run = start({ HISTORY_KEY: '', DATABASE_URL: 'sqlite::memory:' });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: HISTORY_KEY is required in production/)]);
    const unsigned = start({ HISTORY_SIGNING_KEY: '', DATABASE_URL: 'sqlite::memory:' });
    expect(unsigned.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: HISTORY_SIGNING_KEY is required in production/)]);
  });

  it('exits non-zero with one clear line for an unparsable DATABASE_URL', () => {
    const run = start({ DATABASE_URL: 'nonsense' });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: DATABASE_URL is not a URL/)]);
  });

  it('exits non-zero with one clear line when MySQL refuses the password', () => {
    const server = process.env.DATABASE_URL;
    const url =
      server && /^(mysql|mariadb):/.test(server)
        ? server.replace(/\/\/([^:@/]+)(:[^@]*)?@/, '//$1:certainly-wrong@')
        : 'mysql://root:certainly-wrong@127.0.0.1:1/test';
    const run = start({ DATABASE_URL: url });
    expect(run.status).not.toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: DATABASE_URL cannot be opened/);
    expect(lines[0]).not.toContain('certainly-wrong');
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../../test/harness';
import { createSupportClient } from '../../test/fixtures';
import { redisAvailable, REDIS_TEST_URL } from '../../test/redis-kit';
import { MemoryJobQueue, type JobInfo } from './jobs';
import { until } from '../../test/until';

describe('in-process job queue (no REDIS_URL)', () => {
  it('retries a failing job with backoff, then completes it; an id already queued is not added twice', async () => {
    const seen: JobInfo[] = [];
    const queue = new MemoryJobQueue((info) => seen.push(info));
    let runs = 0;
    queue.register('flaky', async () => {
      runs++;
      if (runs < 3) throw new Error(`failure ${runs}`);
    });
    await queue.start();
    const id = await queue.add('flaky', {}, { id: 'once', backoffMs: 10 });
    expect(await queue.add('flaky', {}, { id: 'once', backoffMs: 10 })).toBe(id);
    const done = await until(() => queue.get(id), (j) => j?.state === 'completed', 5000, 'completion');
    expect(done).toMatchObject({ attemptsMade: 3, progress: 100 });
    expect(runs).toBe(3);
    expect(seen.filter((i) => i.state === 'delayed').map((i) => i.failedReason)).toEqual(['failure 1', 'failure 2']);
    await queue.stop();
  });

  it('gives up after its attempts and can be retried from /admin', async () => {
    const queue = new MemoryJobQueue();
    let fail = true;
    queue.register('broken', async () => {
      if (fail) throw new Error('down');
    });
    await queue.start();
    const id = await queue.add('broken', {}, { attempts: 2, backoffMs: 5 });
    await until(() => queue.get(id), (j) => j?.state === 'failed', 5000, 'failure');
    expect((await queue.counts()).failed).toBe(1);
    fail = false;
    expect(await queue.retry(id)).toBe(true);
    await until(() => queue.get(id), (j) => j?.state === 'completed', 5000, 'completion after retry');
    await queue.stop();
  });
});

describe('/admin jobs (support team)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists jobs by state with counts, and retries a failed one', async () => {
    let fail = true;
    t.app.jobs.register('test.flaky', async () => {
      if (fail) throw new Error('SMTP down');
    });
    const id = await t.app.jobs.add('test.flaky', {}, { attempts: 1 });
    await until(() => t.app.jobs.get(id), (j) => j?.state === 'failed', 5000, 'the failure');
    const support = await createSupportClient(t);
    const listed = await support.client.data<{ adminJobs: { queue: string; counts: { failed: number }; jobs: { id: string; name: string; failedReason: string }[] } }>(
      '{ adminJobs(state: "failed") { queue counts { failed } jobs { id name failedReason } } }',
    );
    expect(listed.adminJobs).toMatchObject({ queue: 'memory', counts: { failed: 1 }, jobs: [{ id, name: 'test.flaky', failedReason: 'SMTP down' }] });
    fail = false;
    expect((await support.client.data<{ adminRetryJob: boolean }>('mutation($id: ID!) { adminRetryJob(id: $id) }', { id })).adminRetryJob).toBe(true);
    await until(() => t.app.jobs.get(id), (j) => j?.state === 'completed', 5000, 'the retried job');
    expect(await support.client.errorCode('mutation($id: ID!) { adminRetryJob(id: $id) }', { id })).toBe('NOT_FOUND');
  });
});

describe('BullMQ across nodes (REDIS_URL): a job whose process is killed is completed by another node, once', () => {
  let available = true;
  let a: TestApp;
  let dir: string;
  let child: ChildProcess | null = null;
  const env = { REDIS_URL: REDIS_TEST_URL, REDIS_PREFIX: `comptoir-test-${randomBytes(4).toString('hex')}:`, JOB_LOCK_MS: '2000' };

  beforeAll(async () => {
    available = await redisAvailable();
    if (!available && process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but no Redis answers at ${REDIS_TEST_URL}`);
    if (!available) return;
    // This node's worker starts only after the other process is killed, so the job goes there first.
    a = await createTestApp({ env, jobs: false });
    dir = mkdtempSync(join(tmpdir(), 'comptoir-jobs-'));
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (!available) return;
    await a.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('kill -9 mid-job: the other node runs it again and its effect happens exactly once', async () => {
    if (!available) return;
    const script = join(__dirname, '..', '..', 'dist', 'scripts', 'job-worker.js');
    if (!existsSync(script)) throw new Error(`${script} is missing: build the API first (pnpm --filter @comptoir/api build)`);
    child = spawn(process.execPath, [script], {
      env: { ...process.env, ...env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: a.config.database.url, KEYS_FILE: a.config.keysFile, JOB_TEST_HOLD: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const worker = child;
    await new Promise<void>((resolve, reject) => {
      worker.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('job-worker ready')) resolve();
      });
      worker.once('exit', (code) => reject(new Error(`job-worker exited with ${code}`)));
    });

    const key = `effect-${randomBytes(4).toString('hex')}`;
    const id = await a.app.jobs.add('test.effect', { key, dir }, { id: `test:${key}`, attempts: 3, backoffMs: 100 });
    const runs = join(dir, `${key}.runs`);
    await until(() => (existsSync(runs) ? readFileSync(runs, 'utf8') : ''), (text) => text.includes(String(worker.pid)), 10_000, 'the job to start in the other process');
    expect((await a.app.jobs.get(id))?.state).toBe('active');

    worker.kill('SIGKILL');
    await new Promise((resolve) => worker.once('exit', resolve));
    await a.app.jobs.start();

    const done = await until(() => a.app.jobs.get(id), (j) => j?.state === 'completed', 20_000, 'the job to complete on this node');
    expect(done?.progress).toBe(100);
    const runners = readFileSync(runs, 'utf8').trim().split('\n');
    expect(runners).toEqual([String(worker.pid), String(process.pid)]);
    // The effect: written once, by this node.
    expect(readFileSync(join(dir, `${key}.effect`), 'utf8').trim()).toBe(String(process.pid));
    expect((await a.app.jobs.counts()).failed).toBe(0);
  }, 60_000);
});

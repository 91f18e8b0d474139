import { randomBytes } from 'node:crypto';
import { Profile } from '@comptoir/schema';
import { createDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { redisAvailable, REDIS_TEST_URL } from '../../../test/redis-kit';
import { startSmtpServer } from '../../../test/smtp';
import type { JobInfo } from '../../core/jobs';
import { MAIL_JOB, mailJobId } from './outbox-worker';
import { OutboxMessage } from './outbox.entity';
import { until } from '../../../test/until';

const PUBLIC_URL = 'http://comptoir.test';
const REQUEST_RESET = 'mutation($e: String!) { requestPasswordReset(email: $e) }';

/** The same scenario on both queues: in-process (no REDIS_URL) and BullMQ on the local Redis. */
describe.each([
  ['in-process queue', null],
  ['BullMQ (REDIS_URL)', { REDIS_URL: REDIS_TEST_URL, REDIS_PREFIX: `comptoir-test-${randomBytes(4).toString('hex')}:`, JOB_LOCK_MS: '2000' }],
] as const)('e-mail sending as a job: %s', (_label, redisEnv) => {
  let available = true;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;

  beforeAll(async () => {
    if (redisEnv) {
      available = await redisAvailable();
      if (!available && process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but no Redis answers at ${REDIS_TEST_URL}`);
      if (!available) return;
    }
    // The SMTP server refuses the first message once (451), as a busy server would.
    smtp = await startSmtpServer({ failFirst: 1 });
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL, MAIL_RETRY_BASE_SECONDS: '1', MAIL_MAX_ATTEMPTS: '4', ...(redisEnv ?? {}) } });
  });
  afterAll(async () => {
    if (!available) return;
    await t.close();
    await smtp.close();
  });

  it('sends the message through its job, retries the refused send, and a re-run of the job sends nothing more', async () => {
    if (!available) return;
    const d = await createDossier(t, { profiles: [Profile.OWNER] });
    const email = d.as.OWNER!.user.email;
    expect(await t.client().data(REQUEST_RESET, { e: email })).toEqual({ requestPasswordReset: true });

    // Nobody drives the outbox by hand: the sweep queues the job, the job's worker sends.
    const received = await smtp.waitFor(email, 20_000);
    expect(received.text).toContain('/reinitialiser-mot-de-passe?token=');
    const repo = t.app.dataSource.getRepository(OutboxMessage);
    const row = await repo.findOneByOrFail({ to: email });
    const jobId = mailJobId(row.id);
    const job = await until(() => t.app.jobs.get(jobId), (j) => j?.state === 'completed', 10_000, 'the mail job to complete');
    // First attempt refused (451), second accepted: one job, two attempts, one message.
    expect(job).toMatchObject<Partial<JobInfo>>({ name: MAIL_JOB, state: 'completed', attemptsMade: 2 });
    expect(await repo.findOneByOrFail({ id: row.id })).toMatchObject({ status: 'sent', attempts: 2, sealed: null, error: null });
    const toVictim = () => smtp.messages.filter((m) => m.to.includes(email.toLowerCase()));
    expect(toVictim()).toHaveLength(1);

    // The same key again: the queue already knows the job, nothing is added.
    expect(await t.app.jobs.add(MAIL_JOB, { messageId: row.id }, { id: jobId })).toBe(jobId);
    // A re-run of the delivery under another job (the queue lost its record, a duplicate from another node):
    // it runs and completes, and the message it finds sent is not sent again.
    const rerun = await t.app.jobs.add(MAIL_JOB, { messageId: row.id }, { id: `${jobId}-rerun` });
    expect(await until(() => t.app.jobs.get(rerun), (j) => j?.state === 'completed', 10_000, 'the re-run')).toMatchObject({ attemptsMade: 1 });
    // And the sweep, still running, finds nothing due.
    await t.app.outbox.stop();
    t.app.outbox.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(toVictim()).toHaveLength(1);
    expect(await repo.findOneByOrFail({ id: row.id })).toMatchObject({ status: 'sent', attempts: 2 });
  }, 60_000);

  it('a job whose worker died mid-send (the message left `sending`) delivers it once, after the lease', async () => {
    if (!available) return;
    const repo = t.app.dataSource.getRepository(OutboxMessage);
    const to = `lease-${randomBytes(4).toString('hex')}@example.test`;
    // No sweep here: the test hands the message to its job itself.
    await t.app.outbox.stop();
    await t.app.dataSource.transaction((em) => t.app.mailer.enqueue(em, { to, subject: 'Bail', text: 'corps' }));
    const row = await repo.findOneByOrFail({ to });
    // What a killed worker leaves: claimed, its lease still running. The job sees it held and waits.
    await repo.update({ id: row.id }, { status: 'sending', attempts: 1, nextAttemptAt: new Date(Date.now() + 60 * 60_000) });
    const id = await t.app.jobs.add(MAIL_JOB, { messageId: row.id }, { id: mailJobId(row.id), attempts: 4, backoffMs: 200 });
    await until(() => t.app.jobs.get(id), (j) => (j?.attemptsMade ?? 0) >= 1 && j?.state !== 'active', 10_000, 'the first attempt');
    expect(smtp.messages.filter((m) => m.to.includes(to))).toHaveLength(0);
    // The lease runs out: the next attempt takes the message over and sends it.
    await repo.update({ id: row.id }, { nextAttemptAt: new Date(Date.now() - 1000) });
    await until(() => t.app.jobs.get(id), (j) => j?.state === 'completed', 15_000, 'the job to complete');
    expect(smtp.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
    expect(await repo.findOneByOrFail({ id: row.id })).toMatchObject({ status: 'sent', attempts: 2 });
    t.app.outbox.start();
  }, 60_000);
});

describe('e-mail jobs on two API nodes sharing the database and Redis', () => {
  let available = true;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    available = await redisAvailable();
    if (!available && process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but no Redis answers at ${REDIS_TEST_URL}`);
    if (!available) return;
    smtp = await startSmtpServer();
    // Both nodes sweep every 20 ms: each message is found due by both, many times over.
    const env = { SMTP_URL: smtp.url, PUBLIC_URL, MAIL_POLL_MS: '20', REDIS_URL: REDIS_TEST_URL, REDIS_PREFIX: `comptoir-test-${randomBytes(4).toString('hex')}:` };
    a = await createTestApp({ env });
    b = await createTestApp({ env, shareWith: a });
  });
  afterAll(async () => {
    if (!available) return;
    await b.close();
    await a.close();
    await smtp.close();
  });

  it('queues each message once and sends it once, whichever node sweeps or works', async () => {
    if (!available) return;
    const recipients = Array.from({ length: 12 }, (_, i) => `twin-${i}-${randomBytes(3).toString('hex')}@example.test`);
    await a.app.dataSource.transaction(async (em) => {
      for (const to of recipients) await a.app.mailer.enqueue(em, { to, subject: 'Deux nœuds', text: to });
    });
    for (const to of recipients) await smtp.waitFor(to, 20_000);
    const rows = await a.app.dataSource.getRepository(OutboxMessage).findBy({ subject: 'Deux nœuds' });
    // Every job completed, whichever node ran it; the sweeps that still see a message due add nothing.
    for (const row of rows) await until(() => b.app.jobs.get(mailJobId(row.id)), (j) => j?.state === 'completed', 10_000, `the job of ${row.to}`);
    await new Promise((r) => setTimeout(r, 300));
    expect(rows).toHaveLength(recipients.length);
    for (const to of recipients) expect(smtp.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
    const settled = await a.app.dataSource.getRepository(OutboxMessage).findBy({ subject: 'Deux nœuds' });
    expect(settled.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    // One job per message in the shared queue: none added twice, none left to retry.
    expect(await a.app.jobs.counts()).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: recipients.length });
  }, 60_000);
});

// PDF rendering (pdf.render) and a collected batch's work (accounting.batch) as jobs,
// through the real API, on both queues: a failed first run rolls back and its retry
// writes the effect once; a second run of the same job finds it done.
import { createHash, randomBytes } from 'node:crypto';
import { Profile } from '@comptoir/schema';
import { withClock } from '../../core/clock';
import { SESSION_COOKIE } from '../../core/cookies';
import { createDossier, createSupportClient, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { listening, LiveClient } from '../../../test/live-kit';
import { newIssuedInvoice, newPastBatch } from '../../../test/matrix-kit';
import { redisAvailable, REDIS_TEST_URL } from '../../../test/redis-kit';
import { until } from '../../../test/until';
import { topics } from '../../core/bus';
import { historyOfDoc, pdfStored } from '../documents/document.test-kit';
import { PDF_JOB, pdfJobId } from '../pdf/pdf.service';
import { ACCOUNTING_BATCH_JOB, batchJobId } from '../accounting/batch-job';

const ADMIN_JOB_CHANGED = 'subscription { adminJobChanged { id name state progress attemptsMade dossierId } }';
const BATCH_PROGRESS = 'subscription($id: ID!) { accountingBatchProgress(id: $id) { batchId state progress } }';
const GENERATION = 'generation { jobId state progress fecSha256 }';
const COLLECT = `mutation($id: ID!, $v: Int!) { collectAccountingBatch(id: $id, version: $v) { id status ${GENERATION} } }`;

interface AdminJobEvent {
  adminJobChanged: { id: string; name: string; state: string; progress: number; attemptsMade: number; dossierId: string | null };
}
interface Generation {
  jobId: string;
  state: string;
  progress: number;
  fecSha256: string | null;
}

describe.each([
  ['in-process queue', null],
  ['BullMQ (REDIS_URL)', { REDIS_URL: REDIS_TEST_URL, REDIS_PREFIX: `comptoir-test-${randomBytes(4).toString('hex')}:`, JOB_LOCK_MS: '2000' }],
] as const)('PDF and accounting batch jobs: %s', (_label, redisEnv) => {
  let available = true;
  let t: TestApp;
  let url: string;
  let d: FixtureDossier;
  const clients: LiveClient[] = [];
  const live = (token: string | undefined) => {
    const c = new LiveClient(url, token);
    clients.push(c);
    return c;
  };
  const sqlite = () => t.config.database.kind === 'sqlite';
  /** Makes every insert into `table` fail (until `heal`): a run that fails after writing part of its work. */
  const breakInserts = async (table: string) => {
    const name = `trg_test_fail_${table}`;
    await t.app.dataSource.query(
      sqlite()
        ? `CREATE TRIGGER \`${name}\` BEFORE INSERT ON \`${table}\` FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'injected failure'); END`
        : `CREATE TRIGGER \`${name}\` BEFORE INSERT ON \`${table}\` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'`,
    );
    return () => t.app.dataSource.query(`DROP TRIGGER \`${name}\``);
  };
  const count = async (sql: string, params: unknown[]) => Number(((await t.app.dataSource.query(sql, params)) as { n: number | string }[])[0].n);

  beforeAll(async () => {
    if (redisEnv) {
      available = await redisAvailable();
      if (!available && process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but no Redis answers at ${REDIS_TEST_URL}`);
      if (!available) return;
    }
    t = await createTestApp({ env: { ...(redisEnv ?? {}) } });
    url = await t.http();
    d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ACCOUNTANT] });
    // A SIRET: the FEC is named after its SIREN.
    await t.app.dataSource.query('UPDATE `dossiers` SET `siret` = ? WHERE `id` = ?', ['73282932000074', d.dossier.id]);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(async () => {
    if (!available) return;
    await t.close();
  });

  it('pdf.render: a run that fails is retried and stores one PDF; /admin → Tâches sees it live; running it again renders nothing', async () => {
    if (!available) return;
    const support = await createSupportClient(t);
    const admin = live(support.client.sessionToken).subscribe<AdminJobEvent>(ADMIN_JOB_CHANGED);
    await listening(t.app, topics.admin);
    const heal = await breakInserts('document_pdfs');
    const owner = d.client(Profile.OWNER);
    const invoice = await newIssuedInvoice(owner);
    const jobId = pdfJobId(invoice.id);
    // The first run renders, then fails to store (rolled back: no PDF, no history entry); a retry is due.
    const failed = await until(() => t.app.jobs.get(jobId), (j) => (j?.attemptsMade ?? 0) >= 1 && j?.state !== 'active', 20_000, 'the failed first run');
    expect(failed).toMatchObject({ name: PDF_JOB, dossierId: d.dossier.id });
    expect(failed!.failedReason).toMatch(/injected failure/);
    await heal();
    const history = await pdfStored(owner, invoice.id);
    expect(history.filter((h) => h.type === 'PDF_STORED')).toHaveLength(1);
    // The queue records the end just after the commit that stored it.
    const done = await until(() => t.app.jobs.get(jobId), (j) => j?.state === 'completed', 10_000, 'the job to complete');
    expect(done!.attemptsMade).toBeGreaterThanOrEqual(2);
    // /admin heard it without asking: queued or running, then completed.
    await admin.event((e) => e.adminJobChanged.id === jobId && e.adminJobChanged.state === 'completed', 10_000);
    const seen = admin.events.filter((e) => e.adminJobChanged.id === jobId).map((e) => e.adminJobChanged);
    expect(seen.some((e) => e.state === 'active')).toBe(true);
    expect(seen.every((e) => e.name === PDF_JOB && e.dossierId === d.dossier.id)).toBe(true);
    // The same job again (its key): not queued twice. A second run under another id: finds the PDF, stores nothing.
    expect(await t.app.jobs.add(PDF_JOB, { documentId: invoice.id, dossierId: d.dossier.id, userId: d.as.OWNER!.user.id }, { id: jobId })).toBe(jobId);
    const again = await t.app.jobs.add(PDF_JOB, { documentId: invoice.id, dossierId: d.dossier.id, userId: d.as.OWNER!.user.id }, { id: `${jobId}-again` });
    await until(() => t.app.jobs.get(again), (j) => j?.state === 'completed', 20_000, 'the second run');
    expect(await count('SELECT COUNT(*) AS n FROM `document_pdfs` WHERE `dossierId` = ? AND `documentId` = ?', [d.dossier.id, invoice.id])).toBe(1);
    expect((await historyOfDoc(owner, invoice.id)).filter((h) => h.type === 'PDF_STORED')).toHaveLength(1);
    // The download serves the stored file.
    const res = await fetch(`${url}/api/documents/${invoice.id}/pdf`, { headers: { cookie: `${SESSION_COOKIE}=${owner.sessionToken}`, connection: 'close' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-pdf-stored')).toBe('true');
  }, 60_000);

  it('accounting.batch: collecting answers at once with the job pending; a failed run is retried; one set of history entries, one stored FEC', async () => {
    if (!available) return;
    const owner = d.client(Profile.OWNER);
    const accountant = d.client(Profile.ACCOUNTANT);
    const batch = await newPastBatch(owner);
    // A second document in the batch's month.
    await withClock(new Date(`${batch.periodStart.slice(0, 8)}12T12:00:00Z`), () => newIssuedInvoice(owner));
    const progress = live(accountant.sessionToken).subscribe<{ accountingBatchProgress: { batchId: string; state: string; progress: number } }>(BATCH_PROGRESS, { id: batch.id });
    await listening(t.app, topics.job(batchJobId(batch.id)));
    const heal = await breakInserts('accounting_batch_files');
    const collected = (await accountant.data<{ collectAccountingBatch: { status: string; generation: Generation } }>(COLLECT, { id: batch.id, v: batch.version })).collectAccountingBatch;
    expect(collected.status).toBe('COLLECTED');
    expect(collected.generation).toMatchObject({ jobId: batchJobId(batch.id), fecSha256: null });
    expect(['waiting', 'active', 'delayed']).toContain(collected.generation.state);
    const jobId = batchJobId(batch.id);
    const failed = await until(() => t.app.jobs.get(jobId), (j) => (j?.attemptsMade ?? 0) >= 1 && j?.state !== 'active', 20_000, 'the failed first run');
    expect(failed).toMatchObject({ name: ACCOUNTING_BATCH_JOB, dossierId: d.dossier.id });
    // Rolled back: no history entry was kept from the failed run.
    const accountingEntries = () => count("SELECT COUNT(*) AS n FROM `history_entries` WHERE `dossierId` = ? AND `type` = 'ACCOUNTING'", [d.dossier.id]);
    expect(await accountingEntries()).toBe(0);
    await heal();
    await progress.event((e) => e.accountingBatchProgress.state === 'completed', 20_000);
    const batchQuery = `query($id: ID!) { accountingBatch(id: $id) { id ${GENERATION} } }`;
    const ready = (await accountant.data<{ accountingBatch: { generation: Generation } }>(batchQuery, { id: batch.id })).accountingBatch.generation;
    expect(ready).toMatchObject({ state: 'READY', progress: 100 });
    expect(ready.fecSha256).toMatch(/^[0-9a-f]{64}$/);
    // Two documents, two entries each (« Inclus dans le lot », « Collecté par »).
    expect(await accountingEntries()).toBe(4);
    // A second run of the same work: nothing more.
    const again = await t.app.jobs.add(ACCOUNTING_BATCH_JOB, { batchId: batch.id, dossierId: d.dossier.id, userId: d.as.ACCOUNTANT!.user.id }, { id: `${jobId}-again` });
    await until(() => t.app.jobs.get(again), (j) => j?.state === 'completed', 20_000, 'the second run');
    expect(await accountingEntries()).toBe(4);
    expect(await count('SELECT COUNT(*) AS n FROM `accounting_batch_files` WHERE `dossierId` = ? AND `batchId` = ?', [d.dossier.id, batch.id])).toBe(1);
    // The FEC download is the stored one.
    const res = await fetch(`${url}/api/exports/accounting-batches/${batch.id}/fec`, { headers: { cookie: `${SESSION_COOKIE}=${accountant.sessionToken}`, connection: 'close' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-fec-stored')).toBe('true');
    expect(createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex')).toBe(ready.fecSha256);
  }, 60_000);
});

import { Profile } from '@comptoir/schema';
import * as XLSX from 'xlsx';
import { SESSION_COOKIE } from '../../core/cookies';
import { withClock } from '../../core/clock';
import { createDossier, sessionFor, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness';
import { createCustomer, createDoc, CREDIT, firstError, getDoc, historyOfDoc, ISSUE, line, type Doc } from '../documents/document.test-kit';
import { recordPaymentEntry } from './posting.service';
import { checkFec } from './fec-checker.test-kit';
import { until } from '../../../test/until';

const BATCH_FIELDS = 'id number version periodStart periodEnd status collectedByName collectedAt entryCount totalDebitCents totalCreditCents generation { jobId state progress fecSha256 }';
const BATCHES = `{ accountingBatches { ${BATCH_FIELDS} } }`;
const BATCH = `query($id: ID!) { accountingBatch(id: $id) { ${BATCH_FIELDS} accountTotals { accountNumber auxiliaryAccount debitCents creditCents } entries { pieceRef entryDate number } } }`;
const COLLECT = `mutation($id: ID!, $v: Int!) { collectAccountingBatch(id: $id, version: $v) { ${BATCH_FIELDS} } }`;
const CUT = `mutation($id: ID!, $v: Int!, $until: String!) { cutAccountingBatch(id: $id, version: $v, until: $until) { ${BATCH_FIELDS} } }`;

interface Batch {
  id: string;
  number: number;
  version: number;
  periodStart: string;
  periodEnd: string;
  status: string;
  collectedByName: string | null;
  collectedAt: string | null;
  entryCount: number;
  totalDebitCents: number;
  totalCreditCents: number;
  generation: { jobId: string; state: string; progress: number; fecSha256: string | null } | null;
}

const at = (day: string) => new Date(`${day}T10:00:00Z`);

describe('accounting batches, period lock and downloads', () => {
  let t: TestApp;
  let d: FixtureDossier;
  let adv: TestClient;
  let accountant: TestClient;
  let customerId: string;
  let base: string;

  async function issueOn(day: string, lines = [line()], client = adv): Promise<Doc> {
    const draft = await createDoc(client, 'INVOICE', { partyId: customerId, lines });
    return withClock(at(day), async () => (await client.data<{ issueDocument: Doc }>(ISSUE, { id: draft.id, version: draft.version })).issueDocument);
  }
  const batches = async () => (await accountant.data<{ accountingBatches: Batch[] }>(BATCHES)).accountingBatches;
  const batchOf = async (day: string) => (await batches()).find((b) => b.periodStart <= day && b.periodEnd >= day)!;
  const download = (client: TestClient | null, path: string) =>
    fetch(`${base}${path}`, { headers: client?.sessionToken ? { cookie: `${SESSION_COOKIE}=${client.sessionToken}` } : {} });

  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACHAT, Profile.ACCOUNTANT] });
    adv = d.client(Profile.ADV);
    accountant = d.client(Profile.ACCOUNTANT);
    customerId = (await createCustomer(adv, 'Boulangerie Martin')).id;
    base = await t.http();
    await t.app.dataSource.manager.query('UPDATE `dossiers` SET `siret` = ? WHERE `id` = ?', ['73282932000074', d.dossier.id]);
  });
  afterAll(() => t.close());

  it('groups entries into monthly batches with counts and totals per account', async () => {
    await issueOn('2025-10-03', [line({ unitPriceCents: 10_000 }), line({ unitPriceCents: 2_000, vatRate: 5.5 })]);
    await issueOn('2025-10-20');
    await issueOn('2025-11-05');
    const list = await batches();
    expect(list.map((b) => [b.number, b.periodStart, b.periodEnd, b.status, b.entryCount])).toEqual([
      [2, '2025-11-01', '2025-11-30', 'OPEN', 1],
      [1, '2025-10-01', '2025-10-31', 'OPEN', 2],
    ]);
    const october = (await accountant.data<{ accountingBatch: Batch & { accountTotals: { accountNumber: string; debitCents: number; creditCents: number }[] } }>(BATCH, { id: list[1].id })).accountingBatch;
    expect(october.totalDebitCents).toBe(october.totalCreditCents);
    expect(october.accountTotals.find((a) => a.accountNumber === '411000')).toMatchObject({ debitCents: 12_000 + 2_110 + 12_000, creditCents: 0 });
    expect(october.accountTotals.find((a) => a.accountNumber === '445715')).toMatchObject({ creditCents: 110 });
  });

  it('cuts a batch up to a date: the later days go to a new batch', async () => {
    await issueOn('2025-11-20');
    const november = await batchOf('2025-11-05');
    const cut = (await accountant.data<{ cutAccountingBatch: Batch }>(CUT, { id: november.id, v: november.version, until: '2025-11-15' })).cutAccountingBatch;
    expect(cut).toMatchObject({ periodStart: '2025-11-01', periodEnd: '2025-11-15', entryCount: 1, status: 'OPEN' });
    expect(await batchOf('2025-11-20')).toMatchObject({ number: 3, periodStart: '2025-11-16', periodEnd: '2025-11-30', entryCount: 1 });
    expect(firstError(await accountant.exec(CUT, { id: november.id, v: cut.version, until: '2025-11-15' }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CUT_OUTSIDE_BATCH' });
    expect(firstError(await accountant.exec(CUT, { id: november.id, v: november.version, until: '2025-11-10' }))).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
  });

  it('collecting records who and when, and locks the period: issuing into it is refused and writes nothing', async () => {
    const october = await batchOf('2025-10-03');
    const collected = (await accountant.data<{ collectAccountingBatch: Batch }>(COLLECT, { id: october.id, v: october.version })).collectAccountingBatch;
    expect(collected).toMatchObject({ status: 'COLLECTED', collectedByName: d.as.ACCOUNTANT!.user.name });
    expect(collected.collectedAt).toBeTruthy();
    // Each document of the batch says so in its history, written by the batch's background job.
    expect(collected.generation).toMatchObject({ jobId: `accounting-batch-${october.id}` });
    expect(['waiting', 'active', 'READY']).toContain(collected.generation!.state);
    await until(async () => (await batchOf('2025-10-03')).generation?.state, (s) => s === 'READY', 30_000, 'the batch job');
    const octoberInvoice = (await adv.data<{ invoices: { nodes: Doc[] } }>('{ invoices(first: 50) { nodes { id date } } }')).invoices.nodes.find((i) => i.date === '2025-10-03')!;
    const history = (await historyOfDoc(accountant, octoberInvoice.id)) as unknown as { type: string; label: string | null }[];
    expect(history.filter((h) => h.type === 'ACCOUNTING').map((h) => h.label)).toEqual([
      'Inclus dans le lot n° 1 (01/10/2025 – 31/10/2025)',
      expect.stringMatching(new RegExp(`^Collecté par ${d.as.ACCOUNTANT!.user.name} le \\d\\d/\\d\\d/\\d{4}$`)),
    ]);
    const draft = await createDoc(adv, 'INVOICE', { partyId: customerId, lines: [line()] });
    const count = async () =>
      (await t.app.dataSource.manager.query(
        'SELECT (SELECT COUNT(*) FROM `accounting_entries` WHERE `dossierId` = ?) AS e, (SELECT COUNT(*) FROM `history_entries` WHERE `dossierId` = ?) AS h, (SELECT COUNT(*) FROM `accounting_batches` WHERE `dossierId` = ?) AS b, (SELECT COALESCE(MAX(`lastNumber`), 0) FROM `document_counters` WHERE `dossierId` = ?) AS n',
        [d.dossier.id, d.dossier.id, d.dossier.id, d.dossier.id],
      )) as unknown[];
    const before = JSON.stringify(await count());
    const refused = await withClock(at('2025-10-25'), () => adv.exec(ISSUE, { id: draft.id, version: draft.version }));
    expect(firstError(refused)).toMatchObject({ code: 'CONFLICT', reason: 'PERIOD_COLLECTED', batchNumber: 1, periodStart: '2025-10-01', periodEnd: '2025-10-31' });
    expect(refused.errors![0].message).toMatch(/01\/10\/2025 – 31\/10\/2025/);
    expect(JSON.stringify(await count())).toBe(before);
    expect(await getDoc(adv, draft.id)).toMatchObject({ status: 'DRAFT', number: null, version: draft.version });
    // A payment dated in the period is refused too.
    await expect(recordPaymentEntry(await adv.context(), { documentId: draft.id, pieceRef: 'X', customerId, customerName: 'B', date: '2025-10-26', amountCents: 100 })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', reason: 'PERIOD_COLLECTED' },
    });
    // The database refuses to change a collected batch.
    await expect(t.app.dataSource.manager.query('UPDATE `accounting_batches` SET `periodEnd` = ? WHERE `id` = ? AND `dossierId` = ?', ['2025-10-30', october.id, d.dossier.id])).rejects.toThrow(/immutable/);
  });

  it('a credit note dated in a collected period falls in the next open batch', async () => {
    const invoice = (await batchOf('2025-10-03')) && (await adv.data<{ invoices: { nodes: Doc[] } }>('{ invoices(first: 50) { nodes { id date number } } }')).invoices.nodes.find((i) => i.date === '2025-10-20')!;
    const draft = (await adv.data<{ createCreditNoteFromInvoice: Doc }>(CREDIT, { invoiceId: invoice.id })).createCreditNoteFromInvoice;
    const credit = await withClock(at('2025-10-28'), async () => (await adv.data<{ issueDocument: Doc }>(ISSUE, { id: draft.id, version: draft.version })).issueDocument);
    expect(credit.date).toBe('2025-10-28');
    const entries = (await accountant.data<{ documentAccountingEntries: { entryDate: string }[] }>('query($id: ID!) { documentAccountingEntries(documentId: $id) { entryDate } }', { id: credit.id })).documentAccountingEntries;
    expect(entries).toEqual([{ entryDate: '2025-11-01' }]);
    expect((await batchOf('2025-11-01')).entryCount).toBe(2);
  });

  it('two accountants collecting the same batch at once: one wins, the other gets CONFLICT', async () => {
    // A second accountant of the firm, in the same dossier.
    const second = await createDossier(t, { profiles: [Profile.ACCOUNTANT] });
    await t.app.dataSource.manager.query('INSERT INTO `memberships` (`id`, `userId`, `dossierId`, `profile`, `isPrincipal`, `createdAt`, `updatedAt`) SELECT ?, `userId`, ?, `profile`, 0, `createdAt`, `updatedAt` FROM `memberships` WHERE `dossierId` = ?', [
      '01900000-0000-7000-8000-00000000abcd',
      d.dossier.id,
      second.dossier.id,
    ]);
    const twin = await sessionFor(t, second.as.ACCOUNTANT!.user.id, d.dossier.id);
    const batch = await batchOf('2025-11-20');
    const results = await Promise.all([accountant.exec(COLLECT, { id: batch.id, v: batch.version }), twin.exec(COLLECT, { id: batch.id, v: batch.version })]);
    const codes = results.map((r) => (r.errors ? `${r.errors[0].extensions?.code}:${r.errors[0].extensions?.reason}` : 'OK')).sort();
    expect(codes[0]).toBe('CONFLICT:BATCH_COLLECTED');
    expect(codes[1]).toBe('OK');
    expect(await batchOf('2025-11-20')).toMatchObject({ status: 'COLLECTED', version: batch.version + 1 });
  });

  it('downloads a FEC that passes the checker, named <SIREN>FEC<YYYYMMDD>.txt', async () => {
    await recordPaymentEntry(await adv.context(), { documentId: customerId, pieceRef: 'FA-X', customerId, customerName: 'Boulangerie Martin', date: '2025-12-02', amountCents: 12_000 });
    await issueOn('2025-12-03', [line({ unitPriceCents: 123_456, quantity: 7.5, discountPercent: 3.33 }), line({ unitPriceCents: 999, vatRate: 2.1 })]);
    const list = await batches();
    const checked: string[] = [];
    for (const batch of list) {
      const res = await download(accountant, `/api/exports/accounting-batches/${batch.id}/fec`);
      expect(res.status).toBe(200);
      const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')![1];
      expect(fileName).toBe(`732829320FEC${batch.periodEnd.replace(/-/g, '')}.txt`);
      // EcritureNum continues from the batches before: count the entries of earlier periods per journal.
      const earlier = list.filter((b) => b.periodEnd < batch.periodStart);
      const firstNumbers: Record<string, number> = { VT: 1, BQ: 1 };
      for (const b of earlier) {
        const fec = checkFec('x', Buffer.from(await (await download(accountant, `/api/exports/accounting-batches/${b.id}/fec`)).arrayBuffer()));
        for (const l of fec.lines) firstNumbers[l.JournalCode] = Math.max(firstNumbers[l.JournalCode], Number(l.EcritureNum) + 1);
      }
      const body = Buffer.from(await res.arrayBuffer());
      const check = checkFec(fileName, body, firstNumbers);
      expect(check.faults).toEqual([]);
      expect(new Set(check.lines.map((l) => l.EcritureNum)).size).toBe(batch.entryCount);
      for (const l of check.lines) expect(l.EcritureDate >= batch.periodStart.replace(/-/g, '') && l.EcritureDate <= batch.periodEnd.replace(/-/g, '')).toBe(true);
      checked.push(fileName);
    }
    expect(checked).toHaveLength(list.length);
    // A faulty file is caught by the checker (it is not a rubber stamp).
    const december = list.find((b) => b.periodStart === '2025-12-01')!;
    const good = Buffer.from(await (await download(accountant, `/api/exports/accounting-batches/${december.id}/fec`)).arrayBuffer()).toString('utf8');
    const broken = good.replace(/\t(\d+),(\d\d)\t0,00\t/, (_m, u, c) => `\t${Number(u) + 1} 000,${c}\t0,00\t`);
    expect(checkFec('732829320FEC20251231.txt', Buffer.from(broken)).faults.length).toBeGreaterThan(0);
    expect(checkFec('732829321FEC20251231.txt', Buffer.from(good)).faults).toContain('SIREN 732829321 fails its Luhn key');
  });

  it('downloads the same lines as CSV (BOM, ;, decimal comma) and .xlsx (typed cells)', async () => {
    const december = await batchOf('2025-12-03');
    const csv = Buffer.from(await (await download(accountant, `/api/exports/accounting-batches/${december.id}/csv`)).arrayBuffer());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csv.toString('utf8').slice(1).trim().split('\r\n').map((r) => r.split(';'));
    expect(rows[0].slice(0, 4)).toEqual(['JournalCode', 'JournalLib', 'EcritureNum', 'EcritureDate']);
    expect(rows.slice(1).every((r) => r.length === 18 && /^\d+,\d\d$/.test(r[11]) && /^\d+,\d\d$/.test(r[12]))).toBe(true);
    expect(rows[1][3]).toMatch(/^\d\d\/12\/2025$/);
    const xlsx = Buffer.from(await (await download(accountant, `/api/exports/accounting-batches/${december.id}/xlsx`)).arrayBuffer());
    const book = XLSX.read(xlsx, { type: 'buffer', cellDates: true });
    const sheet = book.Sheets[book.SheetNames[0]];
    const data = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
    expect(data).toHaveLength(rows.length);
    expect(typeof data[1][11]).toBe('number');
    expect(data[1][3]).toBeInstanceOf(Date);
  });

  it('downloads follow the GraphQL rules: 401 without session, 403 for other profiles, 404 for another dossier’s batch', async () => {
    const batch = await batchOf('2025-12-03');
    expect((await download(null, `/api/exports/accounting-batches/${batch.id}/fec`)).status).toBe(401);
    expect((await download(d.client(Profile.COMMERCIAL), `/api/exports/accounting-batches/${batch.id}/fec`)).status).toBe(403);
    expect((await download(d.client(Profile.ACHAT), `/api/exports/accounting-batches/${batch.id}/csv`)).status).toBe(403);
    expect((await download(d.client(Profile.OWNER), `/api/exports/accounting-batches/${batch.id}/csv`)).status).toBe(200);
    const other = await createDossier(t, { profiles: [Profile.ACCOUNTANT] });
    expect((await download(other.client(Profile.ACCOUNTANT), `/api/exports/accounting-batches/${batch.id}/fec`)).status).toBe(404);
    expect(await other.client(Profile.ACCOUNTANT).errorCode('query($id: ID!) { accountingBatch(id: $id) { id } }', { id: batch.id })).toBe('NOT_FOUND');
  });

  it('the dossier picker shows an accountant the batches left to collect in each client dossier', async () => {
    const picker = await sessionFor(t, d.as.ACCOUNTANT!.user.id, null);
    const { me } = await picker.data<{ me: { dossiers: { id: string; profile: string; uncollectedBatches: number | null }[] } }>('{ me { dossiers { id profile uncollectedBatches } } }');
    const open = (await batches()).filter((b) => b.status === 'OPEN').length;
    expect(me.dossiers.find((x) => x.id === d.dossier.id)).toMatchObject({ profile: 'ACCOUNTANT', uncollectedBatches: open });
    expect(open).toBeGreaterThan(0);
    const commercial = await sessionFor(t, d.as.COMMERCIAL!.user.id, null);
    expect((await commercial.data<{ me: { dossiers: { uncollectedBatches: number | null }[] } }>('{ me { dossiers { uncollectedBatches } } }')).me.dossiers[0].uncollectedBatches).toBeNull();
  });

  it('a FEC needs a SIREN: CONFLICT SIREN_REQUIRED without one', async () => {
    const other = await createDossier(t, { profiles: [Profile.OWNER] });
    const owner = other.client(Profile.OWNER);
    const customer = (await createCustomer(owner)).id;
    const draft = await createDoc(owner, 'INVOICE', { partyId: customer, lines: [line()] });
    await owner.data(ISSUE, { id: draft.id, version: draft.version });
    const { accountingBatches } = await owner.data<{ accountingBatches: Batch[] }>(BATCHES);
    const res = await download(owner, `/api/exports/accounting-batches/${accountingBatches[0].id}/fec`);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe('SIREN_REQUIRED');
  });
});

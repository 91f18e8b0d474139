import { Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { CONVERT_QUOTE, createCustomer, createDoc, DELETE, DUPLICATE, historyOfDoc, ISSUE, line, pdfStored, SEND, UPDATE, type Doc } from '../documents/document.test-kit';
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as verifyHistoryCli } from '../../scripts/verify-history';
import { canonicalJson } from '../../core/canonical-json';
import { HistoryCheckpoint, HistoryEntry, HistoryEntryType } from './history-entry.entity';
import { contentOf, GENESIS_HASH, nextDigest, verifyExport, type HistoryExport } from './history-seal';
import { checkpointNow, exportHistory } from './history.service';

const VERIFY = '{ verifyHistory { ok checkedEntries brokenAtSequence brokenEntryId reason } }';
type Verify = { verifyHistory: { ok: boolean; checkedEntries: number; brokenAtSequence: number | null; brokenEntryId: string | null; reason: string | null } };

describe('history', () => {
  let t: TestApp;
  let d: FixtureDossier;
  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL] });
  });
  afterAll(() => t.close());

  it('records who did what on a quote and the invoice it became, with the changed fields', async () => {
    const commercial = d.client(Profile.COMMERCIAL);
    const adv = d.client(Profile.ADV);
    const customer = await createCustomer(commercial, 'Fromagerie Vidal');
    const quote = await createDoc(commercial, 'QUOTE', { partyId: customer.id, subject: 'Vitrine', lines: [line({ quantity: 2 })] });
    const edited = (await adv.data<{ updateDocument: Doc }>(UPDATE, {
      id: quote.id,
      version: quote.version,
      input: { partyId: customer.id, subject: 'Vitrine réfrigérée', lines: [line({ quantity: 3 }), line({ description: 'Livraison', unitPriceCents: 5000, vatRate: 10 })] },
    })).updateDocument;
    const sent = (await adv.data<{ sendDocument: Doc }>(SEND, { id: quote.id, version: edited.version })).sendDocument;
    const invoice = (await adv.data<{ convertQuoteToInvoice: Doc }>(CONVERT_QUOTE, { id: quote.id, version: sent.version })).convertQuoteToInvoice;
    const issued = (await adv.data<{ issueDocument: Doc }>(ISSUE, { id: invoice.id, version: invoice.version })).issueDocument;

    const quoteHistory = await historyOfDoc(adv, quote.id);
    expect(quoteHistory.map((h) => [h.type, h.user?.name])).toEqual([
      ['CREATED', d.as.COMMERCIAL!.user.name],
      ['UPDATED', d.as.ADV!.user.name],
      ['SENT', d.as.ADV!.user.name],
      ['STATUS_CHANGED', d.as.ADV!.user.name],
      ['CONVERTED', d.as.ADV!.user.name],
    ]);
    const changes = quoteHistory[1].changes;
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: 'subject', before: 'Vitrine', after: 'Vitrine réfrigérée' },
        { field: 'lines.0.quantity', before: '2', after: '3' },
        expect.objectContaining({ field: 'lines.1', before: null }),
        expect.objectContaining({ field: 'totalExclVatCents', before: '20000', after: '35000' }),
      ]),
    );
    expect(quoteHistory[3]).toMatchObject({ fromStatus: 'SENT', toStatus: 'ACCEPTED' });
    expect(quoteHistory[4]).toMatchObject({ relationDirection: 'TO', relatedDocumentId: invoice.id, relatedDocumentType: 'INVOICE' });

    // The PDF is stored by its background job (pdf.render), right after the issue.
    const invoiceHistory = await pdfStored(adv, invoice.id);
    expect(invoiceHistory.map((h) => h.type)).toEqual(['CREATED', 'CONVERTED', 'ISSUED', 'PDF_STORED']);
    expect(invoiceHistory[1]).toMatchObject({ relationDirection: 'FROM', relatedDocumentId: quote.id, relatedDocumentType: 'QUOTE' });
    expect(invoiceHistory[2]).toMatchObject({ number: issued.number, fromStatus: 'DRAFT', toStatus: 'ISSUED' });

    const customerHistory = await adv.data<{ customer: { createdBy: { name: string }; history: { type: string }[] } }>(
      'query($id: ID!) { customer(id: $id) { createdBy { name } history { type } } }',
      { id: customer.id },
    );
    expect(customerHistory.customer).toEqual({ createdBy: { name: d.as.COMMERCIAL!.user.name }, history: [{ type: 'CREATED' }] });
  });

  it('keeps the entries of duplicated and deleted drafts', async () => {
    const adv = d.client(Profile.ADV);
    const quote = await createDoc(adv, 'INVOICE', { lines: [line()] });
    const copy = (await adv.data<{ duplicateDocument: Doc }>(DUPLICATE, { id: quote.id })).duplicateDocument;
    await adv.data(DELETE, { id: copy.id, version: copy.version });
    const rows = await t.app.dataSource.getRepository(HistoryEntry).find({ where: { dossierId: d.dossier.id, entityId: copy.id }, order: { sequence: 'ASC' } });
    expect(rows.map((r) => r.type)).toEqual(['CREATED', 'DUPLICATED', 'DELETED']);
    expect((await historyOfDoc(adv, quote.id)).map((h) => h.type)).toEqual(['CREATED', 'DUPLICATED']);
  });

  it('records an edit at the documented input limits (40 lines of 2,000 characters) on every database', async () => {
    const adv = d.client(Profile.ADV);
    const text = (seed: string) => `${seed} ${'é«»"\\'.repeat(5)}${'x'.repeat(2000)}`.slice(0, 2000);
    const quote = await createDoc(adv, 'QUOTE', { lines: Array.from({ length: 40 }, (_, i) => line({ description: text(`avant ${i}`) })) });
    const edited = (await adv.data<{ updateDocument: Doc }>(UPDATE, {
      id: quote.id,
      version: quote.version,
      input: { lines: Array.from({ length: 40 }, (_, i) => line({ description: text(`après ${i}`) })) },
    })).updateDocument;
    expect(edited.version).toBe(quote.version + 1);
    const [entry] = await t.app.dataSource.getRepository(HistoryEntry).find({ where: { dossierId: d.dossier.id, entityId: quote.id, type: HistoryEntryType.UPDATED } });
    const changes = (entry.data as { changes: { field: string; before: string | null; after: string | null }[] }).changes;
    expect(changes.filter((c) => /^lines\.\d+\.description$/.test(c.field))).toHaveLength(40);
    expect(changes.find((c) => c.field === 'lines.39.description')).toEqual({ field: 'lines.39.description', before: text('avant 39'), after: text('après 39') });
    expect((await d.client(Profile.OWNER).data<Verify>(VERIFY)).verifyHistory.ok).toBe(true);
  });

  it('verifies the hash chain, and reports the first entry altered directly in the database', async () => {
    const owner = d.client(Profile.OWNER);
    const ok = await owner.data<Verify>(VERIFY);
    expect(ok.verifyHistory.ok).toBe(true);
    expect(ok.verifyHistory.checkedEntries).toBeGreaterThan(10);
    const victim = await t.app.dataSource.getRepository(HistoryEntry).findOneOrFail({ where: { dossierId: d.dossier.id, sequence: 4 } });
    await t.app.dataSource.query('UPDATE `history_entries` SET `data` = ? WHERE `dossierId` = ? AND `id` = ?', [JSON.stringify({ from: 'DRAFT', to: 'REFUSED' }), d.dossier.id, victim.id]);
    const broken = await owner.data<Verify>(VERIFY);
    expect(broken.verifyHistory).toMatchObject({ ok: false, brokenAtSequence: 4, brokenEntryId: victim.id, reason: expect.stringMatching(/hash/) });
    expect(await d.client(Profile.COMMERCIAL).errorCode(VERIFY)).toBe('FORBIDDEN');
  });

  it('reports a deleted entry as a missing link', async () => {
    const t2 = await createTestApp();
    try {
      const f = await createDossier(t2, { profiles: [Profile.OWNER] });
      const owner = f.client(Profile.OWNER);
      for (let i = 0; i < 3; i++) await createCustomer(owner, `Client ${i}`);
      await t2.app.dataSource.query('DELETE FROM `history_entries` WHERE `dossierId` = ? AND `sequence` = 2', [f.dossier.id]);
      const result = await owner.data<Verify>(VERIFY);
      expect(result.verifyHistory).toMatchObject({ ok: false, brokenAtSequence: 2 });
    } finally {
      await t2.close();
    }
  });

  describe('the seal (HMAC chain, sealed head, signed checkpoints)', () => {
    let t3: TestApp;
    let f: FixtureDossier;
    const ds = () => t3.app.dataSource;
    const verify = async () => (await f.client(Profile.OWNER).data<Verify>(VERIFY)).verifyHistory;
    const rows = () => ds().getRepository(HistoryEntry).find({ where: { dossierId: f.dossier.id }, order: { sequence: 'ASC' } });

    beforeEach(async () => {
      t3 = await createTestApp({ env: { HISTORY_CHECKPOINT_EVERY: '3' } });
      f = await createDossier(t3, { profiles: [Profile.OWNER] });
      for (let i = 0; i < 7; i++) await createCustomer(f.client(Profile.OWNER), `Client ${i}`);
      expect(await verify()).toMatchObject({ ok: true, checkedEntries: 7 });
    });
    afterEach(() => t3.close());

    it('reports a chain rewritten with recomputed plain (unkeyed) SHA-256 hashes', async () => {
      // Someone with write access changes entry 2 and recomputes every hash without the key.
      const entries = await rows();
      let previous = GENESIS_HASH;
      for (const entry of entries) {
        if (entry.sequence === 2) entry.data = { label: 'Client falsifié' } as HistoryEntry['data'];
        const hash = createHash('sha256').update(previous + canonicalJson(contentOf(entry))).digest('hex');
        await ds().query('UPDATE `history_entries` SET `data` = ?, `previousHash` = ?, `hash` = ? WHERE `dossierId` = ? AND `id` = ?', [JSON.stringify(entry.data), previous, hash, f.dossier.id, entry.id]);
        previous = hash;
      }
      await ds().query('UPDATE `history_chain_heads` SET `lastHash` = ? WHERE `dossierId` = ?', [previous, f.dossier.id]);
      expect(await verify()).toMatchObject({ ok: false, brokenAtSequence: 1, reason: expect.stringMatching(/HMAC/) });
    });

    it('reports a truncated tail: the last entries deleted and the chain head rolled back', async () => {
      const entries = await rows();
      const kept = entries.slice(0, 5);
      // The attacker rolls the head back consistently, recomputing even the plain digest; only the seal is out of reach.
      let digest = '';
      for (const entry of kept) digest = nextDigest(digest, contentOf(entry));
      await ds().query('DELETE FROM `history_entries` WHERE `dossierId` = ? AND `sequence` > 5', [f.dossier.id]);
      await ds().query('DELETE FROM `history_checkpoints` WHERE `dossierId` = ? AND `sequence` > 5', [f.dossier.id]);
      await ds().query('UPDATE `history_chain_heads` SET `lastSequence` = 5, `lastHash` = ?, `lastDigest` = ? WHERE `dossierId` = ?', [kept[4].hash, digest, f.dossier.id]);
      expect(await verify()).toMatchObject({ ok: false, reason: expect.stringMatching(/seal|deleted/) });
      // Leaving the later checkpoint in place shows it too.
    });

    it('shows a truncated tail through a signed checkpoint beyond the end', async () => {
      await ds().query('DELETE FROM `history_entries` WHERE `dossierId` = ? AND `sequence` > 4', [f.dossier.id]);
      const fourth = (await rows())[3];
      await ds().query('UPDATE `history_chain_heads` SET `lastSequence` = 4, `lastHash` = ? WHERE `dossierId` = ?', [fourth.hash, f.dossier.id]);
      expect(await verify()).toMatchObject({ ok: false, reason: expect.stringMatching(/checkpoint covers entry 6/) });
    });

    it('lets an auditor verify an export offline with the public key alone, and see a truncation with a checkpoint kept from before', async () => {
      const checkpoints = await ds().getRepository(HistoryCheckpoint).find({ where: { dossierId: f.dossier.id }, order: { sequence: 'ASC' } });
      expect(checkpoints.map((c) => c.sequence)).toEqual([3, 6]);
      const owner = await f.client(Profile.OWNER).context();
      const onDemand = await checkpointNow(owner);
      expect(onDemand?.sequence).toBe(7);
      const publicKey = createPublicKey(t3.app.keys.publicKeyPem);
      const before = JSON.parse(JSON.stringify(await exportHistory(owner))) as HistoryExport;
      expect(verifyExport(before, publicKey)).toMatchObject({ ok: true, entries: 7, signedUpTo: 7, checkpoints: 3 });
      // Another key does not vouch for it.
      expect(verifyExport(before, generateKeyPairSync('ed25519').publicKey).ok).toBe(false);

      // Tampered content (hashes recomputed): the signed digest no longer matches.
      const forged = JSON.parse(JSON.stringify(before)) as HistoryExport;
      forged.entries[1].data = { label: 'Client falsifié' };
      expect(verifyExport(forged, publicKey).problems.join('\n')).toMatch(/differ from what checkpoint 3 signed/);

      // Truncated in the database (checkpoints after 5 deleted too): the auditor's kept checkpoint shows it.
      await ds().query('DELETE FROM `history_entries` WHERE `dossierId` = ? AND `sequence` > 5', [f.dossier.id]);
      await ds().query('DELETE FROM `history_checkpoints` WHERE `dossierId` = ? AND `sequence` > 5', [f.dossier.id]);
      const after = JSON.parse(JSON.stringify(await exportHistory(owner))) as HistoryExport;
      expect(verifyExport(after, publicKey)).toMatchObject({ ok: true, entries: 5, signedUpTo: 3 });
      const audit = verifyExport(after, publicKey, before.checkpoints);
      expect(audit.ok).toBe(false);
      expect(audit.problems.join('\n')).toMatch(/checkpoint at entry 7 is signed, but the history ends at entry 5/);

      // The same through the command an auditor runs (files only, no database).
      const dir = mkdtempSync(join(tmpdir(), 'comptoir-audit-'));
      try {
        writeFileSync(join(dir, 'key.pem'), t3.app.keys.publicKeyPem);
        writeFileSync(join(dir, 'before.json'), JSON.stringify(before));
        writeFileSync(join(dir, 'after.json'), JSON.stringify(after));
        const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
        expect(verifyHistoryCli(['--public-key', join(dir, 'key.pem'), join(dir, 'before.json')])).toBe(0);
        expect(verifyHistoryCli(['--public-key', join(dir, 'key.pem'), join(dir, 'after.json'), '--kept', join(dir, 'before.json')])).toBe(1);
        expect(log.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/PROBLEM: checkpoint at entry 7 is signed, but the history ends at entry 5/);
        log.mockRestore();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('offers no operation that edits or deletes history', async () => {
    const mutations = Object.keys(t.schema.getMutationType()?.getFields() ?? {});
    expect(mutations.filter((m) => /history/i.test(m))).toEqual([]);
  });
});

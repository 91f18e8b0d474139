import { Profile } from '@comptoir/schema';
import { createDossier, type FixtureDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness';
import { createCustomer, createDoc, ISSUE, line, type Doc } from '../documents/document.test-kit';

const CHECK = '{ complianceCheck { key label ok faults } }';
type Check = { key: string; ok: boolean; faults: string[] };

describe('compliance self-check', () => {
  let t: TestApp;
  let d: FixtureDossier;
  let adv: TestClient;
  const run = async (client: TestClient) => (await client.data<{ complianceCheck: Check[] }>(CHECK)).complianceCheck;
  beforeAll(async () => {
    t = await createTestApp();
    d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACCOUNTANT] });
    adv = d.client(Profile.ADV);
    const customer = (await createCustomer(adv)).id;
    for (let i = 0; i < 3; i++) {
      const draft = await createDoc(adv, 'INVOICE', { partyId: customer, lines: [line({ unitPriceCents: 1_000 + i })] });
      await adv.data<{ issueDocument: Doc }>(ISSUE, { id: draft.id, version: draft.version });
    }
  });
  afterAll(() => t.close());

  it('passes every rule on a sound dossier, for OWNER, ADV and ACCOUNTANT; COMMERCIAL is refused', async () => {
    for (const profile of [Profile.OWNER, Profile.ADV, Profile.ACCOUNTANT]) {
      const checks = await run(d.client(profile));
      expect(checks.map((c) => [c.key, c.ok, c.faults])).toEqual([
        ['NUMBERING', true, []],
        ['HISTORY_CHAIN', true, []],
        ['DOCUMENTS_HAVE_ENTRIES', true, []],
        ['ENTRIES_BALANCED', true, []],
        ['COLLECTED_PERIODS_CLOSED', true, []],
      ]);
    }
    expect(await d.client(Profile.COMMERCIAL).errorCode(CHECK)).toBe('FORBIDDEN');
  });

  it('names the exact faults: a numbering gap, a document without its entry', async () => {
    const em = t.app.dataSource.manager;
    // Simulate what the rules catch, with the triggers out of the way (a database edited behind the API).
    const [second] = (await em.query("SELECT `id`, `number` FROM `documents` WHERE `dossierId` = ? AND `numberSequence` = 2", [d.dossier.id])) as { id: string; number: string }[];
    await em.query('DROP TRIGGER IF EXISTS `trg_documents_issued_update`');
    await em.query('UPDATE `documents` SET `numberSequence` = 5 WHERE `id` = ? AND `dossierId` = ?', [second.id, d.dossier.id]);
    await em.query('DROP TRIGGER IF EXISTS `trg_accounting_entries_delete`');
    await em.query('DROP TRIGGER IF EXISTS `trg_accounting_entry_lines_delete`');
    const [entry] = (await em.query('SELECT `id` FROM `accounting_entries` WHERE `documentId` = ? AND `dossierId` = ?', [second.id, d.dossier.id])) as { id: string }[];
    await em.query('DELETE FROM `accounting_entry_lines` WHERE `entryId` = ? AND `dossierId` = ?', [entry.id, d.dossier.id]);
    await em.query('DELETE FROM `accounting_entries` WHERE `id` = ? AND `dossierId` = ?', [entry.id, d.dossier.id]);
    const checks = await run(adv);
    const byKey = Object.fromEntries(checks.map((c) => [c.key, c]));
    const year = new Date().getUTCFullYear();
    expect(byKey.NUMBERING.ok).toBe(false);
    expect(byKey.NUMBERING.faults).toEqual([`INVOICE ${year}: number 2 is missing`, `INVOICE ${year}: number 4 is missing`, `INVOICE ${year}: the counter is at 3, the last number given is 5`]);
    expect(byKey.DOCUMENTS_HAVE_ENTRIES.faults).toEqual([`${second.number} has no accounting entry`]);
    expect(byKey.ENTRIES_BALANCED.ok).toBe(true);
  });
});

import { Profile } from '@comptoir/schema';
import { acrossDossiers } from '../src/core/cross-dossier';
import { Document } from '../src/modules/documents/document.entity';
import { Customer } from '../src/modules/parties/party.entity';
import { createDossier } from './fixtures';
import { createTestApp, type TestApp } from './harness';
import { sqlAudit } from './sql-audit';

/** The audit that fails every test file on an unscoped statement, checked on itself. */
describe('the unscoped-SQL audit', () => {
  let t: TestApp;
  let dossierId: string;
  beforeAll(async () => {
    t = await createTestApp();
    dossierId = (await createDossier(t, { profiles: [Profile.OWNER] })).dossier.id;
  });
  afterAll(() => t.close());

  /** The offenders `work` added, taken out so that this file itself passes. */
  async function caught(work: () => Promise<unknown>): Promise<string[]> {
    const before = sqlAudit.offenders.length;
    await work();
    return sqlAudit.offenders.splice(before).flatMap((o) => o.tables);
  }

  it('flags a statement on a dossier table without a dossierId condition, through the real database', async () => {
    const ds = t.app.dataSource;
    expect(await caught(() => ds.query('SELECT COUNT(*) AS n FROM `documents`'))).toEqual(['documents']);
    expect(await caught(() => ds.getRepository(Customer).findOneBy({ legalName: 'X' }))).toEqual(['customers']);
    expect(await caught(() => ds.query('UPDATE `customers` SET `city` = ? WHERE `id` = ?', ['Lyon', 'x']))).toEqual(['customers']);
    // A later where() on a raw query builder drops the first condition: the audit sees what runs.
    expect(await caught(() => ds.getRepository(Document).createQueryBuilder('d').where('d.dossierId = :id', { id: dossierId }).where('d.id = :x', { x: 'x' }).getMany())).toEqual([
      'documents',
    ]);
  });

  it('accepts the same statements scoped to a dossier, and tables that hold no dossier data', async () => {
    const ds = t.app.dataSource;
    expect(await caught(() => ds.query('SELECT COUNT(*) AS n FROM `documents` WHERE `dossierId` = ?', [dossierId]))).toEqual([]);
    expect(await caught(() => ds.getRepository(Customer).findOneBy({ legalName: 'X', dossierId }))).toEqual([]);
    expect(await caught(() => ds.query('SELECT COUNT(*) AS n FROM `users`'))).toEqual([]);
  });

  it('accepts a declared cross-dossier operation and a test’s named exemption, and nothing else', async () => {
    const ds = t.app.dataSource;
    expect(await caught(() => acrossDossiers('supportDesk', () => ds.query('SELECT COUNT(*) AS n FROM `support_requests`')))).toEqual([]);
    expect(await caught(() => sqlAudit.exempt('the audit’s own test', () => ds.query('SELECT COUNT(*) AS n FROM `documents`')))).toEqual([]);
    expect(() => sqlAudit.exempt(' ', () => Promise.resolve())).toThrow(/reason/);
    // The door closes with its work.
    expect(await caught(() => ds.query('SELECT COUNT(*) AS n FROM `support_requests`'))).toEqual(['support_requests']);
  });

  it('reads the conditions of joins, sub-selects and inserts', () => {
    expect(sqlAudit.unscopedTables('SELECT * FROM `documents` `d` INNER JOIN `document_lines` `l` ON `l`.`documentId` = `d`.`id` WHERE `d`.`dossierId` = ?')).toEqual(['document_lines']);
    expect(
      sqlAudit.unscopedTables('SELECT * FROM `documents` `d` INNER JOIN `document_lines` `l` ON `l`.`documentId` = `d`.`id` AND `l`.`dossierId` = `d`.`dossierId` WHERE `d`.`dossierId` = ?'),
    ).toEqual([]);
    expect(sqlAudit.unscopedTables('SELECT (SELECT COUNT(*) FROM `documents` WHERE `dossierId` = ?) AS a, (SELECT COUNT(*) FROM `customers`) AS b')).toEqual(['customers']);
    expect(sqlAudit.unscopedTables('INSERT INTO `customers` (`id`, `dossierId`, `legalName`) VALUES (?, ?, ?)')).toEqual([]);
    expect(sqlAudit.unscopedTables('INSERT INTO `customers` (`id`, `legalName`) VALUES (?, ?)')).toEqual(['customers']);
  });
});

import { Profile } from '@comptoir/schema';
import { createTestApp, type TestApp } from '../../test/harness';
import { createDossier, createSupportClient } from '../../test/fixtures';
import { sqlAudit } from '../../test/sql-audit';
import { createCustomer } from '../modules/documents/document.test-kit';
import { Customer } from '../modules/parties/party.entity';
import { In } from 'typeorm';
import { Dossier } from '../modules/identity/dossier.entity';
import { Membership } from '../modules/identity/membership.entity';
import type { RequestContext } from './context';
import { acrossDossiers, CROSS_DOSSIER_REASONS, type CrossDossierReason } from './cross-dossier';

/**
 * The doors of a request context for work beyond the session's own dossier (issue 8, item 2):
 * `inDossier` (one named dossier, every statement still scoped) and `acrossDossiers` (a narrow
 * door of reads across dossiers, never the manager). Through the real database; the file's SQL
 * audit fails it on any statement left unscoped outside `acrossDossiers`.
 */
describe('the doors beyond the session’s dossier', () => {
  let t: TestApp;
  let mineDossier: string;
  let theirDossier: string;
  let mine: string;
  let theirs: string;
  let support: RequestContext;
  let member: RequestContext;

  /** The offenders `work` added to the file's audit, taken out so that the file itself passes. */
  async function unscoped(work: () => Promise<unknown>): Promise<string[]> {
    const before = sqlAudit.offenders.length;
    await work();
    return sqlAudit.offenders.splice(before).flatMap((o) => o.tables);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const a = await createDossier(t, { profiles: [Profile.OWNER] });
    const b = await createDossier(t, { profiles: [Profile.OWNER] });
    mineDossier = a.dossier.id;
    theirDossier = b.dossier.id;
    mine = (await createCustomer(a.client(Profile.OWNER), 'Atelier A')).id;
    theirs = (await createCustomer(b.client(Profile.OWNER), 'Atelier B')).id;
    support = await (await createSupportClient(t)).client.context();
    member = await a.client(Profile.OWNER).context();
  });
  afterAll(() => t.close());

  describe('ctx.inDossier(dossierId, reason)', () => {
    it('is bound to the named dossier: its scoped reads see that dossier’s rows only, each statement with its dossier condition', async () => {
      const inA = support.inDossier(mineDossier, 'supportDesk');
      expect(inA.dossierId).toBe(mineDossier);
      expect(inA.userId).toBe(support.userId);
      const { result, statements } = await t.queries.measure(() => inA.scoped(Customer).find({ order: { legalName: 'ASC' } }));
      expect(result.map((c) => c.id)).toEqual([mine]);
      expect(statements.every((sql) => /dossierId/.test(sql))).toBe(true);
      expect(await inA.scoped(Customer).findByIds([mine, theirs])).toHaveLength(1);
      const inB = support.inDossier(theirDossier, 'platformAdmin');
      expect((await inB.scoped(Customer).find()).map((c) => c.id)).toEqual([theirs]);
    });

    it('writes land in the named dossier, and a row of another dossier stays out of reach', async () => {
      const inB = support.inDossier(theirDossier, 'platformAdmin');
      expect(await inB.scoped(Customer).update({ id: mine }, { city: 'Piraté' })).toBe(0);
      expect(await inB.scoped(Customer).update({ id: theirs }, { city: 'Lyon' })).toBe(1);
      expect((await support.inDossier(theirDossier, 'platformAdmin').scoped(Customer).get(theirs)).city).toBe('Lyon');
      await expect(support.inDossier(theirDossier, 'platformAdmin').scoped(Customer).get(mine)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('names the dossier and the reason in its log lines', () => {
      expect(support.inDossier(mineDossier, 'platformAdmin').log.bindings()).toMatchObject({ userId: support.userId, dossierId: mineDossier, actingFor: 'platformAdmin' });
      expect(support.log.bindings()).not.toHaveProperty('actingFor');
    });

    it('needs no exemption from the SQL audit: nothing it runs is left unscoped', async () => {
      const inA = support.inDossier(mineDossier, 'supportDesk');
      expect(await unscoped(() => inA.scoped(Customer).find())).toEqual([]);
      expect(await unscoped(() => inA.scoped(Customer).count())).toEqual([]);
    });

    it('works in the caller’s transaction: rolled back with it', async () => {
      await expect(
        support.transaction(async (tx) => {
          const inB = tx.inDossier(theirDossier, 'supportDesk');
          expect(inB.inTransaction).toBe(true);
          await inB.scoped(Customer).update({ id: theirs }, { city: 'Rollback' });
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      expect((await support.inDossier(theirDossier, 'supportDesk').scoped(Customer).get(theirs)).city).toBe('Lyon');
    });

    it('refuses a reason that is not in CROSS_DOSSIER_REASONS', () => {
      expect(() => support.inDossier(mineDossier, 'curiosity' as CrossDossierReason)).toThrow(/not a cross-dossier reason/);
      expect(() => support.inDossier(mineDossier, 'toString' as CrossDossierReason)).toThrow(/not a cross-dossier reason/);
    });

    it('is for the support team only: a member cannot step into another dossier through it', () => {
      expect(() => member.inDossier(theirDossier, 'supportDesk')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
      expect(() => member.inDossier(mineDossier, 'platformAdmin')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    });

    it('needs a dossier id', () => {
      expect(() => support.inDossier('', 'supportDesk')).toThrow(/dossier id/);
    });
  });

  describe('ctx.acrossDossiers(reason, work)', () => {
    it('hands a door of reads, not the manager: no em, manager, connection or repository getter', async () => {
      const keys = await support.acrossDossiers('supportDesk', async (data) => {
        // @ts-expect-error the door has no manager
        expect(data.manager).toBeUndefined();
        // @ts-expect-error nor an `em`
        expect(data.em).toBeUndefined();
        // @ts-expect-error nor a connection
        expect(data.connection).toBeUndefined();
        // @ts-expect-error nor a raw repository
        expect(data.getRepository).toBeUndefined();
        expect(Object.isFrozen(data)).toBe(true);
        return Object.keys(data).sort();
      });
      expect(keys).toEqual(['find', 'findOne', 'reason', 'select']);
    });

    it('reads rows of every dossier, its statements exempt from the audit for the reason given', async () => {
      const found = await unscoped(async () => {
        const rows = await support.acrossDossiers('supportDesk', (data) => data.find(Customer, { order: { legalName: 'ASC' } }));
        expect(rows.map((c) => c.id)).toEqual(expect.arrayContaining([mine, theirs]));
        const one = await support.acrossDossiers('platformAdmin', (data) => data.findOne(Customer, { where: { id: theirs } }));
        expect(one?.dossierId).toBe(theirDossier);
        const ids = await support.acrossDossiers('supportDesk', (data) =>
          data.select(Customer, 'c').innerJoin(Dossier, 'd', 'd.id = c.dossierId').where('c.id IN (:...ids)', { ids: [mine, theirs] }).orderBy('c.legalName').getMany(),
        );
        expect(ids.map((c) => c.id)).toEqual([mine, theirs]);
      });
      expect(found).toEqual([]);
    });

    it('takes the lock in the caller’s transaction, and refuses a lock outside one (on every dialect)', async () => {
      await support.transaction(async (tx) => {
        const row = await tx.acrossDossiers('platformAdmin', (data) => data.findOne(Customer, { where: { id: mine }, lock: true }));
        expect(row?.id).toBe(mine);
      });
      await expect(support.acrossDossiers('platformAdmin', (data) => data.findOne(Customer, { where: { id: mine }, lock: true }))).rejects.toThrow(/needs a transaction/);
    });

    it('leaves memberships to ctx.platform: a platform table that names its dossier, by type and at run time', async () => {
      const rows = await support.platform(Membership).find({ where: { dossierId: In([mineDossier, theirDossier]) } });
      expect(rows.map((m) => m.dossierId).sort()).toEqual([mineDossier, theirDossier].sort());
      // In one dossier's scope too (a job's context reads its actor's membership so).
      expect(await support.inDossier(theirDossier, 'supportDesk').scoped(Membership).count()).toBe(1);
    });

    it('closes with its work: the door kept for later refuses to read', async () => {
      let kept: Parameters<Parameters<RequestContext['acrossDossiers']>[1]>[0] | null = null;
      await support.acrossDossiers('supportDesk', async (data) => {
        kept = data;
      });
      expect(() => kept!.find(Customer)).toThrow(/closed/);
      expect(() => kept!.select(Customer, 'c')).toThrow(/closed/);
      // And what runs after it is audited again.
      expect(await unscoped(() => t.app.dataSource.query('SELECT COUNT(*) AS n FROM `customers`'))).toEqual(['customers']);
    });

    it('refuses a reason that is not in CROSS_DOSSIER_REASONS, before running any work', async () => {
      const work = jest.fn(async () => 1);
      await expect(support.acrossDossiers('curiosity' as CrossDossierReason, work)).rejects.toThrow(/not a cross-dossier reason/);
      await expect(acrossDossiers('hasOwnProperty' as CrossDossierReason, work)).rejects.toThrow(/not a cross-dossier reason/);
      expect(work).not.toHaveBeenCalled();
      expect(Object.keys(CROSS_DOSSIER_REASONS).sort()).toEqual(['platformAdmin', 'supportDesk']);
    });
  });
});

import { Profile } from '@comptoir/schema';
import { createTestApp, type TestApp } from '../../test/harness';
import { createDossier } from '../../test/fixtures';
import { createCustomer } from '../modules/documents/document.test-kit';
import { Customer } from '../modules/parties/party.entity';
import { HistoryChainHead } from '../modules/history/history-entry.entity';
import { User } from '../modules/identity/user.entity';

describe('the scoped query builder', () => {
  let t: TestApp;
  let mine: string;
  let theirs: string;
  let ctx: Awaited<ReturnType<ReturnType<Awaited<ReturnType<typeof createDossier>>['client']>['context']>>;
  beforeAll(async () => {
    t = await createTestApp();
    const a = await createDossier(t, { profiles: [Profile.OWNER] });
    const b = await createDossier(t, { profiles: [Profile.OWNER] });
    mine = (await createCustomer(a.client(Profile.OWNER), 'Atelier Mien')).id;
    theirs = (await createCustomer(b.client(Profile.OWNER), 'Atelier Autre')).id;
    ctx = await a.client(Profile.OWNER).context();
  });
  afterAll(() => t.close());

  it('keeps the dossier condition when a later where() is added: it is ANDed, not replaced', async () => {
    const rows = await ctx.scoped(Customer).query('c').where('c.id IN (:...ids)', { ids: [mine, theirs] }).getMany();
    expect(rows.map((r) => r.id)).toEqual([mine]);
    const byIds = await ctx.scoped(Customer).query('c').whereInIds([mine, theirs]).getMany();
    expect(byIds.map((r) => r.id)).toEqual([mine]);
  });

  it('refuses orWhere (it would escape the dossier by precedence) and re-binding the scope parameter', () => {
    expect(() => ctx.scoped(Customer).query('c').orWhere('c.id = :id', { id: theirs })).toThrow(/escape the dossier/);
    expect(() => ctx.scoped(Customer).query('c').setParameter('scopeDossierId', 'another')).toThrow(/cannot be re-bound/);
    expect(() => ctx.scoped(Customer).query('c').setParameters({ scopeDossierId: 'another' })).toThrow(/cannot be re-bound/);
  });

  it('opens platform tables through ctx.platform, and refuses dossier data there (by type and at run time)', async () => {
    expect(await ctx.platform(User).countBy({ id: ctx.userId })).toBe(1);
    // @ts-expect-error a table of dossier data is not a platform table: ctx.scoped(Customer)
    expect(() => ctx.platform(Customer)).toThrow(/holds dossier data/);
    // Keyed by its dossier (no scoped base class): refused at run time too.
    expect(() => ctx.platform(HistoryChainHead)).toThrow(/holds dossier data/);
  });

  it('reports a row of another dossier as missing on update', async () => {
    expect(await ctx.scoped(Customer).update({ id: theirs }, { legalName: 'Piraté' })).toBe(0);
    expect(await ctx.scoped(Customer).update({ id: mine }, { legalName: 'Atelier Mien bis' })).toBe(1);
  });
});

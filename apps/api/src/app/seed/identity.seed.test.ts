import { Profile } from '@comptoir/schema';
import { createTestApp, type TestApp } from '../../../test/harness';
import { sessionFor } from '../../../test/fixtures';
import { Membership } from '../../modules/identity/membership.entity';
import { verifyPassword } from '../../modules/identity/password';
import { User } from '../../modules/identity/user.entity';
import { SeatOrder } from '../../modules/dossiers/seat-order.entity';
import { DEMO_PASSWORD, seedIdentity, type DemoIdentity } from './identity.seed';
import { describeLogins } from '.';

describe('demo identity data', () => {
  let t: TestApp;
  let demo: DemoIdentity;
  beforeAll(async () => {
    t = await createTestApp();
    demo = await seedIdentity(t.app);
  });
  afterAll(() => t.close());

  it('gives Atelier Dupont SARL one user of each profile on TPE_PLUS, with a free seat left', async () => {
    expect(Object.keys(demo.members).sort()).toEqual([...Object.values(Profile)].sort());
    const owner = await sessionFor(t, demo.owner.id, demo.dossier.id);
    const { dossierUsers, mySubscription } = await owner.data<{
      dossierUsers: { members: { email: string; profile: string; isPrincipal: boolean }[] };
      mySubscription: { plan: string; seatsUsed: number; totalSeats: number; seatsAvailable: number; accountants: number; orders: { status: string; createdAt: string }[] };
    }>('{ dossierUsers { members { email profile isPrincipal } } mySubscription { plan seatsUsed totalSeats seatsAvailable accountants orders { status createdAt } } }');
    expect(dossierUsers.members[0]).toEqual({ email: 'claire@atelier-dupont.fr', profile: 'OWNER', isPrincipal: true });
    expect(dossierUsers.members.map((m) => m.profile).sort()).toEqual(['ACCOUNTANT', 'ACHAT', 'ADV', 'COMMERCIAL', 'OWNER']);
    expect(mySubscription).toMatchObject({ plan: 'TPE_PLUS', seatsUsed: 4, totalSeats: 5, seatsAvailable: 1, accountants: 1 });
    expect(mySubscription.orders.map((o) => o.status)).toEqual(['PENDING_PAYMENT', 'PAID']);
    expect(await t.app.dataSource.getRepository(SeatOrder).countBy({ dossierId: demo.dossier.id })).toBe(2);
  });

  it('gives the owner and the accountant two dossiers each (the picker) and lists every login with the demo password', async () => {
    const memberships = t.app.dataSource.getRepository(Membership);
    expect(await memberships.countBy({ userId: demo.owner.id })).toBe(2);
    expect(await memberships.countBy({ userId: demo.members.ACCOUNTANT.id, profile: Profile.ACCOUNTANT })).toBe(2);
    expect(demo.support.platformRole).toBe('SUPPORT');
    expect(await memberships.countBy({ userId: demo.support.id })).toBe(0);
    const emails = demo.logins.map((l) => l.email);
    expect(emails).toEqual(expect.arrayContaining(['claire@atelier-dupont.fr', 'support@comptoir.fr', demo.members.ACCOUNTANT.email]));
    for (const login of demo.logins) {
      const user = await t.app.dataSource.getRepository(User).findOneByOrFail({ email: login.email });
      expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
    const printed = describeLogins({ logins: demo.logins });
    for (const email of emails) expect(printed).toContain(email);
  });
});

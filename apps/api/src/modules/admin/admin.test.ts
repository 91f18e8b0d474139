import { IsNull } from 'typeorm';
import { Plan, Profile } from '@comptoir/schema';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness';
import { createDossier, createSupportClient, createUser, sessionFor, type FixtureDossier } from '../../../test/fixtures';
import { startSmtpServer } from '../../../test/smtp';
import { Dossier } from '../identity/dossier.entity';
import { Membership } from '../identity/membership.entity';
import { Session } from '../identity/session.entity';
import { User } from '../identity/user.entity';
import { AdminAction, AdminActionKind } from './admin-action.entity';

const ADD_USER = `mutation($d: ID!, $input: AdminAddUserInput!) { adminAddUser(dossierId: $d, input: $input) { userId email name profile isPrincipal active } }`;
const CHANGE_PROFILE = `mutation($d: ID!, $u: ID!, $p: Profile!) { adminChangeProfile(dossierId: $d, userId: $u, profile: $p) { userId profile } }`;
const REMOVE_USER = `mutation($d: ID!, $u: ID!) { adminRemoveUser(dossierId: $d, userId: $u) }`;
const CHANGE_PLAN = `mutation($d: ID!, $p: Plan!) { adminChangePlan(dossierId: $d, plan: $p) { plan seats { totalSeats seatsUsed accountantAccess } } }`;
const MARK_PAID = `mutation($o: ID!, $r: String) { adminMarkSeatOrderPaid(orderId: $o, reference: $r) { id status paidAt markedPaidByName receivedReference dossierId } }`;
const CANCEL_ORDER = `mutation($o: ID!) { adminCancelSeatOrder(orderId: $o) { id status } }`;
const CHANGE_EMAIL = `mutation($u: ID!, $e: String!) { adminChangeLoginEmail(userId: $u, newEmail: $e) { id email memberships { dossierName profile isPrincipal } } }`;
const SEARCH_DOSSIERS = `query($q: String!) { adminSearchDossiers(query: $q) { id name siret plan members principalEmail } }`;
const SEARCH_USERS = `query($q: String!) { adminSearchUsers(query: $q) { id email name active memberships { dossierId dossierName profile isPrincipal } } }`;
const DOSSIER = `query($id: ID!) { adminDossier(id: $id) { id name plan seats { plan totalSeats seatsUsed seatsAvailable extraSeats accountants }
  members { userId email profile isPrincipal } seatOrders { id status quantity } recentActions { kind supportUserEmail targetUserEmail detail } } }`;
const ACTIONS = `query($d: ID) { adminActions(dossierId: $d) { id kind createdAt supportUserId supportUserEmail dossierId dossierName targetUserId targetUserEmail detail } }`;
const OUTBOX = `query($first: Int, $after: String) { adminOutbox(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id to subject text status createdAt } } }`;
const ORDER_SEATS = `mutation($q: Int!) { orderSeats(quantity: $q) { id status } }`;
const SUBSCRIPTION = `{ mySubscription { extraSeats totalSeats seatsUsed seatsAvailable } }`;

interface ActionRow {
  kind: string;
  supportUserId: string;
  dossierId: string | null;
  targetUserId: string | null;
  targetUserEmail: string | null;
  detail: string;
}

describe('the support team’s admin API', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let support: { user: User; client: TestClient };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'http://comptoir.test' } });
    support = await createSupportClient(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const addUser = (d: FixtureDossier, email: string, profile: Profile, extra: Record<string, unknown> = {}) =>
    support.client.exec<{ adminAddUser: { userId: string; profile: string; active: boolean } }>(ADD_USER, {
      d: d.dossier.id,
      input: { email, name: `User ${email}`, profile, ...extra },
    });

  const actionsOn = async (dossierId: string): Promise<ActionRow[]> =>
    (await support.client.data<{ adminActions: ActionRow[] }>(ACTIONS, { d: dossierId })).adminActions;

  const membersOf = (dossierId: string) => t.app.dataSource.getRepository(Membership).countBy({ dossierId });

  describe('who may use it', () => {
    it('refuses every admin operation to non-support sessions (FORBIDDEN) and to anonymous callers', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV, Profile.ACCOUNTANT] });
      const unbound = await sessionFor(t, (await createUser(t)).id, null);
      const id = d.dossier.id;
      const u = d.as.ADV!.user.id;
      const operations: [string, Record<string, unknown>][] = [
        [SEARCH_DOSSIERS, { q: 'x' }],
        [SEARCH_USERS, { q: 'x' }],
        [DOSSIER, { id }],
        [ACTIONS, { d: id }],
        [OUTBOX, { first: 5 }],
        [ADD_USER, { d: id, input: { email: 'intruder@example.test', name: 'I', profile: 'ADV' } }],
        [CHANGE_PROFILE, { d: id, u, p: 'COMMERCIAL' }],
        [REMOVE_USER, { d: id, u }],
        [CHANGE_PLAN, { d: id, p: 'SOLO' }],
        [MARK_PAID, { o: id }],
        [CANCEL_ORDER, { o: id }],
        [CHANGE_EMAIL, { u, e: 'hijack@example.test' }],
      ];
      for (const [query, vars] of operations) {
        const name = /\{\s*(\w+)/.exec(query)![1];
        for (const client of [d.client(Profile.OWNER), d.client(Profile.ADV), d.client(Profile.ACCOUNTANT), unbound]) {
          expect([name, await client.errorCode(query, vars)]).toEqual([name, 'FORBIDDEN']);
        }
        expect([name, await t.client().errorCode(query, vars)]).toEqual([name, 'UNAUTHENTICATED']);
      }
      expect(await membersOf(id)).toBe(3);
      expect(await t.app.dataSource.getRepository(AdminAction).countBy({ dossierId: id })).toBe(0);
      expect((await t.app.dataSource.getRepository(User).findOneByOrFail({ id: u })).email).toBe(d.as.ADV!.user.email);
    });

    it('gives a support session no dossier data (no dossier is bound to it)', async () => {
      for (const query of [SUBSCRIPTION, '{ dossierSettings { name } }', '{ dossierUsers { members { email } } }']) {
        expect(['DOSSIER_NOT_SELECTED', 'FORBIDDEN']).toContain(await support.client.errorCode(query));
      }
      expect(['DOSSIER_NOT_SELECTED', 'FORBIDDEN']).toContain(await support.client.errorCode(ORDER_SEATS, { q: 1 }));
    });
  });

  describe('plans and seats', () => {
    it('refuses a second user on SOLO (PLAN_LIMIT) and writes nothing', async () => {
      const d = await createDossier(t, { plan: Plan.SOLO, extraSeats: 3 });
      const result = await addUser(d, 'second-solo@example.test', Profile.ADV);
      expect(result.errors?.[0]?.extensions?.code).toBe('PLAN_LIMIT');
      expect(result.errors?.[0]?.message).toMatch(/SOLO.*1 login/);
      expect(await membersOf(d.dossier.id)).toBe(1);
      expect(await t.app.dataSource.getRepository(User).countBy({ email: 'second-solo@example.test' })).toBe(0);
      expect(await actionsOn(d.dossier.id)).toEqual([]);
    });

    it('refuses a third user on TPE until an extra seat is paid; a pending order does not count', async () => {
      const d = await createDossier(t, { plan: Plan.TPE, extraSeats: 0, profiles: [Profile.OWNER, Profile.ADV] });
      expect((await addUser(d, 'third-tpe@example.test', Profile.COMMERCIAL)).errors?.[0]?.extensions?.code).toBe('PLAN_LIMIT');

      const { orderSeats } = await d.client(Profile.OWNER).data<{ orderSeats: { id: string; status: string } }>(ORDER_SEATS, { q: 1 });
      expect(orderSeats.status).toBe('PENDING_PAYMENT');
      expect((await addUser(d, 'third-tpe@example.test', Profile.COMMERCIAL)).errors?.[0]?.extensions?.code).toBe('PLAN_LIMIT');

      const { adminMarkSeatOrderPaid: paid } = await support.client.data<{ adminMarkSeatOrderPaid: Record<string, unknown> }>(MARK_PAID, {
        o: orderSeats.id,
        r: 'VIR 2026-11-29 DUPONT',
      });
      expect(paid).toMatchObject({ status: 'PAID', markedPaidByName: 'Support', receivedReference: 'VIR 2026-11-29 DUPONT', dossierId: d.dossier.id });
      expect(paid.paidAt).toBeTruthy();
      expect((await t.app.dataSource.getRepository(Dossier).findOneByOrFail({ id: d.dossier.id })).extraSeats).toBe(1);
      expect((await d.client(Profile.OWNER).data<{ mySubscription: Record<string, number> }>(SUBSCRIPTION)).mySubscription).toEqual({
        extraSeats: 1,
        totalSeats: 3,
        seatsUsed: 2,
        seatsAvailable: 1,
      });

      const added = await addUser(d, 'third-tpe@example.test', Profile.COMMERCIAL);
      expect(added.errors).toBeUndefined();
      expect((await addUser(d, 'fourth-tpe@example.test', Profile.ACHAT)).errors?.[0]?.extensions?.code).toBe('PLAN_LIMIT');

      // Paying twice is refused and adds no seat.
      expect(await support.client.errorCode(MARK_PAID, { o: orderSeats.id })).toBe('CONFLICT');
      expect((await t.app.dataSource.getRepository(Dossier).findOneByOrFail({ id: d.dossier.id })).extraSeats).toBe(1);

      const paidAction = (await actionsOn(d.dossier.id)).find((a) => a.kind === AdminActionKind.MARK_SEAT_ORDER_PAID)!;
      expect(paidAction.supportUserId).toBe(support.user.id);
      expect(JSON.parse(paidAction.detail)).toMatchObject({
        before: { status: 'PENDING_PAYMENT', extraSeats: 0 },
        after: { status: 'PAID', extraSeats: 1 },
        orderId: orderSeats.id,
        quantity: 1,
        receivedReference: 'VIR 2026-11-29 DUPONT',
      });
    });

    it('adds an accountant without a seat on TPE_PLUS and refuses one on TPE', async () => {
      const plus = await createDossier(t, { plan: Plan.TPE_PLUS, extraSeats: 0, profiles: [Profile.OWNER, Profile.ADV] });
      const added = await addUser(plus, 'expert@cabinet.test', Profile.ACCOUNTANT, { firmName: 'Cabinet Lefèvre', phone: '+33 1 00 00 00 00' });
      expect(added.errors).toBeUndefined();
      expect(added.data?.adminAddUser.profile).toBe('ACCOUNTANT');
      const { adminDossier } = await support.client.data<{ adminDossier: { seats: Record<string, unknown> } }>(DOSSIER, { id: plus.dossier.id });
      expect(adminDossier.seats).toMatchObject({ totalSeats: 2, seatsUsed: 2, seatsAvailable: 0, accountants: 1 });

      const tpe = await createDossier(t, { plan: Plan.TPE, extraSeats: 5 });
      const refused = await addUser(tpe, 'expert@cabinet.test', Profile.ACCOUNTANT);
      expect(refused.errors?.[0]?.extensions?.code).toBe('PLAN_LIMIT');
      expect(refused.errors?.[0]?.message).toMatch(/TPE\+/);
      expect(await membersOf(tpe.dossier.id)).toBe(1);
    });

    it('refuses a downgrade that leaves more users than seats or drops the accountant’s access', async () => {
      const d = await createDossier(t, { plan: Plan.TPE_PLUS, extraSeats: 1, profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACCOUNTANT] });
      const toSolo = await support.client.exec(CHANGE_PLAN, { d: d.dossier.id, p: 'SOLO' });
      expect(toSolo.errors?.[0]?.extensions?.code).toBe('PLAN_LIMIT');
      expect(toSolo.errors?.[0]?.message).toMatch(/allows 1 login\(s\) but the dossier has 3 users/);
      const toTpe = await support.client.exec(CHANGE_PLAN, { d: d.dossier.id, p: 'TPE' });
      expect(toTpe.errors?.[0]?.extensions?.code).toBe('PLAN_LIMIT');
      expect(toTpe.errors?.[0]?.message).toMatch(/accountant/);
      expect((await t.app.dataSource.getRepository(Dossier).findOneByOrFail({ id: d.dossier.id })).plan).toBe('TPE_PLUS');

      // Without the accountant, TPE fits (2 included + 1 paid seat for 3 users).
      await support.client.data(REMOVE_USER, { d: d.dossier.id, u: d.as.ACCOUNTANT!.user.id });
      const { adminChangePlan } = await support.client.data<{ adminChangePlan: { plan: string; seats: Record<string, unknown> } }>(CHANGE_PLAN, {
        d: d.dossier.id,
        p: 'TPE',
      });
      expect(adminChangePlan).toEqual({ plan: 'TPE', seats: { totalSeats: 3, seatsUsed: 3, accountantAccess: false } });
      const planAction = (await actionsOn(d.dossier.id)).find((a) => a.kind === AdminActionKind.CHANGE_PLAN)!;
      expect(JSON.parse(planAction.detail)).toEqual({ before: { plan: 'TPE_PLUS' }, after: { plan: 'TPE' } });
    });
  });

  describe('users of a dossier', () => {
    it('invites a new user by e-mail with a link to set a password', async () => {
      const d = await createDossier(t, { name: 'Boulangerie Morel', plan: Plan.TPE, extraSeats: 1 });
      const result = await addUser(d, '  Nouveau.Commercial@Example.TEST ', Profile.COMMERCIAL, { phone: '06 12 34 56 78' });
      expect(result.errors).toBeUndefined();
      expect(result.data?.adminAddUser).toMatchObject({ profile: 'COMMERCIAL', active: false });
      const user = await t.app.dataSource.getRepository(User).findOneByOrFail({ email: 'nouveau.commercial@example.test' });
      expect(user.passwordHash).toBeNull();
      expect(user.phone).toBe('06 12 34 56 78');
      const mail = await smtp.waitFor('nouveau.commercial@example.test');
      expect(mail.text).toMatch(/http:\/\/comptoir\.test\/\S+/);
      expect(mail.text).toContain('Boulangerie Morel');

      const [action] = await actionsOn(d.dossier.id);
      expect(action).toMatchObject({ kind: 'ADD_USER', supportUserId: support.user.id, dossierId: d.dossier.id, targetUserId: user.id });
      expect(JSON.parse(action.detail)).toMatchObject({ before: null, after: { email: 'nouveau.commercial@example.test', profile: 'COMMERCIAL' }, newUser: true });
    });

    it('gives an existing login a new membership, without a new user or an invitation', async () => {
      const first = await createDossier(t, { plan: Plan.TPE, profiles: [Profile.OWNER, Profile.ADV], withPasswords: true });
      const second = await createDossier(t, { plan: Plan.TPE, extraSeats: 0 });
      const existing = first.as.ADV!.user;
      const sent = smtp.messages.length;
      const result = await addUser(second, existing.email.toUpperCase(), Profile.ACHAT);
      expect(result.errors).toBeUndefined();
      expect(result.data?.adminAddUser.userId).toBe(existing.id);
      expect(await t.app.dataSource.getRepository(Membership).countBy({ userId: existing.id })).toBe(2);
      // Already a member: refused, nothing written.
      expect((await addUser(second, existing.email, Profile.ADV)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
      const { adminSearchUsers } = await support.client.data<{ adminSearchUsers: { id: string; memberships: { dossierId: string; profile: string }[] }[] }>(SEARCH_USERS, {
        q: existing.email,
      });
      expect(adminSearchUsers[0].memberships.map((m) => m.dossierId).sort()).toEqual([first.dossier.id, second.dossier.id].sort());
      // They already have a password: told of the new access, not invited.
      const mail = await smtp.waitFor(existing.email);
      expect(mail.text).toContain(`Vous avez désormais accès au dossier « ${second.dossier.name} »`);
      expect(mail.text).not.toMatch(/mot de passe.*lien|token=/i);
      expect(smtp.messages.slice(sent).filter((m) => m.to.includes(existing.email))).toHaveLength(1);
    });

    it('refuses to give the OWNER profile and to add a support account', async () => {
      const d = await createDossier(t, { plan: Plan.TPE, extraSeats: 3 });
      const owner = await addUser(d, 'second-owner@example.test', Profile.OWNER);
      expect(owner.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.profile' });
      expect((await addUser(d, support.user.email, Profile.ADV)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect((await addUser(d, 'not-an-email', Profile.ADV)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
      expect(await membersOf(d.dossier.id)).toBe(1);
    });

    it('changes a profile, never the principal user’s, and respects seats and accountant access', async () => {
      const d = await createDossier(t, { plan: Plan.TPE_PLUS, extraSeats: 0, profiles: [Profile.OWNER, Profile.ADV, Profile.ACCOUNTANT] });
      const adv = d.as.ADV!.user.id;
      const { adminChangeProfile } = await support.client.data<{ adminChangeProfile: { profile: string } }>(CHANGE_PROFILE, { d: d.dossier.id, u: adv, p: 'COMMERCIAL' });
      expect(adminChangeProfile.profile).toBe('COMMERCIAL');
      // The member's open session now carries the new profile.
      expect(await d.client(Profile.ADV).errorCode(SUBSCRIPTION)).toBe('FORBIDDEN');
      const [action] = await actionsOn(d.dossier.id);
      expect(action).toMatchObject({ kind: 'CHANGE_PROFILE', targetUserId: adv });
      expect(JSON.parse(action.detail)).toEqual({ before: { profile: 'ADV' }, after: { profile: 'COMMERCIAL' } });

      const principal = d.as.OWNER!.user.id;
      expect(await support.client.errorCode(CHANGE_PROFILE, { d: d.dossier.id, u: principal, p: 'ADV' })).toBe('CONFLICT');
      expect(await support.client.errorCode(CHANGE_PROFILE, { d: d.dossier.id, u: adv, p: 'OWNER' })).toBe('BAD_USER_INPUT');
      // The accountant would need a seat to become ADV: none is free.
      expect(await support.client.errorCode(CHANGE_PROFILE, { d: d.dossier.id, u: d.as.ACCOUNTANT!.user.id, p: 'ADV' })).toBe('PLAN_LIMIT');
      // Unknown member of this dossier.
      const stranger = (await createDossier(t)).as.OWNER!.user.id;
      expect(await support.client.errorCode(CHANGE_PROFILE, { d: d.dossier.id, u: stranger, p: 'ADV' })).toBe('NOT_FOUND');
      const profiles = await t.app.dataSource.getRepository(Membership).findBy({ dossierId: d.dossier.id });
      expect(profiles.map((m) => m.profile).sort()).toEqual(['ACCOUNTANT', 'COMMERCIAL', 'OWNER']);
    });

    it('removes a user (never the principal one) and revokes their sessions bound to that dossier', async () => {
      const d = await createDossier(t, { plan: Plan.TPE, profiles: [Profile.OWNER, Profile.ADV] });
      const elsewhere = await createDossier(t, { plan: Plan.TPE });
      const adv = d.as.ADV!.user;
      const memberships = t.app.dataSource.getRepository(Membership);
      await memberships.save(memberships.create({ userId: adv.id, dossierId: elsewhere.dossier.id, profile: Profile.ADV, isPrincipal: false }));
      const otherSession = await sessionFor(t, adv.id, elsewhere.dossier.id);

      const principal = await support.client.exec(REMOVE_USER, { d: d.dossier.id, u: d.as.OWNER!.user.id });
      expect(principal.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(principal.errors?.[0]?.message).toMatch(/principal user cannot be removed/);

      expect(await support.client.data(REMOVE_USER, { d: d.dossier.id, u: adv.id })).toEqual({ adminRemoveUser: true });
      expect(await t.app.dataSource.getRepository(Membership).countBy({ dossierId: d.dossier.id, userId: adv.id })).toBe(0);
      expect(await t.app.dataSource.getRepository(Session).countBy({ userId: adv.id, dossierId: d.dossier.id, revokedAt: IsNull() })).toBe(0);
      expect(await d.client(Profile.ADV).errorCode(SUBSCRIPTION)).toBe('UNAUTHENTICATED');
      // Their session in the other dossier still works.
      expect(await otherSession.errorCode(SUBSCRIPTION)).toBeUndefined();

      const [action] = await actionsOn(d.dossier.id);
      expect(action).toMatchObject({ kind: 'REMOVE_USER', targetUserId: adv.id });
      expect(JSON.parse(action.detail)).toMatchObject({ before: { email: adv.email, profile: 'ADV' }, after: null, sessionsRevoked: 1 });
      expect(await support.client.errorCode(REMOVE_USER, { d: d.dossier.id, u: adv.id })).toBe('NOT_FOUND');
    });

    it('changes a login e-mail, refuses one already taken, and tells both addresses', async () => {
      const d = await createDossier(t, { name: 'Garage Petit', profiles: [Profile.OWNER, Profile.ADV] });
      const owner = d.as.OWNER!.user;
      const taken = await support.client.exec(CHANGE_EMAIL, { u: owner.id, e: `  ${d.as.ADV!.user.email.toUpperCase()} ` });
      expect(taken.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(taken.errors?.[0]?.message).toContain('already the login of another user');
      expect(await support.client.errorCode(CHANGE_EMAIL, { u: owner.id, e: 'nope' })).toBe('BAD_USER_INPUT');
      expect(await support.client.errorCode(CHANGE_EMAIL, { u: '00000000-0000-4000-8000-000000000000', e: 'x@example.test' })).toBe('NOT_FOUND');

      const { adminChangeLoginEmail } = await support.client.data<{ adminChangeLoginEmail: { email: string; memberships: { dossierName: string; isPrincipal: boolean }[] } }>(
        CHANGE_EMAIL,
        { u: owner.id, e: 'Patron@Garage-Petit.TEST' },
      );
      expect(adminChangeLoginEmail).toEqual({ id: owner.id, email: 'patron@garage-petit.test', memberships: [{ dossierName: 'Garage Petit', profile: 'OWNER', isPrincipal: true }] });
      const toOld = await smtp.waitFor(owner.email);
      const toNew = await smtp.waitFor('patron@garage-petit.test');
      for (const mail of [toOld, toNew]) {
        expect(mail.text).toContain(owner.email);
        expect(mail.text).toContain('patron@garage-petit.test');
      }
      expect((await t.app.dataSource.getRepository(User).findOneByOrFail({ id: owner.id })).email).toBe('patron@garage-petit.test');
      // The action shows in the dossier's log, as the user is one of its members.
      const [action] = await actionsOn(d.dossier.id);
      expect(action).toMatchObject({ kind: 'CHANGE_LOGIN_EMAIL', targetUserId: owner.id, targetUserEmail: 'patron@garage-petit.test', dossierId: null });
      expect(JSON.parse(action.detail)).toEqual({ before: { email: owner.email }, after: { email: 'patron@garage-petit.test' } });
    });
  });

  describe('seat orders', () => {
    it('cancels a pending order with an audit row; a cancelled or paid order answers CONFLICT', async () => {
      const d = await createDossier(t, { plan: Plan.TPE });
      const { orderSeats } = await d.client(Profile.OWNER).data<{ orderSeats: { id: string } }>(ORDER_SEATS, { q: 2 });
      const { adminCancelSeatOrder } = await support.client.data<{ adminCancelSeatOrder: { status: string } }>(CANCEL_ORDER, { o: orderSeats.id });
      expect(adminCancelSeatOrder.status).toBe('CANCELLED');
      expect(await support.client.errorCode(CANCEL_ORDER, { o: orderSeats.id })).toBe('CONFLICT');
      expect(await support.client.errorCode(MARK_PAID, { o: orderSeats.id })).toBe('CONFLICT');
      expect(await support.client.errorCode(MARK_PAID, { o: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
      const [action] = await actionsOn(d.dossier.id);
      expect(action.kind).toBe('CANCEL_SEAT_ORDER');
      expect(JSON.parse(action.detail)).toMatchObject({ before: { status: 'PENDING_PAYMENT' }, after: { status: 'CANCELLED' }, quantity: 2 });
      expect((await t.app.dataSource.getRepository(Dossier).findOneByOrFail({ id: d.dossier.id })).extraSeats).toBe(5);
    });
  });

  describe('search, dossier page, audit log and outbox', () => {
    it('finds dossiers by name, SIRET and member e-mail', async () => {
      const d = await createDossier(t, { name: 'Fromagerie Zébulon', profiles: [Profile.OWNER, Profile.ACHAT] });
      await t.app.dataSource.getRepository(Dossier).update({ id: d.dossier.id }, { siret: '73282932000074' });
      const search = async (q: string) =>
        (await support.client.data<{ adminSearchDossiers: { id: string; principalEmail: string; members: number }[] }>(SEARCH_DOSSIERS, { q })).adminSearchDossiers;
      for (const q of ['fromagerie zéb', '732 829 320', d.as.ACHAT!.user.email.toUpperCase()]) {
        const found = await search(q);
        expect([q, found.map((f) => f.id)]).toEqual([q, [d.dossier.id]]);
        expect(found[0]).toMatchObject({ principalEmail: d.as.OWNER!.user.email, members: 2 });
      }
      expect(await search('no such dossier 100%')).toEqual([]);
      expect(await support.client.errorCode(`{ adminSearchDossiers(query: "a", first: 500) { id } }`)).toBe('BAD_USER_INPUT');
    });

    it('shows a dossier’s plan, seats, members, orders and recent actions; an unknown id is NOT_FOUND', async () => {
      const d = await createDossier(t, { plan: Plan.TPE, extraSeats: 2, profiles: [Profile.OWNER, Profile.ADV] });
      await d.client(Profile.ADV).data(ORDER_SEATS, { q: 4 });
      await support.client.data(CHANGE_PROFILE, { d: d.dossier.id, u: d.as.ADV!.user.id, p: 'ACHAT' });
      const { adminDossier } = await support.client.data<{ adminDossier: Record<string, unknown> & { members: { isPrincipal: boolean; email: string }[] } }>(DOSSIER, {
        id: d.dossier.id,
      });
      expect(adminDossier).toMatchObject({
        plan: 'TPE',
        seats: { plan: 'TPE', totalSeats: 4, seatsUsed: 2, seatsAvailable: 2, extraSeats: 2, accountants: 0 },
        seatOrders: [{ status: 'PENDING_PAYMENT', quantity: 4 }],
        recentActions: [{ kind: 'CHANGE_PROFILE', supportUserEmail: support.user.email, targetUserEmail: d.as.ADV!.user.email }],
      });
      expect(adminDossier.members[0]).toMatchObject({ isPrincipal: true, email: d.as.OWNER!.user.email });
      expect(await support.client.errorCode(DOSSIER, { id: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
    });

    it('lists every action with who, when and what, newest first', async () => {
      const all = (await support.client.data<{ adminActions: (ActionRow & { createdAt: string; supportUserEmail: string })[] }>(ACTIONS, {})).adminActions;
      const kinds = new Set(all.map((a) => a.kind));
      for (const kind of Object.values(AdminActionKind)) expect(kinds).toContain(kind);
      expect(all.every((a) => a.supportUserEmail === support.user.email && a.createdAt)).toBe(true);
      const times = all.map((a) => Date.parse(a.createdAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(await t.app.dataSource.getRepository(AdminAction).count()).toBe(all.length);
    });

    it('reads the mail outbox newest first, page by page', async () => {
      const first = await support.client.data<{ adminOutbox: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string; to: string; subject: string; createdAt: string }[] } }>(
        OUTBOX,
        { first: 2 },
      );
      expect(first.adminOutbox.totalCount).toBeGreaterThan(2);
      expect(first.adminOutbox.nodes).toHaveLength(2);
      expect(first.adminOutbox.pageInfo.hasNextPage).toBe(true);
      const ids = new Set<string>();
      let after: string | null = null;
      const times: number[] = [];
      for (;;) {
        const page: { adminOutbox: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string; createdAt: string }[] } } = await support.client.data(OUTBOX, {
          first: 2,
          after,
        });
        for (const node of page.adminOutbox.nodes) {
          ids.add(node.id);
          times.push(Date.parse(node.createdAt));
        }
        if (!page.adminOutbox.pageInfo.hasNextPage) break;
        after = page.adminOutbox.pageInfo.endCursor;
      }
      expect(ids.size).toBe(first.adminOutbox.totalCount);
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      const subjects = (await support.client.data<{ adminOutbox: { nodes: { subject: string }[] } }>(OUTBOX, { first: 100 })).adminOutbox.nodes.map((n) => n.subject);
      expect(subjects).toContain('Votre adresse de connexion Comptoir a changé');
    });
  });
});

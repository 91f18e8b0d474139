import { Profile } from '@comptoir/schema';
import { IsNull } from 'typeorm';
import { SESSION_COOKIE } from '../../core/cookies';
import { createTestApp, type TestApp } from '../../../test/harness';
import { createDossier, createSupportClient, createUser, FIXTURE_PASSWORD } from '../../../test/fixtures';
import { Membership } from './membership.entity';
import { Session } from './session.entity';
import { User } from './user.entity';
import { INVALID_CREDENTIALS } from './identity.service';
import { decoyHash, passwordVerifier } from './password';
import { freshClient, LOGIN, LOGOUT, ME, SELECT, SIGN_UP, rowCounts, signUpInput, type MeData } from './identity.test-kit';

describe('identity: sign-up, login, dossier selection, sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A user with a password who is a member of the given dossiers (by profile). */
  async function multiDossierUser(names: string[]) {
    const user = await createUser(t, { password: FIXTURE_PASSWORD, name: 'Multi Dossier' });
    const dossiers = [];
    for (const [i, name] of names.entries()) {
      const d = await createDossier(t, { name, profiles: [Profile.ADV] });
      await t.app.dataSource.manager.save(
        t.app.dataSource.manager.create(Membership, { userId: user.id, dossierId: d.dossier.id, profile: i === 0 ? Profile.COMMERCIAL : Profile.ACHAT, isPrincipal: false }),
      );
      dossiers.push(d.dossier);
    }
    return { user, dossiers };
  }

  describe('signUp', () => {
    it('creates a dossier and its principal user (OWNER), and logs in bound to it', async () => {
      const c = freshClient(t);
      const input = signUpInput({ email: '  Lea.Fournier@Example.TEST ', plan: 'SOLO', siret: '812 345 678 00021', phone: '+33 6 00 00 00 00' });
      const { signUp } = await c.data<{ signUp: MeData }>(SIGN_UP, { input });
      expect(signUp.user.email).toBe('lea.fournier@example.test');
      expect(signUp.user.name).toBe('Léa Fournier');
      expect(signUp.dossier).toMatchObject({ name: input.dossierName, plan: 'SOLO' });
      expect(signUp.profile).toBe('OWNER');
      expect(signUp.isPrincipal).toBe(true);
      expect(signUp.dossiers).toHaveLength(1);
      expect(c.sessionToken).toBeTruthy();
      const { me } = await c.data<{ me: MeData }>(ME);
      expect(me.dossier?.id).toBe(signUp.dossier!.id);
      const membership = await t.app.dataSource.manager.findOneByOrFail(Membership, { userId: signUp.user.id });
      expect(membership).toMatchObject({ profile: 'OWNER', isPrincipal: true, dossierId: signUp.dossier!.id });
    });

    it('with an existing e-mail and its current password, adds a new dossier to the same user', async () => {
      const first = await freshClient(t).data<{ signUp: MeData }>(SIGN_UP, { input: signUpInput({ email: 'same@example.test' }) });
      const c = freshClient(t);
      const { signUp } = await c.data<{ signUp: MeData }>(SIGN_UP, {
        input: signUpInput({ email: ' SAME@example.test', name: 'Ignored Name', dossierName: 'Second SARL', plan: 'TPE_PLUS' }),
      });
      expect(signUp.user.id).toBe(first.signUp.user.id);
      expect(signUp.user.name).toBe('Léa Fournier');
      expect(signUp.dossier).toMatchObject({ name: 'Second SARL', plan: 'TPE_PLUS' });
      expect(signUp.profile).toBe('OWNER');
      expect(signUp.dossiers.map((d) => d.name).sort()).toEqual([first.signUp.dossier!.name, 'Second SARL'].sort());
      expect(await t.app.dataSource.manager.countBy(User, { email: 'same@example.test' })).toBe(1);
    });

    it('with an existing e-mail and another password, is refused with the generic error and creates nothing', async () => {
      await freshClient(t).data(SIGN_UP, { input: signUpInput({ email: 'taken@example.test' }) });
      const before = await rowCounts(t);
      const c = freshClient(t);
      const result = await c.exec(SIGN_UP, { input: signUpInput({ email: 'taken@example.test', password: 'Pas-le-bon-mot-de-passe' }) });
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.errors?.[0]?.message).toBe(INVALID_CREDENTIALS);
      expect(await rowCounts(t)).toEqual(before);
      expect(c.sessionToken).toBeUndefined();
    });

    it('refuses bad input with the field path and writes nothing', async () => {
      const before = await rowCounts(t);
      const cases: [Record<string, unknown>, string][] = [
        [{ password: 'court-123' }, 'input.password'],
        [{ email: 'not-an-email' }, 'input.email'],
        [{ email: '   ' }, 'input.email'],
        [{ name: '  ' }, 'input.name'],
        [{ name: 'x'.repeat(121) }, 'input.name'],
        [{ dossierName: '' }, 'input.dossierName'],
        [{ siret: '1234' }, 'input.siret'],
        [{ phone: '0'.repeat(41) }, 'input.phone'],
      ];
      for (const [overrides, field] of cases) {
        const result = await freshClient(t).exec(SIGN_UP, { input: signUpInput(overrides) });
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      expect(await rowCounts(t)).toEqual(before);
    });

    it('accepts a password of exactly 10 characters and refuses 9', async () => {
      expect(await freshClient(t).errorCode(SIGN_UP, { input: signUpInput({ password: '123456789' }) })).toBe('BAD_USER_INPUT');
      await freshClient(t).data(SIGN_UP, { input: signUpInput({ password: '1234567890' }) });
    });
  });

  describe('login', () => {
    it('with one dossier, binds the session to it', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER], withPasswords: true });
      const c = freshClient(t);
      const { login } = await c.data<{ login: MeData }>(LOGIN, { email: d.as.OWNER!.user.email.toUpperCase(), password: FIXTURE_PASSWORD });
      expect(login.dossier?.id).toBe(d.dossier.id);
      expect(login.profile).toBe('OWNER');
      expect(login.needsDossierSelection).toBe(false);
      const session = await t.app.dataSource.manager.findOneByOrFail(Session, { userId: d.as.OWNER!.user.id, ip: c.ip });
      expect(session.dossierId).toBe(d.dossier.id);
    });

    it('with several dossiers, lists them (name, profile) and binds nothing until selectDossier', async () => {
      const { user, dossiers } = await multiDossierUser(['Alpha SARL', 'Beta SAS']);
      const c = freshClient(t);
      const { login } = await c.data<{ login: MeData }>(LOGIN, { email: user.email, password: FIXTURE_PASSWORD });
      expect(login.dossier).toBeNull();
      expect(login.profile).toBeNull();
      expect(login.needsDossierSelection).toBe(true);
      expect(login.dossiers.map((d) => [d.name, d.profile])).toEqual([
        ['Alpha SARL', 'COMMERCIAL'],
        ['Beta SAS', 'ACHAT'],
      ]);
      // Unbound: dossier data answers DOSSIER_NOT_SELECTED.
      expect(await c.errorCode('{ articles { totalCount } }')).toBe('DOSSIER_NOT_SELECTED');
      const { selectDossier } = await c.data<{ selectDossier: MeData }>(SELECT, { id: dossiers[1].id });
      expect(selectDossier.dossier?.name).toBe('Beta SAS');
      expect(selectDossier.profile).toBe('ACHAT');
      expect((await c.data<{ me: MeData }>(ME)).me.dossier?.id).toBe(dossiers[1].id);
    });

    it('for a support account without dossiers, opens an unbound session without a picker', async () => {
      const support = await createUser(t, { password: FIXTURE_PASSWORD, platformRole: 'SUPPORT' as User['platformRole'] });
      const { login } = await freshClient(t).data<{ login: MeData }>(LOGIN, { email: support.email, password: FIXTURE_PASSWORD });
      expect(login).toMatchObject({ dossier: null, dossiers: [], needsDossierSelection: false });
      expect(login.user.platformRole).toBe('SUPPORT');
    });

    it('gives the same code and message for an unknown e-mail and a wrong password', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER], withPasswords: true });
      const wrong = await freshClient(t).exec(LOGIN, { email: d.as.OWNER!.user.email, password: 'wrong-password-123' });
      const unknown = await freshClient(t).exec(LOGIN, { email: 'nobody-at-all@example.test', password: 'wrong-password-123' });
      const invited = await createUser(t, { password: undefined });
      const noPassword = await freshClient(t).exec(LOGIN, { email: invited.email, password: 'wrong-password-123' });
      for (const r of [wrong, unknown, noPassword]) {
        expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(r.errors?.[0]?.message).toBe(INVALID_CREDENTIALS);
        expect(r.data).toBeNull();
      }
    });

    it('does the same work for an unknown e-mail as for a wrong password: one argon2 verification, of a decoy hash', async () => {
      const user = await createUser(t, { password: FIXTURE_PASSWORD });
      const stored = (await t.app.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).passwordHash;
      const spy = jest.spyOn(passwordVerifier, 'verify');
      try {
        const known = await freshClient(t).exec(LOGIN, { email: user.email, password: 'wrong-password-123' });
        expect(known.errors?.[0]?.message).toBe(INVALID_CREDENTIALS);
        expect(spy.mock.calls).toEqual([[stored, 'wrong-password-123']]);
        spy.mockClear();
        const unknown = await freshClient(t).exec(LOGIN, { email: 'nobody-here@example.test', password: 'wrong-password-123' });
        expect(unknown.errors?.[0]?.message).toBe(INVALID_CREDENTIALS);
        // Without the decoy, an unknown e-mail would skip the argon2id verification and answer faster.
        expect(spy.mock.calls).toEqual([[await decoyHash(), 'wrong-password-123']]);
        expect(await spy.mock.results[0].value).toBe(false);
      } finally {
        spy.mockRestore();
      }
    });

    it('rotates to a fresh session: the token the browser had before is revoked', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER], withPasswords: true });
      const c = freshClient(t);
      await c.data(LOGIN, { email: d.as.OWNER!.user.email, password: FIXTURE_PASSWORD });
      const first = c.sessionToken!;
      await c.data(LOGIN, { email: d.as.OWNER!.user.email, password: FIXTURE_PASSWORD });
      expect(c.sessionToken).not.toBe(first);
      expect(await t.client(first).errorCode(ME)).toBe('UNAUTHENTICATED');
      expect(await c.errorCode(ME)).toBeUndefined();
    });
  });

  describe('selectDossier and logout', () => {
    it('refuses to rebind a bound session (DOSSIER_ALREADY_SELECTED); after logout, login and another dossier works', async () => {
      const { user, dossiers } = await multiDossierUser(['Gamma SARL', 'Delta SAS']);
      const c = freshClient(t);
      await c.data(LOGIN, { email: user.email, password: FIXTURE_PASSWORD });
      await c.data(SELECT, { id: dossiers[0].id });
      expect(await c.errorCode(SELECT, { id: dossiers[1].id })).toBe('DOSSIER_ALREADY_SELECTED');
      expect(await c.errorCode(SELECT, { id: dossiers[0].id })).toBe('DOSSIER_ALREADY_SELECTED');
      expect((await c.data<{ me: MeData }>(ME)).me.dossier?.id).toBe(dossiers[0].id);

      const oldToken = c.sessionToken!;
      expect(await c.data(LOGOUT)).toEqual({ logout: true });
      expect(c.sessionToken).toBeUndefined();
      expect(await t.client(oldToken).errorCode(ME)).toBe('UNAUTHENTICATED');

      const { login } = await c.data<{ login: MeData }>(LOGIN, { email: user.email, password: FIXTURE_PASSWORD });
      expect(login.dossier).toBeNull();
      const { selectDossier } = await c.data<{ selectDossier: MeData }>(SELECT, { id: dossiers[1].id });
      expect(selectDossier.dossier?.name).toBe('Delta SAS');
    });

    it('rotates the token on selection: the unbound token opens nothing afterwards', async () => {
      const { user, dossiers } = await multiDossierUser(['Epsilon SARL', 'Zeta SAS']);
      const c = freshClient(t);
      await c.data(LOGIN, { email: user.email, password: FIXTURE_PASSWORD });
      const unbound = c.sessionToken!;
      await c.data(SELECT, { id: dossiers[0].id });
      expect(c.sessionToken).not.toBe(unbound);
      expect(await t.client(unbound).errorCode(ME)).toBe('UNAUTHENTICATED');
      const rows = await t.app.dataSource.manager.findBy(Session, { userId: user.id });
      expect(rows.filter((s) => s.revokedAt === null).map((s) => s.dossierId)).toEqual([dossiers[0].id]);
    });

    it('answers NOT_FOUND for a dossier the user is not a member of, and stays unbound', async () => {
      const { user } = await multiDossierUser(['Eta SARL', 'Theta SAS']);
      const other = await createDossier(t, { profiles: [Profile.OWNER] });
      const c = freshClient(t);
      await c.data(LOGIN, { email: user.email, password: FIXTURE_PASSWORD });
      expect(await c.errorCode(SELECT, { id: other.dossier.id })).toBe('NOT_FOUND');
      expect(await c.errorCode(SELECT, { id: '00000000-0000-0000-0000-000000000000' })).toBe('NOT_FOUND');
      expect((await c.data<{ me: MeData }>(ME)).me.dossier).toBeNull();
    });

    it('requires a session for me, selectDossier, logout, mySessions, revokeSession and changePassword', async () => {
      const anon = freshClient(t);
      for (const op of [
        ME,
        LOGOUT,
        '{ mySessions { id } }',
        'mutation { selectDossier(dossierId: "x") { profile } }',
        'mutation { revokeSession(id: "x") }',
        'mutation { changePassword(currentPassword: "a", newPassword: "b") }',
      ]) {
        expect(await anon.errorCode(op)).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('me', () => {
    it('returns the user, the current dossier, the profile, isPrincipal and every dossier with its profile', async () => {
      const d = await createDossier(t, { name: 'Iota SARL', profiles: [Profile.OWNER, Profile.ADV] });
      const second = await createDossier(t, { name: 'Kappa SAS', profiles: [Profile.ADV] });
      const adv = d.as.ADV!.user;
      await t.app.dataSource.manager.save(t.app.dataSource.manager.create(Membership, { userId: adv.id, dossierId: second.dossier.id, profile: Profile.ACCOUNTANT, isPrincipal: false }));
      await t.app.dataSource.manager.update(User, { id: adv.id }, { phone: '+33 1 23 45 67 89' });
      const { me } = await d.client(Profile.ADV).data<{ me: MeData }>(ME);
      expect(me.user).toEqual({ id: adv.id, email: adv.email, name: adv.name, phone: '+33 1 23 45 67 89', platformRole: null });
      expect(me.dossier).toEqual({ id: d.dossier.id, name: 'Iota SARL', plan: 'TPE_PLUS' });
      expect(me.profile).toBe('ADV');
      expect(me.isPrincipal).toBe(false);
      expect(me.dossiers.map((x) => [x.name, x.profile])).toEqual([
        ['Iota SARL', 'ADV'],
        ['Kappa SAS', 'ACCOUNTANT'],
      ]);
      expect((await d.client(Profile.OWNER).data<{ me: MeData }>(ME)).me.isPrincipal).toBe(true);
    });

    it('reads the same number of statements whatever the number of dossiers (no N+1)', async () => {
      const few = await multiDossierUser(['N1 SARL', 'N2 SARL']);
      const many = await multiDossierUser(['M1 SARL', 'M2 SARL', 'M3 SARL', 'M4 SARL', 'M5 SARL', 'M6 SARL']);
      const count = async (user: User) => {
        const c = freshClient(t);
        await c.data(LOGIN, { email: user.email, password: FIXTURE_PASSWORD });
        return (await t.queries.measure(() => c.data(ME))).queries;
      };
      expect(await count(many.user)).toBe(await count(few.user));
    });
  });

  describe('sessions', () => {
    it('lists the user’s own live sessions with the current one marked, and revokes one', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER], withPasswords: true });
      const email = d.as.OWNER!.user.email;
      const a = freshClient(t);
      const b = freshClient(t);
      await a.data(LOGIN, { email, password: FIXTURE_PASSWORD });
      await b.data(LOGIN, { email, password: FIXTURE_PASSWORD });
      type S = { id: string; ip: string; userAgent: string; current: boolean; createdAt: string; lastSeenAt: string };
      const { mySessions } = await a.data<{ mySessions: S[] }>('{ mySessions { id createdAt lastSeenAt expiresAt ip userAgent current } }');
      // The fixture's own session plus a and b.
      expect(mySessions).toHaveLength(3);
      expect(mySessions.filter((s) => s.current)).toHaveLength(1);
      const current = mySessions.find((s) => s.current)!;
      expect(current.ip).toBe(a.ip);
      expect(current.userAgent).toBe('jest');
      const ofB = mySessions.find((s) => s.ip === b.ip)!;
      expect(await a.data('mutation($id: ID!) { revokeSession(id: $id) }', { id: ofB.id })).toEqual({ revokeSession: true });
      expect(await b.errorCode(ME)).toBe('UNAUTHENTICATED');
      expect(await a.errorCode(ME)).toBeUndefined();
      expect(await a.errorCode('mutation($id: ID!) { revokeSession(id: $id) }', { id: ofB.id })).toBe('NOT_FOUND');
    });

    it('answers NOT_FOUND for another user’s session and leaves it open', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV] });
      const ownerSession = await t.app.dataSource.manager.findOneByOrFail(Session, { userId: d.as.OWNER!.user.id });
      expect(await d.client(Profile.ADV).errorCode('mutation($id: ID!) { revokeSession(id: $id) }', { id: ownerSession.id })).toBe('NOT_FOUND');
      expect(await d.client(Profile.OWNER).errorCode(ME)).toBeUndefined();
      const { mySessions } = await d.client(Profile.ADV).data<{ mySessions: { id: string }[] }>('{ mySessions { id } }');
      expect(mySessions.map((s) => s.id)).not.toContain(ownerSession.id);
    });

    it('treats a revoked, idle-expired or absolutely expired session as UNAUTHENTICATED', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV, Profile.ACHAT, Profile.COMMERCIAL] });
      const em = t.app.dataSource.manager;
      const sessionOf = (p: Profile) => em.findOneByOrFail(Session, { userId: d.as[p]!.user.id });
      const now = Date.now();
      await em.update(Session, { id: (await sessionOf(Profile.ADV)).id }, { revokedAt: new Date() });
      await em.update(Session, { id: (await sessionOf(Profile.ACHAT)).id }, { lastSeenAt: new Date(now - (t.config.sessionIdleMinutes + 1) * 60_000) });
      await em.update(Session, { id: (await sessionOf(Profile.COMMERCIAL)).id }, { expiresAt: new Date(now - 1000) });
      for (const p of [Profile.ADV, Profile.ACHAT, Profile.COMMERCIAL]) {
        expect(await d.client(p).errorCode(ME)).toBe('UNAUTHENTICATED');
        expect(await d.client(p).errorCode('{ articles { totalCount } }')).toBe('UNAUTHENTICATED');
      }
      // Just inside the idle limit still works (and is touched).
      await em.update(Session, { id: (await sessionOf(Profile.OWNER)).id }, { lastSeenAt: new Date(now - (t.config.sessionIdleMinutes - 1) * 60_000) });
      expect(await d.client(Profile.OWNER).errorCode(ME)).toBeUndefined();
      expect((await sessionOf(Profile.OWNER)).lastSeenAt.getTime()).toBeGreaterThan(now - 60_000);
    });

    it('sets the session cookie with the absolute lifetime and clears it on logout', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER], withPasswords: true });
      const c = freshClient(t);
      await c.data(LOGIN, { email: d.as.OWNER!.user.email, password: FIXTURE_PASSWORD });
      const token = c.cookies.get(SESSION_COOKIE)!;
      const row = await t.app.dataSource.manager.findOneByOrFail(Session, { userId: d.as.OWNER!.user.id, ip: c.ip, revokedAt: IsNull() });
      expect(row.tokenHash).not.toBe(token);
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      await c.data(LOGOUT);
      expect(c.cookies.get(SESSION_COOKIE)).toBeUndefined();
      expect((await t.app.dataSource.manager.findOneByOrFail(Session, { id: row.id })).revokedAt).not.toBeNull();
    });
  });

  it('lets a support session call me (no dossier)', async () => {
    const { client, user } = await createSupportClient(t);
    const { me } = await client.data<{ me: MeData }>(ME);
    expect(me).toMatchObject({ user: { id: user.id, platformRole: 'SUPPORT' }, dossier: null, profile: null, dossiers: [] });
  });
});

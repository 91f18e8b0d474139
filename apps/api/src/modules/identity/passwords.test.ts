import { Profile } from '@comptoir/schema';
import { IsNull } from 'typeorm';
import { RequestContext } from '../../core/context';
import { MemoryCookieJar } from '../../core/cookies';
import { createTestApp, type TestApp } from '../../../test/harness';
import { createDossier, createUser, FIXTURE_PASSWORD } from '../../../test/fixtures';
import { startSmtpServer } from '../../../test/smtp';
import { OutboxMessage } from '../mail/outbox.entity';
import { Membership } from './membership.entity';
import { AuthToken, AuthTokenPurpose } from './auth-token.entity';
import { hashToken } from './session.service';
import { Session } from './session.entity';
import { User } from './user.entity';
import { sendInvitation } from './invitation.service';
import { createSupportAccount } from './support-account';
import { freshClient, LOGIN, ME, type MeData } from './identity.test-kit';

const PUBLIC_URL = 'https://comptoir.example';
const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
const REQUEST_RESET = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
const PREVIEW = 'query($t: String!) { invitationPreview(token: $t) { email name dossierName } }';
const ACCEPT = `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { user { email } dossier { name } profile needsDossierSelection dossiers { name profile } } }`;

function linkToken(text: string, page: string): string {
  const match = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}${page}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${page} link in:\n${text}`);
  return match[1];
}

describe('passwords and invitations (real SMTP)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const cliContext = () => new RequestContext(t.app, null, { requestId: 'test', ip: null, userAgent: null }, new MemoryCookieJar());

  describe('changePassword', () => {
    it('needs the current password, then revokes the user’s other sessions but keeps this one', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER], withPasswords: true });
      const email = d.as.OWNER!.user.email;
      const here = freshClient(t);
      const elsewhere = freshClient(t);
      await here.data(LOGIN, { email, password: FIXTURE_PASSWORD });
      await elsewhere.data(LOGIN, { email, password: FIXTURE_PASSWORD });

      const wrong = await here.exec(CHANGE, { c: 'not-my-password', n: 'Nouveau-mot-de-passe-1' });
      expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
      const short = await here.exec(CHANGE, { c: FIXTURE_PASSWORD, n: 'court' });
      expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
      expect(await elsewhere.errorCode(ME)).toBeUndefined();

      expect(await here.data(CHANGE, { c: FIXTURE_PASSWORD, n: 'Nouveau-mot-de-passe-1' })).toEqual({ changePassword: true });
      expect(await here.errorCode(ME)).toBeUndefined();
      expect(await elsewhere.errorCode(ME)).toBe('UNAUTHENTICATED');
      expect(await d.client(Profile.OWNER).errorCode(ME)).toBe('UNAUTHENTICATED');
      expect(await freshClient(t).errorCode(LOGIN, { email, password: FIXTURE_PASSWORD })).toBe('UNAUTHENTICATED');
      expect(await freshClient(t).errorCode(LOGIN, { email, password: 'Nouveau-mot-de-passe-1' })).toBeUndefined();
    });
  });

  describe('password reset', () => {
    it('e-mails a single-use link; the new password works, every session is revoked, the link works once', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER], withPasswords: true });
      const email = d.as.OWNER!.user.email;
      const anon = freshClient(t);
      expect(await anon.data(REQUEST_RESET, { e: `  ${email.toUpperCase()}` })).toEqual({ requestPasswordReset: true });
      const mail = await smtp.waitFor(email);
      expect(mail.text).toContain('réinitialisation du mot de passe');
      const token = linkToken(mail.text, '/reinitialiser-mot-de-passe');
      // Only the hash is stored, valid one hour.
      const row = await t.app.dataSource.manager.findOneByOrFail(AuthToken, { tokenHash: hashToken(token) });
      expect(row.purpose).toBe(AuthTokenPurpose.PASSWORD_RESET);
      expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(3_600_000);

      expect(await anon.exec(RESET, { t: token, p: 'court' }).then((r) => r.errors?.[0]?.extensions)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
      expect(await anon.data(RESET, { t: token, p: 'Mot-de-passe-neuf-2026' })).toEqual({ resetPassword: true });
      expect(await d.client(Profile.OWNER).errorCode(ME)).toBe('UNAUTHENTICATED');
      expect(await anon.errorCode(RESET, { t: token, p: 'Encore-un-autre-2026' })).toBe('NOT_FOUND');
      expect(await freshClient(t).errorCode(LOGIN, { email, password: FIXTURE_PASSWORD })).toBe('UNAUTHENTICATED');
      expect(await freshClient(t).errorCode(LOGIN, { email, password: 'Mot-de-passe-neuf-2026' })).toBeUndefined();
    });

    it('answers true for an unknown e-mail and sends nothing', async () => {
      const before = smtp.messages.length;
      const outboxBefore = await t.app.dataSource.manager.count(OutboxMessage);
      const tokensBefore = await t.app.dataSource.manager.count(AuthToken);
      expect(await freshClient(t).data(REQUEST_RESET, { e: 'nobody-here@example.test' })).toEqual({ requestPasswordReset: true });
      expect(await freshClient(t).data(REQUEST_RESET, { e: 'not an email' })).toEqual({ requestPasswordReset: true });
      // The mutation has returned: whatever it would send is in the outbox by now (no waiting).
      expect(await t.app.dataSource.manager.count(OutboxMessage)).toBe(outboxBefore);
      expect(smtp.messages.length).toBe(before);
      expect(await t.app.dataSource.manager.count(AuthToken)).toBe(tokensBefore);
    });

    it('refuses an expired link', async () => {
      const user = await createUser(t, { password: FIXTURE_PASSWORD });
      await freshClient(t).data(REQUEST_RESET, { e: user.email });
      const token = linkToken((await smtp.waitFor(user.email)).text, '/reinitialiser-mot-de-passe');
      await t.app.dataSource.manager.update(AuthToken, { tokenHash: hashToken(token) }, { expiresAt: new Date(Date.now() - 1000) });
      expect(await freshClient(t).errorCode(RESET, { t: token, p: 'Mot-de-passe-neuf-2026' })).toBe('NOT_FOUND');
      expect(await freshClient(t).errorCode(LOGIN, { email: user.email, password: FIXTURE_PASSWORD })).toBeUndefined();
    });

    it('sends at most 3 reset e-mails per account within 15 minutes', async () => {
      const user = await createUser(t, { password: FIXTURE_PASSWORD });
      for (let i = 0; i < 5; i++) await freshClient(t).data(REQUEST_RESET, { e: user.email });
      // Counted in the outbox, written by each request before it answers: no waiting on delivery.
      await t.app.outbox.runOnce();
      expect(smtp.messages.filter((m) => m.to.includes(user.email))).toHaveLength(3);
      expect(await t.app.dataSource.manager.countBy(OutboxMessage, { to: user.email })).toBe(3);
    });
  });

  describe('invitations', () => {
    async function invitedUser(dossierName = 'Atelier Invité SARL', profile = Profile.COMMERCIAL) {
      const d = await createDossier(t, { name: dossierName, profiles: [Profile.OWNER] });
      const user = await createUser(t, { name: 'Inès Invitée' });
      await t.app.dataSource.manager.save(t.app.dataSource.manager.create(Membership, { userId: user.id, dossierId: d.dossier.id, profile, isPrincipal: false }));
      return { d, user };
    }

    it('e-mails the link with the login e-mail (never a password); preview, accept, logged in bound to the dossier', async () => {
      const { d, user } = await invitedUser();
      await sendInvitation(cliContext(), { userId: user.id, dossierName: d.dossier.name, profile: Profile.COMMERCIAL });
      const mail = await smtp.waitFor(user.email);
      expect(mail.text).toContain(user.email);
      expect(mail.text).toContain('Atelier Invité SARL');
      expect(mail.text).toContain('Commercial');
      expect(mail.text).not.toMatch(/mot de passe\s*:/i);
      const token = linkToken(mail.text, '/invitation');
      const row = await t.app.dataSource.manager.findOneByOrFail(AuthToken, { tokenHash: hashToken(token) });
      expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 24 * 3_600_000);

      const anon = freshClient(t);
      expect(await anon.data(PREVIEW, { t: token })).toEqual({ invitationPreview: { email: user.email, name: 'Inès Invitée', dossierName: 'Atelier Invité SARL' } });
      expect(await anon.exec(ACCEPT, { t: token, p: 'court' }).then((r) => r.errors?.[0]?.extensions)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
      const { acceptInvitation } = await anon.data<{ acceptInvitation: MeData }>(ACCEPT, { t: token, p: 'Mon-mot-de-passe-2026' });
      expect(acceptInvitation).toMatchObject({ user: { email: user.email }, dossier: { name: 'Atelier Invité SARL' }, profile: 'COMMERCIAL', needsDossierSelection: false });
      expect(await anon.errorCode(ME)).toBeUndefined();

      // Single use.
      expect(await freshClient(t).errorCode(PREVIEW, { t: token })).toBe('NOT_FOUND');
      expect(await freshClient(t).errorCode(ACCEPT, { t: token, p: 'Autre-mot-de-passe-1' })).toBe('NOT_FOUND');
      expect(await freshClient(t).errorCode(LOGIN, { email: user.email, password: 'Mon-mot-de-passe-2026' })).toBeUndefined();
    });

    it('mentions the accountant’s firm when given', async () => {
      const { d, user } = await invitedUser('Boulangerie Test', Profile.ACCOUNTANT);
      await sendInvitation(cliContext(), { userId: user.id, dossierName: d.dossier.name, profile: Profile.ACCOUNTANT, firmName: 'Cabinet Exemple' });
      const mail = await smtp.waitFor(user.email);
      expect(mail.text).toContain('Cabinet Exemple');
      expect(mail.text).toContain('Expert-comptable');
    });

    it('refuses an expired or unknown invitation link', async () => {
      const { d, user } = await invitedUser('Expirée SARL');
      await sendInvitation(cliContext(), { userId: user.id, dossierName: d.dossier.name, profile: Profile.COMMERCIAL });
      const token = linkToken((await smtp.waitFor(user.email)).text, '/invitation');
      await t.app.dataSource.manager.update(AuthToken, { tokenHash: hashToken(token) }, { expiresAt: new Date(Date.now() - 1000) });
      expect(await freshClient(t).errorCode(PREVIEW, { t: token })).toBe('NOT_FOUND');
      expect(await freshClient(t).errorCode(ACCEPT, { t: token, p: 'Mon-mot-de-passe-2026' })).toBe('NOT_FOUND');
      expect(await freshClient(t).errorCode(PREVIEW, { t: 'made-up-token' })).toBe('NOT_FOUND');
      expect((await t.app.dataSource.manager.findOneByOrFail(User, { id: user.id })).passwordHash).toBeNull();
    });

    it('creates its token and its e-mail inside the caller’s transaction: a rollback leaves neither', async () => {
      const { d, user } = await invitedUser('Rollback SARL');
      await expect(
        cliContext().transaction(async (tx) => {
          await sendInvitation(tx, { userId: user.id, dossierName: d.dossier.name, profile: Profile.COMMERCIAL });
          throw new Error('caller fails after inviting');
        }),
      ).rejects.toThrow('caller fails after inviting');
      expect(await t.app.dataSource.manager.countBy(AuthToken, { userId: user.id })).toBe(0);
      expect(await t.app.dataSource.manager.countBy(OutboxMessage, { to: user.email })).toBe(0);
      await t.app.outbox.runOnce();
      expect(smtp.messages.filter((m) => m.to.includes(user.email))).toEqual([]);
    });

    it('with several dossiers, accepting opens an unbound session with the picker', async () => {
      const { d, user } = await invitedUser('Premier SARL');
      const other = await createDossier(t, { name: 'Second SARL', profiles: [Profile.OWNER] });
      await t.app.dataSource.manager.save(t.app.dataSource.manager.create(Membership, { userId: user.id, dossierId: other.dossier.id, profile: Profile.ADV, isPrincipal: false }));
      await sendInvitation(cliContext(), { userId: user.id, dossierName: d.dossier.name, profile: Profile.COMMERCIAL });
      const token = linkToken((await smtp.waitFor(user.email)).text, '/invitation');
      const { acceptInvitation } = await freshClient(t).data<{ acceptInvitation: MeData }>(ACCEPT, { t: token, p: 'Mon-mot-de-passe-2026' });
      expect(acceptInvitation.dossier).toBeNull();
      expect(acceptInvitation.needsDossierSelection).toBe(true);
      expect(acceptInvitation.dossiers).toHaveLength(2);
    });
  });

  describe('support:create', () => {
    it('creates a support account with a one-time link to set its password, which then logs in unbound', async () => {
      const result = await createSupportAccount(t.app, { email: ' Agent@Comptoir.test ', name: 'Agent Support' });
      expect(result.created).toBe(true);
      expect(result.user).toMatchObject({ email: 'agent@comptoir.test', platformRole: 'SUPPORT', passwordHash: null });
      const token = linkToken(result.link!, '/invitation');
      const { acceptInvitation } = await freshClient(t).data<{ acceptInvitation: MeData }>(ACCEPT, { t: token, p: 'Support-mot-de-passe-1' });
      expect(acceptInvitation).toMatchObject({ dossier: null, needsDossierSelection: false, dossiers: [] });
      const c = freshClient(t);
      await c.data(LOGIN, { email: 'agent@comptoir.test', password: 'Support-mot-de-passe-1' });
      expect((await c.data<{ me: MeData }>(ME)).me.user.platformRole).toBe('SUPPORT');
    });

    it('promotes an existing login without dossiers, with the given password; refuses a dossier member', async () => {
      const user = await createUser(t, { password: FIXTURE_PASSWORD });
      const result = await createSupportAccount(t.app, { email: user.email, password: 'Support-mot-de-passe-2' });
      expect(result).toMatchObject({ created: false, link: null });
      expect((await t.app.dataSource.manager.findOneByOrFail(User, { id: user.id })).platformRole).toBe('SUPPORT');
      expect(await freshClient(t).errorCode(LOGIN, { email: user.email, password: 'Support-mot-de-passe-2' })).toBeUndefined();

      const d = await createDossier(t, { profiles: [Profile.OWNER] });
      await expect(createSupportAccount(t.app, { email: d.as.OWNER!.user.email })).rejects.toThrow(/belongs to dossiers/);
      expect((await t.app.dataSource.manager.findOneByOrFail(User, { id: d.as.OWNER!.user.id })).platformRole).toBeNull();
    });
  });

  it('revokes nothing of other users when one resets their password', async () => {
    const d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV], withPasswords: true });
    await freshClient(t).data(REQUEST_RESET, { e: d.as.OWNER!.user.email });
    const token = linkToken((await smtp.waitFor(d.as.OWNER!.user.email)).text, '/reinitialiser-mot-de-passe');
    await freshClient(t).data(RESET, { t: token, p: 'Mot-de-passe-neuf-2027' });
    expect(await d.client(Profile.ADV).errorCode(ME)).toBeUndefined();
    expect(await t.app.dataSource.manager.countBy(Session, { userId: d.as.ADV!.user.id, revokedAt: IsNull() })).toBe(1);
  });
});

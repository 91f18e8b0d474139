import { IsNull, MoreThan, Not } from 'typeorm';
import { PlatformRole, type Plan, type Profile } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { SESSION_COOKIE } from '../../core/cookies';
import { badInput, conflict, dossierAlreadySelected, notFound, unauthenticated } from '../../core/errors';
import { DEFAULT_DOSSIER_SETTINGS, Dossier } from './dossier.entity';
import { AuthToken, AuthTokenPurpose } from './auth-token.entity';
import { consumeToken, findUsableToken, issueToken, voidTokensOf } from './auth-token.service';
import { checkEmail, checkPassword, checkPlan, optionalSiret, optionalText, requiredText } from './identity-validation';
import { assertNotThrottled, clearEmailFailures, throttledCheck, THROTTLE } from './login-throttle';
import { Membership } from './membership.entity';
import { decoyHash, hashPassword, passwordVerifier } from './password';
import { Session } from './session.entity';
import { announceSessionsChanged, openSession } from './session.service';
import { normalizeEmail, User } from './user.entity';

/** One message and one code for unknown e-mail and wrong password alike. */
export const INVALID_CREDENTIALS = 'Invalid e-mail or password';
const invalidCredentials = () => unauthenticated(INVALID_CREDENTIALS, 'INVALID_CREDENTIALS');

export interface DossierChoiceView {
  id: string;
  name: string;
  plan: Plan;
  profile: Profile;
  isPrincipal: boolean;
}

export interface MeView {
  user: { id: string; email: string; name: string; phone: string | null; platformRole: PlatformRole | null };
  dossier: { id: string; name: string; plan: Plan } | null;
  profile: Profile | null;
  isPrincipal: boolean;
  dossiers: DossierChoiceView[];
  needsDossierSelection: boolean;
}

export interface SessionView {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export interface SignUpData {
  email: string;
  password: string;
  name: string;
  phone?: string | null;
  dossierName: string;
  siret?: string | null;
  plan: Plan;
}

/** The user, their dossiers (two queries whatever their number) and the session's dossier. */
export async function buildMe(ctx: RequestContext, userId: string, dossierId: string | null): Promise<MeView> {
  const user = await ctx.platform(User).findOneBy({ id: userId });
  if (!user) throw unauthenticated();
  const memberships = await ctx.platform(Membership).find({ where: { userId }, relations: { dossier: true } });
  const dossiers = memberships
    .filter((m) => m.dossier)
    .map((m) => ({ id: m.dossierId, name: m.dossier!.name, plan: m.dossier!.plan, profile: m.profile, isPrincipal: m.isPrincipal }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const current = dossierId ? (dossiers.find((d) => d.id === dossierId) ?? null) : null;
  return {
    user: { id: user.id, email: user.email, name: user.name, phone: user.phone, platformRole: user.platformRole },
    dossier: current ? { id: current.id, name: current.name, plan: current.plan } : null,
    profile: current?.profile ?? null,
    isPrincipal: current?.isPrincipal ?? false,
    dossiers,
    needsDossierSelection: !current && dossiers.length > 0,
  };
}

export function me(ctx: RequestContext): Promise<MeView> {
  return buildMe(ctx, ctx.user.userId, ctx.user.dossierId);
}

/**
 * Replaces whatever session this browser had by a fresh one (new token: no session
 * fixation) and sets the cookie. Must run inside the caller's transaction.
 */
async function startSession(tx: RequestContext, userId: string, dossierId: string | null): Promise<void> {
  if (tx.principal) {
    await tx.platform(Session).update({ id: tx.principal.sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    announceSessionsChanged(tx, [tx.principal.userId]);
  }
  const { token } = await openSession(tx, userId, dossierId);
  tx.cookies.set(SESSION_COOKIE, token, { maxAgeSeconds: tx.app.config.sessionAbsoluteHours * 3600 });
}

/** Bound to the only dossier, or unbound (picker) when there are several or none. */
async function loginDossier(tx: RequestContext, userId: string): Promise<string | null> {
  const memberships = await tx.platform(Membership).find({ where: { userId }, select: { id: true, dossierId: true } });
  return memberships.length === 1 ? memberships[0].dossierId : null;
}

/**
 * Checks a password against the user found by e-mail, throttled, in constant work
 * whether or not the user exists (a decoy hash is verified for unknown e-mails).
 */
async function checkCredentials(ctx: RequestContext, email: string, password: string): Promise<User | null> {
  const user = email ? await ctx.platform(User).findOneBy({ email }) : null;
  const hash = user?.passwordHash ?? (await decoyHash());
  const ok = await throttledCheck(ctx, email, async () => (await passwordVerifier.verify(hash, password)) && !!user?.passwordHash);
  return ok ? user : null;
}

export async function login(ctx: RequestContext, rawEmail: string, password: string): Promise<MeView> {
  const email = normalizeEmail(rawEmail ?? '').slice(0, 254);
  if (!email || typeof password !== 'string' || password.length > 1000) {
    await assertNotThrottled(ctx, email);
    throw invalidCredentials();
  }
  const user = await checkCredentials(ctx, email, password);
  if (!user) throw invalidCredentials();
  return ctx.transaction(async (tx) => {
    const dossierId = await loginDossier(tx, user.id);
    await startSession(tx, user.id, dossierId);
    await clearEmailFailures(tx, email);
    return buildMe(tx, user.id, dossierId);
  });
}

/**
 * Creates a dossier and its principal user, then logs in on it. An existing e-mail
 * must come with that user's current password: the dossier is then added to the
 * same user. Otherwise the generic credentials error, and nothing is written.
 */
export async function signUp(ctx: RequestContext, input: SignUpData): Promise<MeView> {
  const email = checkEmail(input.email, 'input.email');
  const name = requiredText(input.name, 'input.name', 120);
  const phone = optionalText(input.phone, 'input.phone', 40);
  const dossierName = requiredText(input.dossierName, 'input.dossierName', 160);
  const siret = optionalSiret(input.siret, 'input.siret');
  const plan = checkPlan(input.plan, 'input.plan');
  if (typeof input.password !== 'string' || input.password.length === 0) checkPassword(input.password, 'input.password');

  const existing = await ctx.platform(User).findOneBy({ email });
  let passwordHash: string | null = null;
  if (existing) {
    if (!(await checkCredentials(ctx, email, input.password))) throw invalidCredentials();
    if (existing.platformRole === PlatformRole.SUPPORT) throw conflict('SUPPORT_ACCOUNT', 'A support account cannot sign up a dossier');
  } else {
    passwordHash = await hashPassword(checkPassword(input.password, 'input.password', email));
  }

  return ctx.transaction(async (tx) => {
    let userId = existing?.id;
    if (!userId) {
      if (await tx.platform(User).findOneBy({ email })) throw conflict('EMAIL_TAKEN', 'This e-mail address was just signed up: log in instead');
      const user = await tx.platform(User).save(tx.platform(User).create({ email, name, phone, passwordHash, platformRole: null }));
      userId = user.id;
    }
    const dossier = await tx.platform(Dossier).save(
      tx.platform(Dossier).create({
        name: dossierName,
        siret,
        vatNumber: null,
        addressLine: null,
        postalCode: null,
        city: null,
        country: 'FR',
        settings: { ...DEFAULT_DOSSIER_SETTINGS },
        plan,
        extraSeats: 0,
      }),
    );
    await tx.platform(Membership).save(tx.platform(Membership).create({ userId, dossierId: dossier.id, profile: 'OWNER' as Profile, isPrincipal: true }));
    await startSession(tx, userId, dossier.id);
    if (existing) await clearEmailFailures(tx, email);
    return buildMe(tx, userId, dossier.id);
  });
}

/**
 * Binds an unbound session to one of the user's dossiers. The token rotates: the
 * unbound session is revoked and a new bound one is opened (a token that was
 * known before binding opens nothing after). A bound session is refused.
 */
export async function selectDossier(ctx: RequestContext, dossierId: string): Promise<MeView> {
  const principal = ctx.user;
  if (principal.dossierId) throw dossierAlreadySelected();
  return ctx.transaction(async (tx) => {
    const membership = await tx.platform(Membership).findOneBy({ userId: principal.userId, dossierId });
    if (!membership) throw notFound('Dossier', dossierId);
    // Guarded on the row still being unbound and live: two concurrent selections cannot both win.
    const { affected } = await tx.platform(Session).update(
      { id: principal.sessionId, revokedAt: IsNull(), dossierId: IsNull() },
      { revokedAt: new Date() },
    );
    if (!affected) throw dossierAlreadySelected();
    const { token } = await openSession(tx, principal.userId, dossierId);
    tx.cookies.set(SESSION_COOKIE, token, { maxAgeSeconds: tx.app.config.sessionAbsoluteHours * 3600 });
    return buildMe(tx, principal.userId, dossierId);
  });
}

export async function logout(ctx: RequestContext): Promise<boolean> {
  const principal = ctx.user;
  await ctx.transaction(async (tx) => {
    await tx.platform(Session).update({ id: principal.sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    announceSessionsChanged(tx, [principal.userId]);
  });
  ctx.cookies.clear(SESSION_COOKIE);
  return true;
}

/** The user's live sessions (not revoked, not expired), most recently used first. */
export async function mySessions(ctx: RequestContext): Promise<SessionView[]> {
  const principal = ctx.user;
  const now = Date.now();
  const idleSince = new Date(now - ctx.app.config.sessionIdleMinutes * 60_000);
  const rows = await ctx.platform(Session).find({
    where: { userId: principal.userId, revokedAt: IsNull(), expiresAt: MoreThan(new Date(now)), lastSeenAt: MoreThan(idleSince) },
    order: { lastSeenAt: 'DESC' },
  });
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: s.expiresAt,
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === principal.sessionId,
  }));
}

/** Revokes one of the user's own sessions; another user's (or an unknown one) is NOT_FOUND. */
export async function revokeSession(ctx: RequestContext, id: string): Promise<boolean> {
  const principal = ctx.user;
  await ctx.transaction(async (tx) => {
    const { affected } = await tx.platform(Session).update({ id, userId: principal.userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    announceSessionsChanged(tx, [principal.userId]);
    if (!affected) throw notFound('Session', id);
  });
  if (id === principal.sessionId) ctx.cookies.clear(SESSION_COOKIE);
  return true;
}

/** Sets a new password after checking the current one; every other session of the user is revoked. */
export async function changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<boolean> {
  const principal = ctx.user;
  const email = principal.email;
  checkPassword(newPassword, 'newPassword', email);
  if (typeof currentPassword !== 'string' || currentPassword.length === 0) checkPassword(currentPassword, 'currentPassword');
  const user = await ctx.platform(User).findOneBy({ id: principal.userId });
  const ok = await throttledCheck(ctx, email, async () => !!user && (await passwordVerifier.verify(user.passwordHash, currentPassword)));
  if (!user || !ok) throw badCurrentPassword();
  const passwordHash = await hashPassword(newPassword);
  await ctx.transaction(async (tx) => {
    await tx.platform(User).update({ id: user.id }, { passwordHash });
    await tx.platform(Session).update({ userId: user.id, revokedAt: IsNull(), id: Not(principal.sessionId) }, { revokedAt: new Date() });
    announceSessionsChanged(tx, [user.id]);
    // Pending reset links were asked for the old password: void them.
    await voidTokensOf(tx, user.id);
  });
  return true;
}

const badCurrentPassword = () => badInput('WRONG_CURRENT_PASSWORD', 'The current password is incorrect', 'currentPassword');

/** At most this many reset e-mails per user within the throttle window (no mail bombing). */
const MAX_RESET_MAILS = 3;

/**
 * Always answers true, whether or not the e-mail has an account (no enumeration).
 * For an account, e-mails a single-use link valid one hour.
 */
export async function requestPasswordReset(ctx: RequestContext, rawEmail: string): Promise<boolean> {
  const email = normalizeEmail(rawEmail ?? '');
  if (!email || email.length > 254) return true;
  try {
    await ctx.transaction(async (tx) => {
      const user = await tx.platform(User).findOneBy({ email });
      if (!user) return;
      const recent = await tx.platform(AuthToken).count({
        where: { userId: user.id, purpose: AuthTokenPurpose.PASSWORD_RESET, createdAt: MoreThan(new Date(Date.now() - THROTTLE.windowMs)) },
      });
      if (recent >= MAX_RESET_MAILS) return;
      const { link, token } = await issueToken(tx, AuthTokenPurpose.PASSWORD_RESET, user.id);
      await tx.mail({
        to: user.email,
        subject: 'Réinitialisation de votre mot de passe Comptoir',
        text: [
          `Bonjour ${user.name},`,
          '',
          'Une réinitialisation du mot de passe de votre compte Comptoir a été demandée.',
          `Identifiant de connexion : ${user.email}`,
          '',
          'Pour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure, utilisable une seule fois) :',
          link,
          '',
          'Toutes vos sessions ouvertes seront fermées. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.',
        ].join('\n'),
        secrets: [token],
      });
    });
  } catch (err) {
    // The answer must not depend on the account: a delivery failure is only logged.
    ctx.log.error({ err: (err as Error).message }, 'password reset e-mail not sent');
  }
  return true;
}

/** Sets the password from a reset link: the link is consumed and every session of the user is revoked. */
export async function resetPassword(ctx: RequestContext, token: string, newPassword: string): Promise<boolean> {
  checkPassword(newPassword, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await ctx.transaction(async (tx) => {
    const found = await findUsableToken(tx, AuthTokenPurpose.PASSWORD_RESET, token);
    if (!found || !(await consumeToken(tx, found))) throw linkNotFound();
    const user = await tx.platform(User).findOneByOrFail({ id: found.userId });
    checkPassword(newPassword, 'newPassword', user.email);
    await setPassword(tx, user, passwordHash);
  });
  ctx.cookies.clear(SESSION_COOKIE);
  return true;
}

/**
 * Sets the password of an invited user from the invitation link (single use,
 * 7 days) and logs them in, like `login` (bound when they have one dossier).
 */
export async function acceptInvitation(ctx: RequestContext, token: string, password: string): Promise<MeView> {
  checkPassword(password, 'password');
  const passwordHash = await hashPassword(password);
  return ctx.transaction(async (tx) => {
    const found = await findUsableToken(tx, AuthTokenPurpose.INVITATION, token);
    if (!found || !(await consumeToken(tx, found))) throw notFound('Invitation', undefined, 'LINK_INVALID');
    const user = await tx.platform(User).findOneByOrFail({ id: found.userId });
    checkPassword(password, 'password', user.email);
    await setPassword(tx, user, passwordHash);
    const dossierId = await loginDossier(tx, user.id);
    await startSession(tx, user.id, dossierId);
    return buildMe(tx, user.id, dossierId);
  });
}

const linkNotFound = () => notFound('Password reset link', undefined, 'LINK_INVALID');

/** New password: older links are void, every session is revoked, the e-mail's failure counter is cleared. */
async function setPassword(tx: RequestContext, user: User, passwordHash: string): Promise<void> {
  await tx.platform(User).update({ id: user.id }, { passwordHash });
  await voidTokensOf(tx, user.id);
  await tx.platform(Session).update({ userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
  announceSessionsChanged(tx, [user.id]);
  await clearEmailFailures(tx, user.email);
}

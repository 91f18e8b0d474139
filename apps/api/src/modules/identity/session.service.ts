import { createHash, randomBytes } from 'node:crypto';
import type { PlatformRole, Profile } from '@comptoir/schema';
import { RequestContext, type AppServices, type Principal } from '../../core/context';
import { topics, type SessionsChanged } from '../../core/bus';
import { Session } from './session.entity';

/**
 * After commit, every API process re-checks its live sockets (subscriptions) of
 * these users: those whose session no longer resolves, or resolves to another
 * dossier or profile, are closed at once.
 */
export function announceSessionsChanged(tx: RequestContext, userIds: string[]): void {
  const event: SessionsChanged = { userIds };
  tx.publishAfterCommit(topics.sessions, event);
}

/** Only the hash of a token is stored; the token itself lives in the cookie. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** `lastSeenAt` is written at most this often, so reads do not all turn into writes. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Opens a session for `userId` (bound to `dossierId` when given) and returns the
 * token to put in the cookie.
 */
export async function openSession(
  ctx: RequestContext,
  userId: string,
  dossierId: string | null,
): Promise<{ token: string; session: Session }> {
  const now = new Date();
  const token = newToken();
  const session = ctx.platform(Session).create({
    tokenHash: hashToken(token),
    userId,
    dossierId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ctx.app.config.sessionAbsoluteHours * 3_600_000),
    revokedAt: null,
    ip: ctx.meta.ip?.slice(0, 45) ?? null,
    userAgent: ctx.meta.userAgent?.slice(0, 255) ?? null,
  });
  await ctx.platform(Session).save(session);
  return { token, session };
}

const PRINCIPAL_SQL =
  'SELECT s.id AS id, s.userId AS userId, s.dossierId AS dossierId, s.lastSeenAt AS lastSeenAt, s.expiresAt AS expiresAt, ' +
  'u.email AS email, u.name AS name, u.platformRole AS platformRole, m.profile AS profile ' +
  'FROM sessions s INNER JOIN users u ON u.id = s.userId ' +
  'LEFT JOIN memberships m ON m.userId = s.userId AND m.dossierId = s.dossierId ' +
  'WHERE s.tokenHash = ? AND s.revokedAt IS NULL';

interface PrincipalRow {
  id: string;
  userId: string;
  dossierId: string | null;
  lastSeenAt: unknown;
  expiresAt: unknown;
  email: string;
  name: string;
  platformRole: PlatformRole | null;
  profile: Profile | null;
}

/**
 * The principal behind a session token, or null when the token is unknown,
 * revoked, expired (idle or absolute), or its dossier membership is gone.
 */
export async function resolvePrincipal(app: AppServices, token: string | undefined): Promise<Principal | null> {
  if (!token || token.length > 100) return null;
  // Before the request has a principal: the session lookup runs in a context of its own.
  const sys = RequestContext.system(app, { requestId: 'session' });
  // One statement per request for the session, its user and its membership: every
  // authenticated request pays it, so it is written once here (the columns the principal
  // needs, by the unique token index) rather than built and hydrated by TypeORM each time.
  const rows = await sys.query<PrincipalRow[]>(PRINCIPAL_SQL, [hashToken(token)]);
  const row = rows[0];
  if (!row) return null;
  const now = Date.now();
  const lastSeenAt = sys.hydrated<Date>(Session, 'lastSeenAt', row.lastSeenAt).getTime();
  const idleLimit = lastSeenAt + app.config.sessionIdleMinutes * 60_000;
  if (sys.hydrated<Date>(Session, 'expiresAt', row.expiresAt).getTime() <= now || idleLimit <= now) return null;

  let profile: Profile | null = null;
  if (row.dossierId) {
    // Removed from the dossier while logged in: the session no longer opens anything.
    if (!row.profile) return null;
    profile = row.profile;
  }
  if (now - lastSeenAt > TOUCH_EVERY_MS) {
    await sys.platform(Session).update({ id: row.id }, { lastSeenAt: new Date(now) });
  }
  return {
    sessionId: row.id,
    userId: row.userId,
    email: row.email,
    name: row.name,
    dossierId: row.dossierId,
    profile,
    platformRole: row.platformRole ?? null,
  };
}

import { createHash, randomBytes } from 'node:crypto';
import type { PlatformRole, Profile } from '@comptoir/schema';
import type { AppServices, Principal, RequestContext } from '../../core/context';
import { topics, type SessionsChanged } from '../../core/bus';
import { Membership } from './membership.entity';
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
  const session = ctx.em.create(Session, {
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
  await ctx.em.save(session);
  return { token, session };
}

/**
 * The principal behind a session token, or null when the token is unknown,
 * revoked, expired (idle or absolute), or its dossier membership is gone.
 */
export async function resolvePrincipal(app: AppServices, token: string | undefined): Promise<Principal | null> {
  if (!token || token.length > 100) return null;
  const em = app.dataSource.manager;
  // One statement per request for the session, its user and its membership: every
  // authenticated request pays it.
  const session = (await em
    .createQueryBuilder(Session, 's')
    .innerJoinAndSelect('s.user', 'u')
    .leftJoinAndMapOne('s.membership', Membership, 'm', 'm.userId = s.userId AND m.dossierId = s.dossierId')
    .where('s.tokenHash = :tokenHash AND s.revokedAt IS NULL', { tokenHash: hashToken(token) })
    .getOne()) as (Session & { membership?: Membership | null }) | null;
  if (!session?.user) return null;
  const now = Date.now();
  const idleLimit = session.lastSeenAt.getTime() + app.config.sessionIdleMinutes * 60_000;
  if (session.expiresAt.getTime() <= now || idleLimit <= now) return null;

  let profile: Profile | null = null;
  if (session.dossierId) {
    // Removed from the dossier while logged in: the session no longer opens anything.
    if (!session.membership) return null;
    profile = session.membership.profile;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await em.update(Session, { id: session.id }, { lastSeenAt: new Date(now) });
  }
  return {
    sessionId: session.id,
    userId: session.userId,
    email: session.user.email,
    name: session.user.name,
    dossierId: session.dossierId,
    profile,
    platformRole: (session.user.platformRole as PlatformRole | null) ?? null,
  };
}

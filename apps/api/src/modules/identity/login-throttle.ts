import { LessThan, MoreThan } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { tooManyAttempts } from '../../core/errors';
import { LoginAttempt } from './login-attempt.entity';

/**
 * Login throttling, counted in the database so that every API process sharing it
 * enforces the same limit. Within a sliding window of 15 minutes:
 * - 5 failures for one e-mail lock that e-mail (whatever the IP: guessing one account);
 * - 20 failures from one IP lock that IP (whatever the e-mails: spraying many accounts).
 *   Higher than the e-mail limit because an office's staff often share one public IP.
 * While locked, credentials are not even checked: TOO_MANY_ATTEMPTS with
 * `extensions.retryAfterSeconds`. A successful login clears the e-mail's counter
 * (not the IP's: one valid account must not reset a spraying IP).
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  maxPerEmail: 5,
  maxPerIp: 20,
} as const;

type Key = { scope: 'email' | 'ip'; key: string; max: number };

function keysFor(ctx: RequestContext, email: string): Key[] {
  const keys: Key[] = [{ scope: 'email', key: email.slice(0, 254), max: THROTTLE.maxPerEmail }];
  if (ctx.meta.ip) keys.push({ scope: 'ip', key: ctx.meta.ip.slice(0, 254), max: THROTTLE.maxPerIp });
  return keys;
}

/** Throws TOO_MANY_ATTEMPTS when the e-mail or the caller's IP is locked. */
export async function assertNotThrottled(ctx: RequestContext, email: string): Promise<void> {
  const now = Date.now();
  const since = new Date(now - THROTTLE.windowMs);
  let retryAfterMs = 0;
  for (const { scope, key, max } of keysFor(ctx, email)) {
    const recent = await ctx.app.dataSource.manager.find(LoginAttempt, {
      where: { scope, key, attemptedAt: MoreThan(since) },
      order: { attemptedAt: 'ASC' },
      select: { id: true, attemptedAt: true },
    });
    if (recent.length < max) continue;
    // Unlocked once enough of the oldest failures leave the window to fall below `max`.
    const freeing = recent[recent.length - max];
    retryAfterMs = Math.max(retryAfterMs, freeing.attemptedAt.getTime() + THROTTLE.windowMs - now);
  }
  if (retryAfterMs > 0) throw tooManyAttempts(Math.max(1, Math.ceil(retryAfterMs / 1000)));
}

/**
 * Records one failure for the e-mail and the IP. Written through the data source,
 * not the request's transaction: the refusal that follows rolls that one back,
 * and the failure must stay counted.
 */
export async function recordFailure(ctx: RequestContext, email: string): Promise<void> {
  const em = ctx.app.dataSource.manager;
  const now = new Date();
  await em.insert(
    LoginAttempt,
    keysFor(ctx, email).map(({ scope, key }) => em.create(LoginAttempt, { scope, key, attemptedAt: now })),
  );
  // Housekeeping: what left the window no longer counts for anyone.
  await em.delete(LoginAttempt, { attemptedAt: LessThan(new Date(now.getTime() - THROTTLE.windowMs)) });
}

/** After a successful login: the e-mail starts afresh. */
export async function clearEmailFailures(ctx: RequestContext, email: string): Promise<void> {
  await ctx.em.delete(LoginAttempt, { scope: 'email', key: email.slice(0, 254) });
}

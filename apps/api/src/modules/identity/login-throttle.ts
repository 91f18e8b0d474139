import type { Repository } from 'typeorm';
import type { RequestContext } from '../../core/context';
import { tooManyAttempts } from '../../core/errors';
import { LoginThrottle } from './login-throttle.entity';

/**
 * Login throttling, counted in the database so that every API process sharing it
 * enforces the same limits.
 *
 * - Per account: at most 5 password checks that fail (or are still running) per
 *   e-mail, until the e-mail has been quiet for 15 minutes. Over that, credentials
 *   are not even checked: TOO_MANY_ATTEMPTS with `extensions.retryAfterSeconds`.
 *   The slot is reserved by one conditional UPDATE *before* the password is
 *   checked, so 40 or 200 concurrent guesses still check at most 5 passwords.
 * - Per IP: never a refusal (an office shares one public address, and one person
 *   mistyping must not lock everyone out), but a progressive delay before each
 *   check once an address has failed `ipDelayAfter` times in the window, so
 *   spraying many accounts from one address slows to a crawl.
 *
 * A successful check gives its slot back; a successful login clears the e-mail's
 * counter (never the IP's: one valid account must not reset a spraying IP).
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  maxPerEmail: 5,
  /** IP failures in the window before checks from that IP are delayed. */
  ipDelayAfter: 20,
  /** Added delay per IP failure beyond `ipDelayAfter`… */
  ipDelayStepMs: 250,
  /** …up to this much per check. */
  ipMaxDelayMs: 10_000,
} as const;

/** The clock and the wait, replaceable in tests so the throttle is checked by its decisions, not by time. */
export const throttleRuntime = {
  now: (): number => Date.now(),
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
};

type Scope = 'email' | 'ip';
const clip = (key: string) => key.slice(0, 254);

/** The delay before a check from `failures` recent IP failures (0 below the threshold). */
export function ipDelayMs(failures: number): number {
  if (failures < THROTTLE.ipDelayAfter) return 0;
  return Math.min(THROTTLE.ipMaxDelayMs, THROTTLE.ipDelayStepMs * (failures - THROTTLE.ipDelayAfter + 1));
}

type Counters = Repository<LoginThrottle>;

function counters(ctx: RequestContext): Counters {
  // Never the request's transaction: a refusal that follows rolls it back, and the count must stay.
  return ctx.detached().platform(LoginThrottle);
}

async function ensureRow(repo: Counters, scope: Scope, key: string): Promise<void> {
  await repo.createQueryBuilder().insert().into(LoginThrottle).values({ scope, key, failures: 0, lastAtMs: 0 }).orIgnore().execute();
}

/** A counter quiet for a whole window starts again from zero (idempotent, safe to race). */
async function resetIfQuiet(repo: Counters, scope: Scope, key: string, now: number): Promise<void> {
  await repo
    .createQueryBuilder()
    .update(LoginThrottle)
    .set({ failures: 0 })
    .where('scope = :scope AND `key` = :key AND lastAtMs < :cutoff AND failures > 0', { scope, key, cutoff: now - THROTTLE.windowMs })
    .execute();
}

/** Adds one to the counter, only while it is under `max`: the check and the count are one statement. */
async function increment(repo: Counters, scope: Scope, key: string, now: number, max: number | null): Promise<boolean> {
  const qb = repo
    .createQueryBuilder()
    .update(LoginThrottle)
    .set({ failures: () => 'failures + 1', lastAtMs: now })
    .where('scope = :scope AND `key` = :key', { scope, key });
  if (max !== null) qb.andWhere('failures < :max', { max });
  const { affected } = await qb.execute();
  return (affected ?? 0) > 0;
}

async function read(repo: Counters, scope: Scope, key: string): Promise<LoginThrottle | null> {
  return repo.findOneBy({ scope, key });
}

function live(row: LoginThrottle | null, now: number): row is LoginThrottle {
  return !!row && row.failures > 0 && row.lastAtMs >= now - THROTTLE.windowMs;
}

function locked(row: LoginThrottle, now: number) {
  const retryAfterMs = row.lastAtMs + THROTTLE.windowMs - now;
  return tooManyAttempts(Math.max(1, Math.ceil(retryAfterMs / 1000)));
}

/** Throws TOO_MANY_ATTEMPTS when the e-mail is locked (read only: for refusals that check nothing). */
export async function assertNotThrottled(ctx: RequestContext, email: string): Promise<void> {
  const now = throttleRuntime.now();
  const row = await read(counters(ctx), 'email', clip(email));
  if (live(row, now) && row.failures >= THROTTLE.maxPerEmail) throw locked(row, now);
}

/** Reserves one password check for the e-mail, or throws TOO_MANY_ATTEMPTS. */
async function reserve(ctx: RequestContext, email: string): Promise<void> {
  const repo = counters(ctx);
  const key = clip(email);
  // A few rounds at most: housekeeping may delete a quiet row between our statements.
  for (let round = 0; round < 3; round++) {
    const now = throttleRuntime.now();
    await ensureRow(repo, 'email', key);
    await resetIfQuiet(repo, 'email', key, now);
    if (await increment(repo, 'email', key, now, THROTTLE.maxPerEmail)) return;
    const row = await read(repo, 'email', key);
    if (row && live(row, now)) throw locked(row, now);
  }
  throw tooManyAttempts(1);
}

/** Gives a reserved slot back (the password was right, or the check could not run). */
async function release(ctx: RequestContext, email: string): Promise<void> {
  await counters(ctx)
    .createQueryBuilder()
    .update(LoginThrottle)
    .set({ failures: () => 'failures - 1' })
    .where('scope = :scope AND `key` = :key AND failures > 0', { scope: 'email', key: clip(email) })
    .execute();
}

/** Waits the caller's IP's progressive delay, if it has failed often lately. */
async function slowDownIp(ctx: RequestContext): Promise<void> {
  if (!ctx.meta.ip) return;
  const now = throttleRuntime.now();
  const row = await read(counters(ctx), 'ip', clip(ctx.meta.ip));
  const delay = live(row, now) ? ipDelayMs(row.failures) : 0;
  if (delay > 0) await throttleRuntime.sleep(delay);
}

async function countIpFailure(ctx: RequestContext): Promise<void> {
  if (!ctx.meta.ip) return;
  const repo = counters(ctx);
  const key = clip(ctx.meta.ip);
  const now = throttleRuntime.now();
  await ensureRow(repo, 'ip', key);
  await resetIfQuiet(repo, 'ip', key, now);
  await increment(repo, 'ip', key, now, null);
  // Housekeeping: counters quiet for a whole window mean nothing any more.
  await repo
    .createQueryBuilder()
    .delete()
    .from(LoginThrottle)
    .where('lastAtMs < :cutoff', { cutoff: now - THROTTLE.windowMs })
    .execute();
}

/**
 * Runs one password check for `email` under the throttle: the IP's delay first,
 * then the e-mail's slot (TOO_MANY_ATTEMPTS when none is left), then `check`.
 * A failed check stays counted for the e-mail and is counted for the IP.
 */
export async function throttledCheck(ctx: RequestContext, email: string, check: () => Promise<boolean>): Promise<boolean> {
  await slowDownIp(ctx);
  await reserve(ctx, email);
  let ok: boolean;
  try {
    ok = await check();
  } catch (error) {
    await release(ctx, email);
    throw error;
  }
  if (ok) await release(ctx, email);
  else await countIpFailure(ctx);
  return ok;
}

/** After a successful login: the e-mail starts afresh. */
export async function clearEmailFailures(ctx: RequestContext, email: string): Promise<void> {
  await ctx.platform(LoginThrottle).delete({ scope: 'email', key: clip(email) });
}

import { canBuyExtraSeats, countMembers, hasAccountantAccess, PLAN_LABEL, Plan, Profile, seatCapacity, takesSeat, usageOf, type MemberCounts, type SeatUsage } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { notFound, planLimit } from '../../core/errors';
import { Membership } from '../identity/membership.entity';
import { Dossier } from '../identity/dossier.entity';

/**
 * Seat checks against the database. The arithmetic itself (included seats, extra
 * seats, who takes a seat, what a plan allows) is shared with the SPA:
 * `@comptoir/schema` (domain/seats.ts). Each helper works on the dossier of the context
 * it is given: the session's, or the one named by `ctx.inDossier(dossierId, reason)`.
 */
export { canBuyExtraSeats, hasAccountantAccess, PLAN_LABEL, seatCapacity, takesSeat, usageOf, type SeatUsage } from '@comptoir/schema';

async function membersOf(ctx: RequestContext, dossierId: string): Promise<MemberCounts> {
  const rows = await ctx
    .platform(Membership)
    .createQueryBuilder('m')
    .select('m.profile', 'profile')
    .addSelect('COUNT(*)', 'n')
    .where('m.dossierId = :dossierId', { dossierId })
    .groupBy('m.profile')
    .getRawMany<{ profile: Profile; n: string | number }>();
  return countMembers(rows.map((row) => ({ profile: row.profile, count: Number(row.n) })));
}

/** The seats of the context's dossier (`dossier` is its row, as read or locked by the caller). */
export async function seatUsage(ctx: RequestContext, dossier: Pick<Dossier, 'id' | 'plan' | 'extraSeats'>): Promise<SeatUsage> {
  if (dossier.id !== ctx.dossierId) throw new Error(`seatUsage: dossier ${dossier.id} is not the context's (${ctx.dossierId})`);
  return usageOf(dossier, await membersOf(ctx, ctx.dossierId));
}

/**
 * The context's dossier row, locked for the rest of the transaction on MySQL/MariaDB
 * (SQLite runs one transaction at a time), so two concurrent additions cannot both
 * take the last seat. Refused outside a transaction.
 */
export async function lockDossier(ctx: RequestContext): Promise<Dossier> {
  // On every dialect alike (SQLite would take no lock anyway): outside a transaction a lock holds nothing.
  if (!ctx.inTransaction) throw new Error('lockDossier runs inside the transaction it locks for: ctx.transaction(…)');
  const dossierId = ctx.dossierId;
  const dossier = await ctx.platform(Dossier).findOne({
    where: { id: dossierId },
    ...(ctx.dialect !== 'better-sqlite3' ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!dossier) throw notFound('Dossier', dossierId);
  return dossier;
}

function assertAccountantAllowed(dossier: Dossier): void {
  if (!hasAccountantAccess(dossier.plan)) {
    throw planLimit(
      'NO_ACCOUNTANT_ACCESS',
      `Accountant access needs the TPE+ plan (this dossier is on ${PLAN_LABEL[dossier.plan]})`,
      { plan: dossier.plan },
    );
  }
}

function assertFreeSeat(dossier: Dossier, usage: SeatUsage): void {
  if (usage.seatsAvailable < 1) {
    throw planLimit(
      'NO_SEAT_LEFT',
      `No seat left: the ${PLAN_LABEL[dossier.plan]} plan of this dossier allows ${usage.totalSeats} login(s) and ${usage.seatsUsed} are used` +
        (canBuyExtraSeats(dossier.plan) ? '; order extra seats first' : '; upgrade the plan first'),
      { totalSeats: usage.totalSeats, seatsUsed: usage.seatsUsed },
    );
  }
}

/** PLAN_LIMIT unless a member with `profile` can join the (locked) dossier. */
export async function assertCanAddMember(ctx: RequestContext, dossier: Dossier, profile: Profile): Promise<void> {
  if (!takesSeat(profile)) return assertAccountantAllowed(dossier);
  assertFreeSeat(dossier, await seatUsage(ctx, dossier));
}

/** PLAN_LIMIT unless a member may go from profile `from` to `to`. */
export async function assertCanChangeProfile(ctx: RequestContext, dossier: Dossier, from: Profile, to: Profile): Promise<void> {
  if (!takesSeat(to)) return assertAccountantAllowed(dossier);
  if (takesSeat(from)) return; // keeps the seat it has
  assertFreeSeat(dossier, await seatUsage(ctx, dossier));
}

/** PLAN_LIMIT when the dossier's members would not fit in `plan`. */
export async function assertPlanFits(ctx: RequestContext, dossier: Dossier, plan: Plan): Promise<void> {
  const usage = await seatUsage(ctx, dossier);
  const capacity = seatCapacity(plan, dossier.extraSeats);
  if (usage.seatsUsed > capacity) {
    throw planLimit(
      'PLAN_TOO_SMALL',
      `The ${PLAN_LABEL[plan]} plan allows ${capacity} login(s) but the dossier has ${usage.seatsUsed} users: remove ${usage.seatsUsed - capacity} user(s) first`,
      { totalSeats: capacity, seatsUsed: usage.seatsUsed },
    );
  }
  if (usage.accountants > 0 && !hasAccountantAccess(plan)) {
    throw planLimit(
      'PLAN_HAS_ACCOUNTANTS',
      `The ${PLAN_LABEL[plan]} plan has no accountant access but the dossier has ${usage.accountants} accountant(s): remove them first`,
      { accountants: usage.accountants },
    );
  }
}

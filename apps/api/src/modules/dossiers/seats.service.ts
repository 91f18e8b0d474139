import type { EntityManager } from 'typeorm';
import { INCLUDED_SEATS, Plan, Profile } from '@comptoir/schema';
import { notFound, planLimit } from '../../core/errors';
import { Membership } from '../identity/membership.entity';
import { Dossier } from '../identity/dossier.entity';

/**
 * Seat arithmetic, in one place (SPEC.md, "Plan"):
 * - `SOLO`: one login, no extra seats (seats bought on a bigger plan wait unused);
 * - `TPE`: 2 included + paid extra seats;
 * - `TPE_PLUS`: as `TPE`, plus accountant access; an `ACCOUNTANT` membership takes no seat.
 * Every membership that is not `ACCOUNTANT` takes one seat.
 */
export interface SeatUsage {
  plan: Plan;
  includedSeats: number;
  /** Paid extra seats recorded on the dossier (unusable on SOLO). */
  extraSeats: number;
  /** Logins the dossier may have, accountants aside. */
  totalSeats: number;
  seatsUsed: number;
  seatsAvailable: number;
  accountantAccess: boolean;
  accountants: number;
}

export const PLAN_LABEL: Record<Plan, string> = { [Plan.SOLO]: 'SOLO', [Plan.TPE]: 'TPE', [Plan.TPE_PLUS]: 'TPE+' };

export function hasAccountantAccess(plan: Plan): boolean {
  return plan === Plan.TPE_PLUS;
}

/** Whether the plan lets the owner buy extra seats. */
export function canBuyExtraSeats(plan: Plan): boolean {
  return plan !== Plan.SOLO;
}

export function takesSeat(profile: Profile): boolean {
  return profile !== Profile.ACCOUNTANT;
}

/** Logins allowed by `plan` with `extraSeats` paid. */
export function seatCapacity(plan: Plan, extraSeats: number): number {
  return INCLUDED_SEATS[plan] + (canBuyExtraSeats(plan) ? extraSeats : 0);
}

interface MemberCounts {
  seated: number;
  accountants: number;
}

async function countMembers(em: EntityManager, dossierId: string): Promise<MemberCounts> {
  const rows = await em
    .createQueryBuilder(Membership, 'm')
    .select('m.profile', 'profile')
    .addSelect('COUNT(*)', 'n')
    .where('m.dossierId = :dossierId', { dossierId })
    .groupBy('m.profile')
    .getRawMany<{ profile: Profile; n: string | number }>();
  let seated = 0;
  let accountants = 0;
  for (const row of rows) {
    if (takesSeat(row.profile)) seated += Number(row.n);
    else accountants += Number(row.n);
  }
  return { seated, accountants };
}

export function usageOf(dossier: Pick<Dossier, 'plan' | 'extraSeats'>, counts: MemberCounts): SeatUsage {
  const totalSeats = seatCapacity(dossier.plan, dossier.extraSeats);
  return {
    plan: dossier.plan,
    includedSeats: INCLUDED_SEATS[dossier.plan],
    extraSeats: dossier.extraSeats,
    totalSeats,
    seatsUsed: counts.seated,
    seatsAvailable: Math.max(0, totalSeats - counts.seated),
    accountantAccess: hasAccountantAccess(dossier.plan),
    accountants: counts.accountants,
  };
}

export async function seatUsage(em: EntityManager, dossier: Pick<Dossier, 'id' | 'plan' | 'extraSeats'>): Promise<SeatUsage> {
  return usageOf(dossier, await countMembers(em, dossier.id));
}

/**
 * The dossier row, locked for the rest of the transaction on MySQL/MariaDB (SQLite
 * runs one transaction at a time), so two concurrent additions cannot both take
 * the last seat.
 */
export async function lockDossier(em: EntityManager, dossierId: string): Promise<Dossier> {
  const dossier = await em.findOne(Dossier, {
    where: { id: dossierId },
    ...(em.connection.options.type !== 'better-sqlite3' ? { lock: { mode: 'pessimistic_write' as const } } : {}),
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
export async function assertCanAddMember(em: EntityManager, dossier: Dossier, profile: Profile): Promise<void> {
  if (!takesSeat(profile)) return assertAccountantAllowed(dossier);
  assertFreeSeat(dossier, await seatUsage(em, dossier));
}

/** PLAN_LIMIT unless a member may go from profile `from` to `to`. */
export async function assertCanChangeProfile(em: EntityManager, dossier: Dossier, from: Profile, to: Profile): Promise<void> {
  if (!takesSeat(to)) return assertAccountantAllowed(dossier);
  if (takesSeat(from)) return; // keeps the seat it has
  assertFreeSeat(dossier, await seatUsage(em, dossier));
}

/** PLAN_LIMIT when the dossier's members would not fit in `plan`. */
export async function assertPlanFits(em: EntityManager, dossier: Dossier, plan: Plan): Promise<void> {
  const usage = await seatUsage(em, dossier);
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

import { Plan, Profile } from '../enums';

/**
 * Seat arithmetic, in one place (SPEC.md, "Plan"), for the API's checks and the
 * SPA's "Mon abonnement" figures:
 * - `SOLO`: one login, no extra seats (seats bought on a bigger plan wait unused);
 * - `TPE`: 2 included + paid extra seats;
 * - `TPE_PLUS`: as `TPE`, plus accountant access; an `ACCOUNTANT` membership takes no seat.
 * Every membership that is not `ACCOUNTANT` takes one seat.
 */

/** Logins included in each plan, before extra seats. The accountant takes no seat. */
export const INCLUDED_SEATS: Record<Plan, number> = {
  [Plan.SOLO]: 1,
  [Plan.TPE]: 2,
  [Plan.TPE_PLUS]: 2,
};

export const PLAN_LABEL: Record<Plan, string> = { [Plan.SOLO]: 'SOLO', [Plan.TPE]: 'TPE', [Plan.TPE_PLUS]: 'TPE+' };

/** Extra seats ordered at once (`orderSeats`). */
export const SEAT_ORDER_MIN = 1;
export const SEAT_ORDER_MAX = 50;

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

export interface MemberCounts {
  /** Members that take a seat (every profile but ACCOUNTANT). */
  seated: number;
  accountants: number;
}

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

/** Members counted by profile → seated members and accountants. */
export function countMembers(profiles: Iterable<{ profile: Profile; count: number }>): MemberCounts {
  let seated = 0;
  let accountants = 0;
  for (const { profile, count } of profiles) {
    if (takesSeat(profile)) seated += count;
    else accountants += count;
  }
  return { seated, accountants };
}

export function usageOf(dossier: { plan: Plan; extraSeats: number }, counts: MemberCounts): SeatUsage {
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

/** Why a member with `profile` cannot join, or null when a seat (or accountant access) is there. */
export function joinRefusal(usage: SeatUsage, profile: Profile): 'NO_ACCOUNTANT_ACCESS' | 'NO_SEAT_LEFT' | null {
  if (!takesSeat(profile)) return usage.accountantAccess ? null : 'NO_ACCOUNTANT_ACCESS';
  return usage.seatsAvailable < 1 ? 'NO_SEAT_LEFT' : null;
}

/** Why the dossier's members would not fit in `plan`, or null when they do. */
export function planChangeRefusal(usage: SeatUsage, plan: Plan): { reason: 'TOO_MANY_USERS'; capacity: number } | { reason: 'ACCOUNTANTS_PRESENT' } | null {
  const capacity = seatCapacity(plan, usage.extraSeats);
  if (usage.seatsUsed > capacity) return { reason: 'TOO_MANY_USERS', capacity };
  if (usage.accountants > 0 && !hasAccountantAccess(plan)) return { reason: 'ACCOUNTANTS_PRESENT' };
  return null;
}

import { Plan, Profile } from '../enums';
import { countMembers, joinRefusal, planChangeRefusal, seatCapacity, usageOf } from './seats';

describe('seats', () => {
  it('counts included and paid extra seats; SOLO cannot use extra seats', () => {
    expect(seatCapacity(Plan.SOLO, 3)).toBe(1);
    expect(seatCapacity(Plan.TPE, 3)).toBe(5);
    expect(seatCapacity(Plan.TPE_PLUS, 0)).toBe(2);
  });

  it('gives the accountant no seat', () => {
    const counts = countMembers([
      { profile: Profile.OWNER, count: 1 },
      { profile: Profile.ADV, count: 1 },
      { profile: Profile.ACCOUNTANT, count: 2 },
    ]);
    expect(counts).toEqual({ seated: 2, accountants: 2 });
    const usage = usageOf({ plan: Plan.TPE_PLUS, extraSeats: 1 }, counts);
    expect(usage).toMatchObject({ totalSeats: 3, seatsUsed: 2, seatsAvailable: 1, accountantAccess: true, accountants: 2 });
  });

  it('refuses a member without a free seat, and an accountant without TPE+', () => {
    const full = usageOf({ plan: Plan.TPE, extraSeats: 0 }, { seated: 2, accountants: 0 });
    expect(joinRefusal(full, Profile.ADV)).toBe('NO_SEAT_LEFT');
    expect(joinRefusal(full, Profile.ACCOUNTANT)).toBe('NO_ACCOUNTANT_ACCESS');
    const plus = usageOf({ plan: Plan.TPE_PLUS, extraSeats: 1 }, { seated: 2, accountants: 0 });
    expect(joinRefusal(plus, Profile.ADV)).toBeNull();
    expect(joinRefusal(plus, Profile.ACCOUNTANT)).toBeNull();
  });

  it('refuses a plan the members would not fit in', () => {
    const usage = usageOf({ plan: Plan.TPE_PLUS, extraSeats: 0 }, { seated: 2, accountants: 1 });
    expect(planChangeRefusal(usage, Plan.SOLO)).toEqual({ reason: 'TOO_MANY_USERS', capacity: 1 });
    expect(planChangeRefusal(usage, Plan.TPE)).toEqual({ reason: 'ACCOUNTANTS_PRESENT' });
    expect(planChangeRefusal(usage, Plan.TPE_PLUS)).toBeNull();
  });
});

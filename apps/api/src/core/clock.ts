/**
 * The time used for records and history entries. Production reads the system
 * clock; the demo seed moves it back to spread documents over past months.
 */
export const clock = {
  now: (): Date => new Date(),
};

/** Runs `work` with the clock fixed at `at` (seed only: not safe under concurrent requests). */
export async function withClock<T>(at: Date, work: () => Promise<T>): Promise<T> {
  const previous = clock.now;
  clock.now = () => new Date(at.getTime());
  try {
    return await work();
  } finally {
    clock.now = previous;
  }
}

/** `YYYY-MM-DD` of a date, in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

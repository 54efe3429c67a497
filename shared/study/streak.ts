/**
 * Study streaks and calendar weeks (DESIGN §6 Study): a streak is the run of consecutive Asia/Shanghai days
 * with at least one check-in. Days are `YYYY-MM-DD` Shanghai calendar dates (shared/time.ts `shanghaiDay`);
 * the arithmetic here is on calendar dates only, so month and year ends, and 29 February, need no special case.
 */

export interface Streak {
  readonly current: number;
  readonly longest: number;
}

/** A member's maintained streak, updated in the same transaction as each check-in. */
export interface StreakState {
  /** The latest day with a check-in, or null before the first. */
  readonly lastDay: string | null;
  /** The first day of the run that ends on `lastDay`. */
  readonly runStart: string | null;
  /** Length of that run, in days. */
  readonly current: number;
  readonly longest: number;
}

export const NO_STREAK: StreakState = { lastDay: null, runStart: null, current: 0, longest: 0 };

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcMs(day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new Error(`not a calendar day: ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** The calendar day `by` days after (or before) `day`: 2026-12-31 +1 → 2027-01-01. */
export function shiftDay(day: string, by: number): string {
  return new Date(toUtcMs(day) + by * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday of `day`'s week (weeks run Monday to Sunday, as a Chinese calendar shows them). */
export function weekStart(day: string): string {
  const weekday = new Date(toUtcMs(day)).getUTCDay(); // 0 = Sunday
  return shiftDay(day, -((weekday + 6) % 7));
}

/**
 * The state after a check-in on `day`. Check-ins are stamped by the server as they happen, so days arrive in
 * order; the one exception (two completions racing across midnight, written in the other order) extends the
 * run backwards when it is the day before the run's start.
 */
export function recordStudyDay(state: StreakState, day: string): StreakState {
  const { lastDay, runStart } = state;
  if (lastDay === null || runStart === null)
    return { lastDay: day, runStart: day, current: 1, longest: Math.max(1, state.longest) };
  if (day === lastDay) return state;
  if (day > lastDay) {
    const current = shiftDay(lastDay, 1) === day ? state.current + 1 : 1;
    return {
      lastDay: day,
      runStart: current === 1 ? day : runStart,
      current,
      longest: Math.max(state.longest, current),
    };
  }
  if (day === shiftDay(runStart, -1)) {
    const current = state.current + 1;
    return { lastDay, runStart: day, current, longest: Math.max(state.longest, current) };
  }
  return state;
}

/**
 * The streak as of `today`: the run still counts while its last day is today or yesterday (today's study
 * may still come); after a day without study the current streak is 0. The longest is kept.
 */
export function streakOn(state: StreakState, today: string): Streak {
  const alive = state.lastDay !== null && (state.lastDay === today || shiftDay(state.lastDay, 1) === today);
  return { current: alive ? state.current : 0, longest: state.longest };
}

import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Business calendars (days, weeks, "Tuesday night") are Asia/Shanghai; storage is ISO-8601 UTC. */
export const BUSINESS_TZ = 'Asia/Shanghai';

export function toShanghai(at: string | number | Date) {
  return dayjs(at).tz(BUSINESS_TZ);
}

/** The Asia/Shanghai calendar day of an instant, YYYY-MM-DD. */
export function shanghaiDay(at: string | number | Date): string {
  return toShanghai(at).format('YYYY-MM-DD');
}

/** 11月23日 19:00 — how the app shows a time. */
export function formatShanghai(at: string | number | Date, pattern = 'M月D日 HH:mm'): string {
  return toShanghai(at).format(pattern);
}

/** An instant given as Asia/Shanghai wall-clock time (`2026-11-24 19:00`) → ISO UTC. */
export function fromShanghai(wallClock: string): string {
  return dayjs.tz(wallClock, BUSINESS_TZ).toISOString();
}

export { dayjs };

/** YYYY-MM with a real month (01–12). */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** How far back month views (overview, 我的签到) look: the current month and the 24 before it. */
export const RECENT_MONTHS_BACK = 24;

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** The Asia/Shanghai calendar month of an instant, YYYY-MM. */
export function shanghaiMonth(at: string | number | Date): string {
  return toShanghai(at).format('YYYY-MM');
}

/** The month `by` months after (or before) `month`, both YYYY-MM: 2026-01 −1 → 2025-12. */
export function shiftMonth(month: string, by: number): string {
  const index = monthIndex(month) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` (both YYYY-MM): 2026-11 → 2027-01 is 2. */
export function monthsBetween(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from);
}

/** The month's instants as ISO UTC (the stored format): `from` inclusive, `to` (next month's first) exclusive. */
export function monthRange(month: string): { from: string; to: string } {
  return { from: fromShanghai(`${month}-01 00:00`), to: fromShanghai(`${shiftMonth(month, 1)}-01 00:00`) };
}

/** A month a month view answers for: well-formed, not after the current Shanghai month, ≤ 24 months back. */
export function isRecentMonth(month: string, nowMs: number): boolean {
  if (!MONTH_PATTERN.test(month)) return false;
  const back = monthsBetween(month, shanghaiMonth(nowMs));
  return back >= 0 && back <= RECENT_MONTHS_BACK;
}

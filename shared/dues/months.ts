/**
 * Which months a member may pay, and which months bills may be issued for (DESIGN §6 党费). All months are
 * YYYY-MM; "current" is the Asia/Shanghai month, passed in so the rules stay pure.
 */
import { MONTH_PATTERN, monthsBetween, shanghaiMonth, shiftMonth } from '../time';
import { MAX_BACK_MONTHS, MAX_PREPAY_MONTHS } from './schemas';

export type SelectionError =
  | 'DUES_NO_BILLS'
  | 'DUES_ARREARS_TOO_OLD'
  | 'DUES_PREPAY_NOT_ALLOWED'
  | 'DUES_TOO_MANY_MONTHS';

/** How far back a bill may be issued: the 组织委员 records older arrears offline, but not beyond a year. */
export const BILL_BACK_MONTHS = 12;

function assertMonth(month: string): void {
  if (!MONTH_PATTERN.test(month)) throw new Error(`月份格式应为 YYYY-MM：${month}`);
}

/**
 * Whether a member may pay these months online now. Back payment reaches MAX_BACK_MONTHS before the current
 * month (current 2026-11: 2026-05 yes, 2026-04 no — older arrears go through the 组织委员); future months only
 * when the branch allows prepayment, and at most `prepayMonths` (never more than MAX_PREPAY_MONTHS) ahead.
 * A voluntary extra alone is not "no bills"; whether it is large enough is the caller's rule.
 * With several problems, the first in this order wins: too old, prepay not allowed, too many months.
 */
export function checkMemberSelection(input: {
  months: readonly string[];
  currentMonth: string;
  prepayMonths: number;
  voluntaryFen: number;
}): SelectionError | null {
  const { months, currentMonth } = input;
  assertMonth(currentMonth);
  for (const month of months) assertMonth(month);
  if (months.length === 0 && input.voluntaryFen <= 0) return 'DUES_NO_BILLS';
  const ahead = months.map((month) => monthsBetween(currentMonth, month));
  if (ahead.some((n) => n < -MAX_BACK_MONTHS)) return 'DUES_ARREARS_TOO_OLD';
  const allowed = Math.max(0, Math.min(Math.trunc(input.prepayMonths) || 0, MAX_PREPAY_MONTHS));
  if (ahead.some((n) => n > 0) && allowed === 0) return 'DUES_PREPAY_NOT_ALLOWED';
  if (ahead.some((n) => n > allowed)) return 'DUES_TOO_MANY_MONTHS';
  return null;
}

/** The `count` months after `currentMonth`, oldest first: 2026-11, 2 → [2026-12, 2027-01]. */
export function prepayMonthList(currentMonth: string, count: number): string[] {
  assertMonth(currentMonth);
  return Array.from({ length: Math.max(0, Math.trunc(count) || 0) }, (_, i) => shiftMonth(currentMonth, i + 1));
}

/** Whether a bill may be issued for `month`: from BILL_BACK_MONTHS back to `allowFutureMonths` ahead. */
export function billableMonth(month: string, currentMonth: string, allowFutureMonths: number): boolean {
  if (!MONTH_PATTERN.test(month)) return false;
  assertMonth(currentMonth);
  const ahead = monthsBetween(currentMonth, month);
  return ahead >= -BILL_BACK_MONTHS && ahead <= Math.max(0, allowFutureMonths);
}

/**
 * The first month a member owes dues: the Shanghai month of admission (a probationary member pays from the
 * month the branch meeting admits them; nobody owes before joining). Takes a calendar date (YYYY-MM-DD, as
 * the roster stores 入党日期, already a Chinese date: read as written, not through the host's time zone) or an
 * ISO instant (converted to Asia/Shanghai).
 */
export function firstOwedMonth(joinedAtIso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(joinedAtIso)) {
    const month = joinedAtIso.slice(0, 7);
    assertMonth(month);
    return month;
  }
  const ms = Date.parse(joinedAtIso);
  if (Number.isNaN(ms)) throw new Error(`入党日期无效：${joinedAtIso}`);
  return shanghaiMonth(ms);
}

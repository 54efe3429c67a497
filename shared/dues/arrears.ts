/**
 * Arrears (DESIGN §6 党费): six consecutive months unpaid without good reason is 自行脱党 under the Party
 * constitution, so members and the branch are warned at 3 and at 5 months.
 */
import { formatYuanCn } from './money';

export interface BillState {
  readonly month: string;
  readonly paid: boolean;
  readonly amountFen: number;
}

/** Warn at these run lengths; at ARREARS_LAPSE_MONTHS the branch must act. */
export const ARREARS_WARNINGS = [3, 5] as const;
export const ARREARS_LAPSE_MONTHS = 6;

/**
 * Consecutive unpaid months ending at the latest billed month ≤ uptoMonth, oldest first; a paid month breaks the
 * run. Which months count is the caller's choice of `uptoMonth` (the current month, or the last finished one).
 *
 * A month without any bill (exempt, no approved base yet, before admission) neither breaks nor extends the run:
 * nothing was owed, so it is no arrear, but nothing was paid either, so it does not cure the months before it.
 * Hence unpaid 01, no bill 02, unpaid 03 is a run of two months; a month without a bill after a paid one is
 * simply skipped. A month billed twice (should not happen) counts as paid when either bill is.
 */
export function unpaidRun(bills: readonly BillState[], uptoMonth: string): { months: string[]; owedFen: number } {
  const byMonth = new Map<string, { paid: boolean; owedFen: number }>();
  for (const bill of bills) {
    if (bill.month > uptoMonth) continue;
    const seen = byMonth.get(bill.month) ?? { paid: false, owedFen: 0 };
    byMonth.set(bill.month, {
      paid: seen.paid || bill.paid,
      owedFen: seen.owedFen + (bill.paid ? 0 : bill.amountFen),
    });
  }
  const newestFirst = [...byMonth.keys()].sort().reverse();
  const months: string[] = [];
  let owedFen = 0;
  for (const month of newestFirst) {
    const state = byMonth.get(month)!;
    if (state.paid) break;
    months.push(month);
    owedFen += state.owedFen;
  }
  return { months: months.reverse(), owedFen };
}

/** The warning level a run of `consecutive` unpaid months has reached, or null below the first warning. */
export function arrearsLevel(consecutive: number): 3 | 5 | 6 | null {
  if (consecutive >= ARREARS_LAPSE_MONTHS) return 6;
  if (consecutive >= ARREARS_WARNINGS[1]) return 5;
  if (consecutive >= ARREARS_WARNINGS[0]) return 3;
  return null;
}

/** The member-facing warning for an unpaid run (MemberDuesResponse.warnings), or null when there is none. */
export function arrearsWarning(run: { months: readonly string[]; owedFen: number }): {
  code: string;
  message: string;
} | null {
  const level = arrearsLevel(run.months.length);
  if (level === null) return null;
  const owed = `已连续 ${run.months.length} 个月未交纳党费（${run.months[0]} 起，共 ${formatYuanCn(run.owedFen)}）`;
  if (level === ARREARS_LAPSE_MONTHS)
    return {
      code: 'DUES_ARREARS_6',
      message: `${owed}。按党章规定，连续六个月不交纳党费又无正当理由的视为自行脱党，请立即联系组织委员。`,
    };
  return { code: `DUES_ARREARS_${level}`, message: `${owed}，请尽快补交。连续六个月不交纳党费将按党章处理。` };
}

import { isStatsPeriod, parsePeriod, periodLabel, periodOf } from '../../../../../shared/meetings/frequency';
import { shanghaiMonth, shiftMonth } from '../../../../../shared/time';

/** The lengths the page offers: 月 · 季 · 年 (half-years are in the API, not on this switch). */
export type PeriodKind = 'month' | 'quarter' | 'year';

export const PERIOD_KINDS: readonly (readonly [PeriodKind, string])[] = [
  ['month', '月'],
  ['quarter', '季'],
  ['year', '年'],
];

const SPAN: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/** The period of `kind` containing `month` (default: this Asia/Shanghai month). */
export function currentPeriod(kind: PeriodKind, month = shanghaiMonth(Date.now())): string {
  return periodOf(kind, month).key;
}

/** The period `by` steps before or after `key`, of the same length. */
export function shiftPeriod(key: string, kind: PeriodKind, by: number): string {
  const first = parsePeriod(key)!.months[0]!;
  return currentPeriod(kind, shiftMonth(first, by * SPAN[kind]));
}

/** Whether the server answers for `key` now (begun, within the last five years): no tap ends in an error. */
export const canShow = (key: string) => isStatsPeriod(key, Date.now());

export const labelOf = (key: string) => periodLabel(parsePeriod(key)!);

/** The months of the period a 考勤 export can be asked for: begun ones only. */
export function exportMonths(key: string): string[] {
  const now = shanghaiMonth(Date.now());
  return parsePeriod(key)!.months.filter((month) => month <= now);
}

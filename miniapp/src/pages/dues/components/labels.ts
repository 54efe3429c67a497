/** Words and figures the 党费 pages share: categories, channels, months and yuan (integer fen, never a float). */
import { formatYuan } from '../../../../../shared/dues/money';
import { monthsBetween } from '../../../../../shared/time';

export { CATEGORY_NAMES, CHANNEL_NAMES } from '../../../../../shared/dues/labels';

/** 8100 → "81.00 元". */
export const yuan = (fen: number) => `${formatYuan(fen)} 元`;

/** 2026-11 → 2026年11月. */
export const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/**
 * Months as people say them: one month, a run (2026年9月–11月, 2026年12月–2027年2月) or a list when there are
 * gaps (2026年5月、7月). Sorted first, so the order the server sends does not matter.
 */
export function monthsText(months: readonly string[]): string {
  const sorted = [...new Set(months)].sort();
  if (sorted.length === 0) return '';
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (sorted.length === 1) return monthText(first);
  const continuous = monthsBetween(first, last) === sorted.length - 1;
  const short = (month: string, previous: string) =>
    month.slice(0, 4) === previous.slice(0, 4) ? `${Number(month.slice(5, 7))}月` : monthText(month);
  if (continuous) return `${monthText(first)}–${short(last, first)}`;
  return sorted.map((month, i) => (i === 0 ? monthText(month) : short(month, sorted[i - 1]!))).join('、');
}

/** The sum of bills in fen (integers all the way). */
export const sumFen = (bills: readonly { amountFen: number }[]) => bills.reduce((sum, bill) => sum + bill.amountFen, 0);

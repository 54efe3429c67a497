/**
 * Money as integer fen (DESIGN §6 党费). Yuan arrive as decimal strings a person typed ("5400.00") and leave as
 * decimal strings; in between there is only integer fen. No floating point: "0.29" × 100 as a float is
 * 28.999999999999996, so the digits are split and read as integers instead.
 */
import { YUAN_PATTERN } from './schemas';

/** "5400", "5400.0", "5400.00" → 540000 fen; anything YUAN_PATTERN rejects (signs, 3 decimals, spaces) → null. */
export function parseYuan(text: string): number | null {
  if (typeof text !== 'string' || !YUAN_PATTERN.test(text)) return null;
  const [whole = '', fraction = ''] = text.split('.');
  // At most 8 digits of yuan: ≤ 9,999,999,999 fen, far inside the safe-integer range.
  return Number.parseInt(whole, 10) * 100 + Number.parseInt(fraction.padEnd(2, '0'), 10);
}

/** 540000 → "5400.00"; 20 → "0.20". Throws on a fraction of a fen: that is a bug upstream, not a display issue. */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`金额须为整数分：${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 8100 → "81.00 元", how amounts read in 中文 text. */
export function formatYuanCn(fen: number): string {
  return `${formatYuan(fen)} 元`;
}

/** Online payment orders (DESIGN §6 党费): one order, one WeChat Pay v3 JSAPI prepay, covering several bills. */
import { formatShanghai } from '../time';

/** WeChat Pay v3 out_trade_no: 6–32 characters; we use only letters, digits, _ and -. */
export const OUT_TRADE_NO_PATTERN = /^[A-Za-z0-9_-]{6,32}$/;
export const OUT_TRADE_NO_PREFIX = 'DF';
/** Room left for the random part after 'DF' and yyyyMMddHHmmss. */
export const OUT_TRADE_NO_RANDOM_MAX = 32 - OUT_TRADE_NO_PREFIX.length - 14;

function assertFen(fen: number, what: string): void {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new Error(`${what}须为非负整数分：${fen}`);
}

/** The order's total in fen: the bills plus the voluntary extra, in integers (a float sum could drift). */
export function orderTotal(bills: readonly { amountFen: number }[], voluntaryFen: number): number {
  assertFen(voluntaryFen, '自愿多交金额');
  let total = voluntaryFen;
  for (const bill of bills) {
    assertFen(bill.amountFen, '账单金额');
    total += bill.amountFen;
  }
  if (!Number.isSafeInteger(total)) throw new Error('订单金额过大');
  return total;
}

/**
 * 'DF' + the Shanghai time yyyyMMddHHmmss + `random`, e.g. DF20261123100000a1B2c3D4e5F6g7H8. The time makes it
 * readable on a statement and sortable; `random` (letters, digits, _ or -) makes it unique. A longer random is
 * cut to the OUT_TRADE_NO_RANDOM_MAX characters that fit in 32.
 */
export function outTradeNo(nowMs: number, random: string): string {
  if (!Number.isFinite(nowMs)) throw new Error(`时间无效：${nowMs}`);
  if (!/^[A-Za-z0-9_-]+$/.test(random)) throw new Error('随机部分只能含字母、数字、_ 和 -');
  return `${OUT_TRADE_NO_PREFIX}${formatShanghai(nowMs, 'YYYYMMDDHHmmss')}${random.slice(0, OUT_TRADE_NO_RANDOM_MAX)}`;
}

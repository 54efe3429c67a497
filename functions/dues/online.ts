/**
 * Recording what WeChat Pay says was paid — from its notification or from our own query of a stale order.
 * The transaction is checked against our order (merchant, app, order, amount, payer) before anything is
 * written; then the payment, the bills and the order move in ONE transaction. Every replay lands on the order
 * already paid and changes nothing; money for bills paid another way meanwhile becomes a refund-due entry.
 */
import { shanghaiMonth } from '../../shared/time';
import { flagMessages } from './flags';
import { billKeysOf, wechatPaymentId } from './keys';
import type { OrderRecord, PaymentFlag, PaymentRecord } from './records';
import { recordRefundDue, settle } from './settle';
import * as store from './store';
import type { PayConfig } from './wechatpay/config';
import type { WechatTransaction } from './wechatpay/crypto';

export type Applied =
  | 'recorded'
  | 'replay'
  | 'refund_due'
  | 'not_success'
  | 'unknown_order'
  | 'wrong_merchant'
  | 'amount_mismatch'
  | 'payer_mismatch'
  | 'order_closed'
  | 'order_expired';

const MAX_ROUNDS = 10;

/** Why a transaction does not match our order (null: it does). */
export function mismatch(tx: WechatTransaction, order: OrderRecord, cfg: PayConfig): Applied | null {
  if (tx.mchid !== cfg.mchid || tx.appid !== cfg.appid) return 'wrong_merchant';
  if (tx.amount.total !== order.totalFen || (tx.amount.currency ?? 'CNY') !== 'CNY') return 'amount_mismatch';
  if (tx.payer?.openid !== order.openid) return 'payer_mismatch';
  return null;
}

function paymentOf(order: OrderRecord, tx: WechatTransaction, nowMs: number): PaymentRecord {
  const paidAt = tx.success_time ? new Date(tx.success_time).toISOString() : new Date(nowMs).toISOString();
  const flags: PaymentFlag[] = [];
  // The order's month had closed before WeChat's word arrived: recorded all the same, and flagged (§issue 10).
  if (shanghaiMonth(nowMs) > shanghaiMonth(order.createdAt)) flags.push('late_notification');
  if (order.voluntaryFen >= 100_000) flags.push('voluntary_large');
  return {
    id: wechatPaymentId(order.outTradeNo),
    memberId: order.memberId,
    memberName: order.memberName,
    orgId: order.orgId,
    orgPath: order.orgPath,
    channel: 'wechat',
    billIds: order.billIds,
    months: order.months,
    billsFen: order.billsFen,
    voluntaryFen: order.voluntaryFen,
    totalFen: order.totalFen,
    outTradeNo: order.outTradeNo,
    transactionId: tx.transaction_id ?? null,
    receiptNo: null,
    payer: { kind: 'self', name: order.memberName },
    recordedBy: null,
    paidAt,
    recordedAt: new Date(nowMs).toISOString(),
    flags,
    status: 'recorded',
    reversal: null,
  };
}

/** Applies a WeChat transaction (already authenticated) to its order. */
export async function applyTransaction(tx: WechatTransaction, cfg: PayConfig, nowMs: number): Promise<Applied> {
  if (tx.trade_state !== 'SUCCESS') return 'not_success';
  let order = await store.getOrder(tx.out_trade_no, true);
  if (!order) return 'unknown_order';
  const wrong = mismatch(tx, order, cfg);
  if (wrong) return wrong;
  // The payment and its flag messages depend on the order and the transaction only: built once, on the first
  // round that records (a replay builds nothing).
  let recording: { payment: PaymentRecord; messages: store.TransactItem[] } | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (order.status === 'paid' || order.status === 'refund_due') return 'replay';
    if (order.status === 'closed') return 'order_closed';
    if (tx.success_time && Date.parse(tx.success_time) > Date.parse(order.expiresAt) + 60_000) return 'order_expired';
    const bills = await store.getBills(billKeysOf(order.billIds));
    if (bills.some((bill) => bill.status === 'paid')) {
      // Paid meanwhile by another payment (cash at the branch): the money is kept as due for refund.
      if (await recordRefundDue(order, tx.transaction_id ?? '', new Date(nowMs).toISOString())) return 'refund_due';
    } else {
      if (!recording) {
        const payment = paymentOf(order, tx, nowMs);
        recording = { payment, messages: await flagMessages(payment) };
      }
      const outcome = await settle({ ...recording, bills, order });
      if (outcome.ok) return 'recorded';
      if (!outcome.conflict && !outcome.payment && !outcome.order && !outcome.bills) throw new Error('settle failed');
      if (outcome.conflict) await store.pause(round);
    }
    const fresh = await store.getOrder(order.outTradeNo, true);
    if (!fresh) return 'unknown_order';
    order = fresh;
  }
  throw new Error(`order ${order.outTradeNo}: still contended after ${MAX_ROUNDS} rounds`);
}

/**
 * Money in and out, each in ONE transaction with everything it changes: a payment marks its bills paid (each on
 * its unpaid state), adds to the branch-month figures of each bill's month and branch, closes its order or
 * claims its receipt number; a reversal is its own entry that makes the bills unpaid again and takes the
 * figures back. Nothing is edited or deleted (§6.1): the payment keeps its record and gains its reversal.
 */
import { formatYuanCn } from '../../shared/dues/money';
import { shanghaiMonth } from '../../shared/time';
import { tableName } from '../commons/config';
import { messageItems } from '../messages/outbox';
import { billKey, memberPaymentsPk, paymentKey, receiptKey, refundKey, refundsPk, reversalKey } from './keys';
import type { Actor, BillRecord, OrderRecord, PaymentRecord } from './records';
import * as store from './store';

type Item = store.TransactItem;

function paymentPut(payment: PaymentRecord): Item {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...paymentKey(payment.id),
        gsi2pk: memberPaymentsPk(payment.memberId),
        gsi2sk: `${payment.paidAt}#${payment.id}`,
        ...payment,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

function billPaid(bill: BillRecord, payment: PaymentRecord): Item {
  return {
    Update: {
      TableName: tableName(),
      Key: billKey(bill.memberId, bill.month),
      UpdateExpression:
        'SET #status = :paid, paymentId = :pid, channel = :channel, paidAt = :at, gsi1sk = :sk, version = version + :one REMOVE openOrder',
      ConditionExpression: '#status = :unpaid',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':paid': 'paid',
        ':unpaid': 'unpaid',
        ':pid': payment.id,
        ':channel': payment.channel,
        ':at': payment.paidAt,
        ':sk': `paid#${bill.memberId}`,
        ':one': 1,
      },
    },
  };
}

function billUnpaid(bill: BillRecord, paymentId: string): Item {
  return {
    Update: {
      TableName: tableName(),
      Key: billKey(bill.memberId, bill.month),
      UpdateExpression:
        'SET #status = :unpaid, gsi1sk = :sk, version = version + :one REMOVE paymentId, channel, paidAt',
      ConditionExpression: '#status = :paid AND paymentId = :pid',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':paid': 'paid',
        ':unpaid': 'unpaid',
        ':pid': paymentId,
        ':sk': `unpaid#${bill.memberId}`,
        ':one': 1,
      },
    },
  };
}

/** The figures a set of bills moves, one item per (branch, month), scaled by `sign`. */
function figuresOf(bills: readonly BillRecord[], sign: 1 | -1, extra: store.MonthDelta = {}): Item[] {
  const groups = new Map<string, { bill: BillRecord; fen: number; count: number }>();
  for (const bill of bills) {
    const key = `${bill.orgId}|${bill.month}`;
    const group = groups.get(key) ?? { bill, fen: 0, count: 0 };
    group.fen += bill.amountFen;
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()].map((group, i) =>
    store.monthAdd(group.bill, group.bill.month, {
      paidFen: sign * group.fen,
      paidMembers: sign * group.count,
      ...(i === 0 ? extra : {}),
    }),
  );
}

export interface Settlement {
  readonly payment: PaymentRecord;
  /** The bills as read, unpaid. */
  readonly bills: readonly BillRecord[];
  /** Online: the order it pays (created → paid in the same transaction). */
  readonly order?: OrderRecord;
  /** Offline: the receipt number claimed for the committee. */
  readonly receipt?: { rootId: string; receiptNo: string; paymentId: string };
  /** The fact's messages (a large voluntary payment flagged to the committee), in the same transaction. */
  readonly messages?: readonly store.TransactItem[];
}

export type SettleOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly payment: boolean;
      readonly bills: boolean;
      readonly order: boolean;
      readonly receipt: boolean;
      readonly conflict: boolean;
    };

export async function settle(s: Settlement): Promise<SettleOutcome> {
  const { payment } = s;
  const extra: store.MonthDelta = {
    ...(payment.voluntaryFen ? { voluntaryFen: payment.voluntaryFen } : {}),
    ...(payment.flags.includes('late_notification') ? { lateNotifications: 1 } : {}),
  };
  const figures = s.bills.length
    ? figuresOf(s.bills, 1, extra)
    : [store.monthAdd(payment, shanghaiMonth(payment.paidAt), extra)];
  const items: Item[] = [paymentPut(payment), ...s.bills.map((bill) => billPaid(bill, payment)), ...figures];
  const orderAt = s.order ? items.length : -1;
  if (s.order) {
    items.push(
      store.orderLeavesCreated(s.order.outTradeNo, 'paid', {
        paymentId: payment.id,
        transactionId: payment.transactionId,
      }),
    );
  }
  const receiptAt = s.receipt ? items.length : -1;
  if (s.receipt) {
    items.push({
      Put: {
        TableName: tableName(),
        Item: { ...receiptKey(s.receipt.rootId, s.receipt.receiptNo), paymentId: s.receipt.paymentId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  items.push(...(s.messages ?? []));
  const reasons = await store.transact(items);
  if (!reasons) return { ok: true };
  const failed = (i: number) => reasons[i] === 'ConditionalCheckFailed';
  return {
    ok: false,
    payment: failed(0),
    bills: s.bills.some((_, i) => failed(i + 1)),
    order: orderAt >= 0 && failed(orderAt),
    receipt: receiptAt >= 0 && failed(receiptAt),
    conflict: reasons.includes('TransactionConflict'),
  };
}

/** Money received online for bills already paid another way: recorded as due for refund, never lost. */
export async function recordRefundDue(order: OrderRecord, transactionId: string, nowIso: string): Promise<boolean> {
  const reasons = await store.transact([
    store.orderLeavesCreated(order.outTradeNo, 'refund_due', { transactionId }),
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...refundKey(order.outTradeNo),
          gsi1pk: refundsPk(order.orgId),
          gsi1sk: `${shanghaiMonth(nowIso)}#${nowIso}`,
          outTradeNo: order.outTradeNo,
          transactionId,
          memberId: order.memberId,
          memberName: order.memberName,
          orgId: order.orgId,
          amountFen: order.totalFen,
          billIds: order.billIds,
          at: nowIso,
          status: 'due',
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    store.monthAdd(order, shanghaiMonth(nowIso), { refundDueFen: order.totalFen }),
    ...messageItems(
      {
        id: `dues-refund-${order.outTradeNo}`,
        memberId: order.memberId,
        kind: 'dues_flag',
        title: '党费重复缴纳，待退款',
        body: `您的一笔微信支付 ${formatYuanCn(order.totalFen)}（${order.months.join('、')}）支付时该月党费已由其他方式缴纳，组织委员将为您办理退款`,
        ref: { type: 'dues', id: order.memberId },
      },
      nowIso,
    ),
  ]);
  return reasons === null;
}

export interface ReversalRecord {
  readonly id: string;
  readonly paymentId: string;
  readonly reason: string;
  readonly billIds: string[];
  readonly amountFen: number;
  readonly by: Actor;
  readonly at: string;
}

/** → null when done; 'reversed' when the payment had been reversed already; 'conflict' to go round again. */
export async function reverse(
  payment: PaymentRecord,
  bills: readonly BillRecord[],
  reversal: ReversalRecord,
): Promise<null | 'reversed' | 'conflict'> {
  const reasons = await store.transact([
    {
      Put: {
        TableName: tableName(),
        Item: { ...reversalKey(payment.id), ...reversal },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: tableName(),
        Key: paymentKey(payment.id),
        UpdateExpression: 'SET #status = :reversed, reversal = :reversal',
        ConditionExpression: '#status = :recorded',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':reversed': 'reversed',
          ':recorded': 'recorded',
          ':reversal': { id: reversal.id, reason: reversal.reason, by: reversal.by, at: reversal.at },
        },
      },
    },
    ...bills.map((bill) => billUnpaid(bill, payment.id)),
    ...(bills.length
      ? figuresOf(bills, -1, payment.voluntaryFen ? { voluntaryFen: -payment.voluntaryFen } : {})
      : [store.monthAdd(payment, shanghaiMonth(payment.paidAt), { voluntaryFen: -payment.voluntaryFen })]),
  ]);
  if (!reasons) return null;
  if (reasons[0] === 'ConditionalCheckFailed' || reasons[1] === 'ConditionalCheckFailed') return 'reversed';
  return 'conflict';
}

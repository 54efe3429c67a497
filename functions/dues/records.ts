/** What the 党费 items hold (keys in ./keys.ts), and their API views (shared/dues/schemas.ts). */
import { orderTotal } from '../../shared/dues/orders';
import type {
  Bill,
  Computation,
  DuesBase,
  DuesCategory,
  Order,
  PAYMENT_FLAGS,
  Payer,
  Payment,
} from '../../shared/dues/schemas';

export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

export interface BaseRecord {
  readonly id: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly orgId: string;
  readonly orgPath: string;
  readonly year: number;
  readonly category: DuesCategory;
  readonly monthlyBase: string | null;
  readonly baseFen: number | null;
  readonly farmerFen: number | null;
  readonly reducedFen: number | null;
  readonly fromMonth: string;
  readonly note: string;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly needsCommittee: boolean;
  readonly computation: Computation;
  readonly declaredBy: Actor;
  readonly declaredAt: string;
  readonly decidedBy: Actor | null;
  readonly decidedAt: string | null;
  readonly comment: string | null;
  readonly version: number;
}

/** One approved base in a member's timeline (the profile item). */
export interface ApprovedBase {
  readonly baseId: string;
  readonly year: number;
  readonly fromMonth: string;
  readonly category: DuesCategory;
  readonly baseFen: number | null;
  readonly farmerFen: number | null;
  readonly reducedFen: number | null;
  readonly decidedAt: string;
}

export interface BillRecord {
  readonly id: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly orgId: string;
  readonly orgPath: string;
  readonly month: string;
  readonly category: DuesCategory;
  readonly baseId: string;
  readonly amountFen: number;
  readonly computation: Computation;
  readonly status: 'unpaid' | 'paid';
  readonly paymentId?: string;
  readonly channel?: 'wechat' | 'cash' | 'transfer';
  readonly paidAt?: string;
  /** The open WeChat Pay order for this bill: queried and closed before another is made. */
  readonly openOrder?: string;
  readonly version: number;
  readonly createdAt: string;
}

export type PaymentFlag = (typeof PAYMENT_FLAGS)[number];

export interface PaymentRecord {
  readonly id: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly orgId: string;
  readonly orgPath: string;
  readonly channel: 'wechat' | 'cash' | 'transfer';
  readonly billIds: string[];
  readonly months: string[];
  readonly billsFen: number;
  readonly voluntaryFen: number;
  readonly totalFen: number;
  readonly outTradeNo: string | null;
  readonly transactionId: string | null;
  readonly receiptNo: string | null;
  readonly payer: Payer;
  readonly recordedBy: Actor | null;
  readonly paidAt: string;
  readonly recordedAt: string;
  readonly flags: PaymentFlag[];
  readonly status: 'recorded' | 'reversed';
  readonly reversal: { id: string; reason: string; by: Actor; at: string } | null;
}

export interface OrderRecord {
  readonly id: string;
  readonly outTradeNo: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly openid: string;
  readonly orgId: string;
  readonly orgPath: string;
  readonly billIds: string[];
  readonly months: string[];
  readonly billsFen: number;
  readonly voluntaryFen: number;
  readonly totalFen: number;
  readonly status: 'created' | 'paid' | 'closed' | 'refund_due';
  readonly prepayId?: string;
  readonly transactionId?: string;
  readonly paymentId?: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** Who pays and for what: the part an order and a payment share (totals summed in integer fen). */
export function paidFor(
  member: { id: string; name: string; orgId: string; orgPath: string },
  bills: readonly Pick<BillRecord, 'id' | 'month' | 'amountFen'>[],
  voluntaryFen: number,
) {
  return {
    memberId: member.id,
    memberName: member.name,
    orgId: member.orgId,
    orgPath: member.orgPath,
    billIds: bills.map((bill) => bill.id),
    months: bills.map((bill) => bill.month),
    billsFen: orderTotal(bills, 0),
    voluntaryFen,
    totalFen: orderTotal(bills, voluntaryFen),
  };
}

/** Oldest month first: the order bills are shown, paid and listed on orders and payments. */
export const byMonth = (a: { month: string }, b: { month: string }) => a.month.localeCompare(b.month);

export function toBase(record: BaseRecord): DuesBase {
  const { orgPath: _path, baseFen: _fen, ...rest } = record;
  return rest;
}

export function toBill(record: BillRecord): Bill {
  return {
    id: record.id,
    memberId: record.memberId,
    memberName: record.memberName,
    orgId: record.orgId,
    month: record.month,
    category: record.category,
    amountFen: record.amountFen,
    computation: record.computation,
    status: record.status,
    paymentId: record.paymentId ?? null,
    channel: record.channel ?? null,
    paidAt: record.paidAt ?? null,
    createdAt: record.createdAt,
  };
}

export function toPayment(record: PaymentRecord): Payment {
  const { orgPath: _path, ...rest } = record;
  return rest;
}

export function toOrder(record: OrderRecord): Order {
  return {
    id: record.id,
    outTradeNo: record.outTradeNo,
    memberId: record.memberId,
    billIds: record.billIds,
    months: record.months,
    billsFen: record.billsFen,
    voluntaryFen: record.voluntaryFen,
    totalFen: record.totalFen,
    status: record.status,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    paymentId: record.paymentId ?? null,
  };
}

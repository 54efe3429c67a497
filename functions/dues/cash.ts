/**
 * Offline money: the 组织委员 records cash or a bank transfer for a member of their branch, with the receipt
 * number (once per committee) and who handed it over — the member, or another person on their behalf, never
 * the organisation (§6.1: no 垫交). A mistake is put right by a reversal entry; nothing is edited or deleted.
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { CASHIERS } from '../../shared/dues/access';
import { recordOfflinePayment as offlineRoute, reversePayment as reversalRoute } from '../../shared/dues/admin-routes';
import { VOLUNTARY_FLAG_FEN } from '../../shared/dues/schemas';
import { DomainError } from '../../shared/errors';
import { requireScope } from '../commons/http';
import { newId } from '../commons/ids';
import { invalidField } from '../commons/invalid-field';
import * as org from '../org/service';
import { actorOf } from './access';
import { flagMessages } from './flags';
import { billKeysOf } from './keys';
import { loadOwnBills, settleOpenOrders } from './orders';
import { type PaymentFlag, type PaymentRecord, paidFor } from './records';
import { type ReversalRecord, reverse, settle } from './settle';
import * as store from './store';

export interface OfflineInput {
  readonly memberId: string;
  readonly billIds: string[];
  readonly channel: 'cash' | 'transfer';
  readonly receiptNo: string;
  readonly payer?: { kind: 'self' | 'proxy'; name?: string | undefined } | undefined;
  readonly voluntaryFen?: number | undefined;
  readonly paidAt?: string | undefined;
}

export async function recordOffline(input: OfflineInput, claims: MemberClaims, nowMs: number): Promise<PaymentRecord> {
  const member = await org.requireMember(input.memberId);
  requireScope(claims, offlineRoute, { orgId: member.orgId, orgPath: member.orgPath });
  const voluntaryFen = input.voluntaryFen ?? 0;
  if (input.billIds.length === 0 && voluntaryFen === 0) throw new DomainError('DUES_NO_BILLS');
  if (input.billIds.length === 0 && voluntaryFen < VOLUNTARY_FLAG_FEN)
    throw new DomainError('DUES_VOLUNTARY_WITHOUT_BILLS');
  const paidAt = input.paidAt ? new Date(input.paidAt).toISOString() : new Date(nowMs).toISOString();
  if (Date.parse(paidAt) > nowMs + 60_000) {
    throw invalidField('paidAt', '缴费时间不能晚于现在');
  }
  let bills = await loadOwnBills(member.id, input.billIds).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'DUES_BILL_NOT_YOURS')
      throw new DomainError('DUES_BILL_OTHER_MEMBER');
    throw error;
  });
  if (bills.some((bill) => bill.status === 'paid')) throw new DomainError('DUES_BILL_ALREADY_PAID');
  // An online payment may be in WeChat's hands for these bills: settle it first, so cash never doubles it.
  if (await settleOpenOrders(bills, nowMs)) throw new DomainError('DUES_BILL_ALREADY_PAID');
  const flags: PaymentFlag[] = voluntaryFen >= VOLUNTARY_FLAG_FEN ? ['voluntary_large'] : [];
  const proxy = input.payer?.kind === 'proxy';
  const payment: PaymentRecord = {
    id: newId('dp'),
    ...paidFor(member, bills, voluntaryFen),
    channel: input.channel,
    outTradeNo: null,
    transactionId: null,
    receiptNo: input.receiptNo,
    payer: { kind: proxy ? 'proxy' : 'self', name: proxy ? input.payer!.name! : member.name },
    recordedBy: actorOf(claims, CASHIERS),
    paidAt,
    recordedAt: new Date(nowMs).toISOString(),
    flags,
    status: 'recorded',
    reversal: null,
  };
  const messages = await flagMessages(payment);
  for (let round = 0; round < 8; round++) {
    const outcome = await settle({
      payment,
      bills,
      messages,
      receipt: { rootId: store.rootOf(member.orgPath), receiptNo: input.receiptNo, paymentId: payment.id },
    });
    if (outcome.ok) return payment;
    if (outcome.receipt) throw new DomainError('DUES_RECEIPT_DUPLICATE');
    if (outcome.bills) throw new DomainError('DUES_BILL_ALREADY_PAID');
    if (!outcome.conflict) throw new Error('offline payment: transaction refused');
    await store.pause(round);
    bills = await store.getBills(billKeysOf(payment.billIds));
  }
  throw new DomainError('TOO_MANY_REQUESTS');
}

export async function reversePayment(
  paymentId: string,
  reason: string,
  claims: MemberClaims,
  nowMs: number,
): Promise<{ reversal: ReversalRecord; payment: PaymentRecord }> {
  for (let round = 0; round < 8; round++) {
    const payment = await store.getPayment(paymentId, true);
    if (!payment) throw new DomainError('DUES_PAYMENT_NOT_FOUND');
    requireScope(claims, reversalRoute, { orgId: payment.orgId, orgPath: payment.orgPath });
    if (payment.status === 'reversed') throw new DomainError('DUES_PAYMENT_ALREADY_REVERSED');
    const bills = await store.getBills(billKeysOf(payment.billIds));
    const reversal: ReversalRecord = {
      id: `${payment.id}-r`,
      paymentId: payment.id,
      reason,
      billIds: payment.billIds,
      amountFen: payment.totalFen,
      by: actorOf(claims, CASHIERS),
      at: new Date(nowMs).toISOString(),
    };
    const outcome = await reverse(payment, bills, reversal);
    if (outcome === null) {
      return {
        reversal,
        payment: {
          ...payment,
          status: 'reversed',
          reversal: { id: reversal.id, reason, by: reversal.by, at: reversal.at },
        },
      };
    }
    if (outcome === 'reversed') throw new DomainError('DUES_PAYMENT_ALREADY_REVERSED');
    await store.pause(round);
  }
  throw new DomainError('TOO_MANY_REQUESTS');
}

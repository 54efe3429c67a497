/**
 * The reads only the reconciliation workbook needs (kept apart from ./store.ts, which the payment code owns):
 * a year of bills per branch, and the payments behind them in BatchGets instead of one GetItem per bill.
 */

import { mapWithConcurrency } from '../commons/concurrency';
import { batchGetAll } from '../commons/dynamo';
import { paymentKey } from './keys';
import type { BillRecord, PaymentRecord } from './records';
import * as store from './store';

/** A year's months, January first. */
export const monthsOf = (year: number) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/**
 * Bills one workbook holds at most: a 党委 of 40 branches × 100 members × 12 months is 48,000; far beyond that
 * the sheet is no longer something a person reconciles, and the Lambda's memory would be the limit instead.
 */
export const MAX_EXPORT_BILLS = 100_000;

/**
 * Every bill of the branches' year, branch by branch in the given order, then month, then member. The
 * (branch, month) queries run a few at a time: a committee's year is 12 Queries per branch, never all at once.
 * → null when the year holds more than MAX_EXPORT_BILLS.
 */
export async function yearBills(branchIds: readonly string[], year: number): Promise<BillRecord[] | null> {
  const pairs = branchIds.flatMap((orgId) => monthsOf(year).map((month) => ({ orgId, month })));
  let count = 0;
  const lists = await mapWithConcurrency(pairs, 4, async ({ orgId, month }) => {
    const bills = await store.allBranchBills(orgId, month);
    count += bills.length;
    // Checked as pages arrive, so an oversized tree stops early instead of after reading everything.
    if (count > MAX_EXPORT_BILLS) throw new TooManyBills();
    // The index orders a month as unpaid#… then paid#…; the sheet wants plain member order (the roster's).
    return bills.sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  }).catch((error: unknown) => {
    if (error instanceof TooManyBills) return null;
    throw error;
  });
  return lists ? lists.flat() : null;
}

class TooManyBills extends Error {}

/** What a detail row shows of a payment. */
export type PaymentFacts = Pick<PaymentRecord, 'id' | 'outTradeNo' | 'receiptNo' | 'payer'>;

/**
 * The payments of these ids (deduplicated), by id; one BatchGet per 100, only the fields a row shows (a payment
 * also carries its bill list and the recorder). An id that is not found is simply absent.
 */
export async function paymentsByIds(ids: readonly (string | undefined)[]): Promise<Map<string, PaymentFacts>> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const items = await batchGetAll(unique.map(paymentKey), {
    ProjectionExpression: '#id, outTradeNo, receiptNo, payer',
    ExpressionAttributeNames: { '#id': 'id' },
  });
  const payments = items.map((item) => item as unknown as PaymentFacts);
  return new Map(payments.map((payment) => [payment.id, payment]));
}

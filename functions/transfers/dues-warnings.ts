/**
 * What approvers are told about the member's 党费 before they decide (issue #11 item 1): the unpaid bills — they
 * stay with the out-branch and never block a move — and 党费交至 (shared/transfers/dues-through.ts). Read through
 * the dues store's own member query: the newest 36 bills, three years, which is as far back as a letter looks.
 */
import { duesPaidThrough, unpaidSummary } from '../../shared/transfers/dues-through';
import { memberBills } from '../dues/store';

export interface DuesWarnings {
  readonly unpaidBills: { count: number; months: string[]; totalFen: number };
  readonly duesPaidThrough: string | null;
}

export async function duesWarnings(memberId: string): Promise<DuesWarnings> {
  const bills = (await memberBills(memberId, 36)).map((bill) => ({
    month: bill.month,
    paid: bill.status === 'paid',
    amountFen: bill.amountFen,
  }));
  return { unpaidBills: unpaidSummary(bills), duesPaidThrough: duesPaidThrough(bills) };
}

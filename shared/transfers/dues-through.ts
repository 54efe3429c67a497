/**
 * 党费交至 (§6 组织关系转接): the last month M such that every bill of the member up to M is paid — what a
 * 介绍信 states and what the approvers see before they agree. A paid later month does not carry an earlier
 * unpaid one (prepaying is no 补交); a month without a bill owes nothing, so it neither ends nor extends the run.
 * Pure.
 */
export interface BillPaid {
  /** YYYY-MM */
  readonly month: string;
  readonly paid: boolean;
}

/** → YYYY-MM, or null when no bill was paid before the first unpaid one (or none was ever paid). */
export function duesPaidThrough(bills: readonly BillPaid[]): string | null {
  const firstUnpaid = bills
    .filter((bill) => !bill.paid)
    .map((bill) => bill.month)
    .sort()
    .at(0);
  const paidBefore = bills
    .filter((bill) => bill.paid && (firstUnpaid === undefined || bill.month < firstUnpaid))
    .map((bill) => bill.month)
    .sort();
  return paidBefore.at(-1) ?? null;
}

/** What the approvers are warned of: the unpaid bills (they stay with the out-branch), oldest first. */
export function unpaidSummary(bills: readonly (BillPaid & { readonly amountFen: number })[]): {
  count: number;
  months: string[];
  totalFen: number;
} {
  const unpaid = bills.filter((bill) => !bill.paid);
  return {
    count: unpaid.length,
    months: unpaid.map((bill) => bill.month).sort(),
    totalFen: unpaid.reduce((sum, bill) => sum + bill.amountFen, 0),
  };
}

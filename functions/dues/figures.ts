/**
 * A branch's month at a glance — one GetItem on the maintained figures plus one page of the unpaid list — and
 * a committee's: one Query over its subtree's branch-months, one row per branch in tree order (§6.1: never
 * ranked). Arrears: the unpaid bills of the last 12 months, per member, as consecutive unpaid runs.
 */

import type { z } from 'zod';
import { ARREARS_LAPSE_MONTHS, arrearsLevel, unpaidRun } from '../../shared/dues/arrears';
import type { ArrearsMember as ArrearsMemberSchema } from '../../shared/dues/report-schemas';
import { shanghaiMonth, shiftMonth } from '../../shared/time';
import type { OrgRecord } from '../org/service';
import * as org from '../org/service';
import * as store from './store';

type ArrearsMember = z.infer<typeof ArrearsMemberSchema>;

export async function monthTotals(target: OrgRecord, month: string, page: { limit?: number; cursor?: string }) {
  if (target.kind === 'branch') {
    const [figures, unpaid] = await Promise.all([
      store.getMonth(target.id, month),
      store.branchBillsPage(target.id, month, { status: 'unpaid', limit: page.limit ?? 20, cursor: page.cursor }),
    ]);
    // Refunds are read only when the month's figures say there are some (they come of a race alone).
    const refunds = figures?.refundDueFen ? await store.refundsDue(target.id, month) : [];
    return {
      month,
      orgId: target.id,
      ...store.withZeros(figures),
      refundsDue: refunds.map((r) => ({
        outTradeNo: r.outTradeNo,
        transactionId: r.transactionId,
        memberId: r.memberId,
        name: r.memberName,
        amountFen: r.amountFen,
        at: r.at,
      })),
      unpaid: unpaid.bills.map((bill) => ({
        memberId: bill.memberId,
        name: bill.memberName,
        billId: bill.id,
        amountFen: bill.amountFen,
      })),
      nextCursor: unpaid.nextCursor,
    };
  }
  const [rows, subtree] = await Promise.all([
    store.subtreeMonths(target.rootId, target.path, month),
    org.listSubtree(target),
  ]);
  const byOrg = new Map(rows.map((row) => [row.orgId, row]));
  const branches = subtree
    .filter((node) => node.kind === 'branch')
    .map((node) => ({ orgId: node.id, name: node.name, ...store.withZeros(byOrg.get(node.id) ?? null) }));
  const sum = store.withZeros(null);
  for (const row of branches) for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += row[key];
  return { month, orgId: target.id, ...sum, unpaid: [], nextCursor: null, branches };
}

const ARREARS_WINDOW = 12;

export async function branchArrears(branch: Pick<OrgRecord, 'id' | 'name'>, nowMs: number): Promise<ArrearsMember[]> {
  const current = shanghaiMonth(nowMs);
  const months = Array.from({ length: ARREARS_WINDOW }, (_, i) => shiftMonth(current, -i));
  const lists = await Promise.all(months.map((month) => store.allBranchBills(branch.id, month, 'unpaid')));
  const byMember = new Map<string, { name: string; bills: { month: string; paid: boolean; amountFen: number }[] }>();
  for (const bill of lists.flat()) {
    const entry = byMember.get(bill.memberId) ?? { name: bill.memberName, bills: [] };
    entry.bills.push({ month: bill.month, paid: false, amountFen: bill.amountFen });
    byMember.set(bill.memberId, entry);
  }
  const found: ArrearsMember[] = [];
  for (const [memberId, entry] of byMember) {
    // Months of the window without an unpaid bill were paid (or not billed): they break a run here.
    const billed = new Set(entry.bills.map((bill) => bill.month));
    const states = [
      ...entry.bills,
      ...months.filter((m) => !billed.has(m)).map((month) => ({ month, paid: true, amountFen: 0 })),
    ];
    const run = unpaidRun(states, current);
    const level = arrearsLevel(run.months.length);
    if (!level) continue;
    found.push({
      memberId,
      name: entry.name,
      orgId: branch.id,
      orgName: branch.name,
      months: run.months,
      consecutive: run.months.length,
      owedFen: run.owedFen,
      level,
    });
  }
  return found.sort((a, b) => a.memberId.localeCompare(b.memberId));
}

export async function arrears(
  target: OrgRecord,
  nowMs: number,
): Promise<{ members: ArrearsMember[]; complete: boolean }> {
  const branches =
    target.kind === 'branch' ? [target] : (await org.listSubtree(target)).filter((node) => node.kind === 'branch');
  const found: ArrearsMember[] = [];
  // A few branches at a time: a committee of 22 branches is 264 small Queries, never all at once.
  for (let i = 0; i < branches.length; i += 4) {
    const chunk = await Promise.all(branches.slice(i, i + 4).map((branch) => branchArrears(branch, nowMs)));
    found.push(...chunk.flat());
  }
  return { members: found, complete: true };
}

export { ARREARS_LAPSE_MONTHS };

/**
 * Monthly bills: one per (member, month), keyed so that generating twice — or two generations at once — adds
 * nothing. A bill keeps the member's branch of that month and the base and rule it was computed with (§6.1).
 * Bills are written up to 99 per transaction together with the branch-month figures they add to, so the
 * figures always equal the bills; a bill that exists already drops out and the rest go round again.
 */

import { baseInForce } from '../../shared/dues/base-in-force';
import { firstOwedMonth } from '../../shared/dues/months';
import { duesAmount, ruleFor } from '../../shared/dues/rules';
import { DomainError } from '../../shared/errors';
import type { MemberRecord, OrgRecord } from '../org/service';
import * as org from '../org/service';
import { billId } from './keys';
import type { ApprovedBase, BillRecord } from './records';
import * as store from './store';

export type SkipReason = 'no_base' | 'exempt' | 'not_yet_admitted';

export interface Billing {
  readonly bills: BillRecord[];
  readonly skipped: { memberId: string; name: string; reason: SkipReason }[];
}

/** Pure: the bills a set of members owes for a month, given their approved bases. */
export function billsFor(
  members: readonly Pick<MemberRecord, 'id' | 'name' | 'orgId' | 'orgPath' | 'joinedAt'>[],
  month: string,
  profiles: Map<string, store.ProfileRecord>,
  nowIso: string,
): Billing {
  const bills: BillRecord[] = [];
  const skipped: Billing['skipped'] = [];
  const rule = ruleFor(month);
  for (const member of members) {
    if (firstOwedMonth(member.joinedAt) > month) {
      skipped.push({ memberId: member.id, name: member.name, reason: 'not_yet_admitted' });
      continue;
    }
    const base = baseInForce(profiles.get(member.id)?.bases, month);
    if (!base) {
      skipped.push({ memberId: member.id, name: member.name, reason: 'no_base' });
      continue;
    }
    if (base.category === 'exempt') {
      skipped.push({ memberId: member.id, name: member.name, reason: 'exempt' });
      continue;
    }
    const amount = duesAmount(base, rule);
    bills.push({
      id: billId(member.id, month),
      memberId: member.id,
      memberName: member.name,
      orgId: member.orgId,
      orgPath: member.orgPath,
      month,
      category: base.category,
      baseId: base.baseId,
      amountFen: amount.amountFen,
      computation: amount.computation,
      status: 'unpaid',
      version: 1,
      createdAt: nowIso,
    });
  }
  return { bills, skipped };
}

const PER_TRANSACTION = 99;
const MAX_ROUNDS = 12;

/** Writes bills that do not exist yet; → how many were created and how many existed already. */
export async function writeBills(bills: readonly BillRecord[]): Promise<{ created: number; existing: number }> {
  let created = 0;
  let existing = 0;
  // The figures' item is per (branch, month): one group per transaction chain.
  const groups = new Map<string, BillRecord[]>();
  for (const bill of bills) {
    const key = `${bill.orgId}|${bill.month}`;
    groups.set(key, [...(groups.get(key) ?? []), bill]);
  }
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i += PER_TRANSACTION) {
      let pending = group.slice(i, i + PER_TRANSACTION);
      for (let round = 0; pending.length > 0; round++) {
        if (round >= MAX_ROUNDS) throw new DomainError('TOO_MANY_REQUESTS');
        const first = pending[0]!;
        const figures = store.monthAdd(first, first.month, {
          dueFen: pending.reduce((sum, bill) => sum + bill.amountFen, 0),
          members: pending.length,
        });
        const reasons = await store.transact([figures, ...pending.map(store.billPut)]);
        if (!reasons) {
          created += pending.length;
          break;
        }
        const left = pending.filter((_, j) => reasons[j + 1] !== 'ConditionalCheckFailed');
        existing += pending.length - left.length;
        if (left.length === pending.length) await store.pause(round);
        pending = left;
      }
    }
  }
  return { created, existing };
}

/** 生成账单 for a branch's month (the job on the 1st, or the secretary on demand). */
export async function generateBills(
  branch: Pick<OrgRecord, 'id'>,
  month: string,
  nowMs: number,
): Promise<{ created: number; existing: number; skipped: Billing['skipped'] }> {
  const [members, already] = await Promise.all([
    org.listActiveMembers(branch.id),
    store.allBranchBills(branch.id, month),
  ]);
  const billed = new Set(already.map((bill) => bill.memberId));
  const candidates = members.filter((member) => !billed.has(member.id));
  const profiles = await store.getProfiles(candidates.map((member) => member.id));
  const { bills, skipped } = billsFor(candidates, month, profiles, new Date(nowMs).toISOString());
  const written = await writeBills(bills);
  return { created: written.created, existing: billed.size + written.existing, skipped };
}

/** A member's bills for the given months (prepayment): issued now if missing, then read back as stored. */
export async function ensureMemberBills(member: MemberRecord, months: readonly string[], nowMs: number) {
  if (months.length === 0) return [];
  const profiles = await store.getProfiles([member.id]);
  const wanted: BillRecord[] = [];
  for (const month of months) {
    const billing = billsFor([member], month, profiles, new Date(nowMs).toISOString());
    if (billing.bills.length === 0) throw new DomainError('DUES_NO_BASE');
    wanted.push(...billing.bills);
  }
  await writeBills(wanted);
  return store.getBills(months.map((month) => ({ memberId: member.id, month })));
}

/**
 * A re-assessment approved from a month on: the member's UNPAID bills of that month and later are priced by the
 * new base (each on its version, with the month figures moved by the difference, in one transaction). Paid bills
 * are history and keep their amount (§6.1); a bill in a WeChat order being paid keeps it too (the order's total
 * is fixed) — the member's next order is priced anew.
 */
export async function repriceUnpaid(memberId: string, base: ApprovedBase): Promise<number> {
  const bills = (await store.memberBills(memberId, 36)).filter(
    (bill) =>
      bill.status === 'unpaid' && !bill.openOrder && bill.month >= base.fromMonth && bill.baseId !== base.baseId,
  );
  let repriced = 0;
  for (const bill of bills) {
    if (base.category === 'exempt') continue; // an exemption is decided on the bills by the branch, not here
    const amount = duesAmount(base, ruleFor(bill.month));
    const reasons = await store.transact([
      store.billRepriced(bill, { baseId: base.baseId, category: base.category, ...amount }),
      store.monthAdd(bill, bill.month, { dueFen: amount.amountFen - bill.amountFen }),
    ]);
    if (!reasons) repriced += 1;
  }
  return repriced;
}

/** GET /v1/members/{id}/dues — a member's dues on one screen: base, amount and how, bills, arrears, history. */
import type { MemberClaims } from '../../shared/auth/roles';
import { arrearsWarning, unpaidRun } from '../../shared/dues/arrears';
import { baseInForce } from '../../shared/dues/base-in-force';
import { checkMemberSelection } from '../../shared/dues/months';
import { duesAmount, ruleFor } from '../../shared/dues/rules';
import type { MemberDuesResponse } from '../../shared/dues/schemas';
import { shanghaiMonth } from '../../shared/time';
import * as org from '../org/service';
import { requireSelfOrScope } from './access';
import { byMonth, toBase, toBill, toPayment } from './records';
import * as store from './store';

const VIEWERS = ['secretary', 'organizer', 'committee'] as const;

export async function memberDues(memberId: string, claims: MemberClaims, nowMs: number): Promise<MemberDuesResponse> {
  const member = await org.requireMember(memberId);
  requireSelfOrScope(claims, member, VIEWERS);
  const month = shanghaiMonth(nowMs);
  const [profile, declared, bills, payments, settings] = await Promise.all([
    store.getProfile(member.id),
    store.memberBases(member.id, 20),
    store.memberBills(member.id, 36),
    store.memberPayments(member.id, 30),
    store.getSettings(member.orgId),
  ]);
  const inForce = baseInForce(profile?.bases, month);
  const base = inForce
    ? (declared.find((b) => b.id === inForce.baseId) ?? (await store.getBase(inForce.baseId)))
    : null;
  const amount = inForce ? duesAmount(inForce, ruleFor(month)) : null;
  const unpaid = bills.filter((bill) => bill.status === 'unpaid').sort(byMonth);
  const pending = declared.find((b) => b.status === 'pending');
  const payable = unpaid.filter(
    (bill) =>
      checkMemberSelection({
        months: [bill.month],
        currentMonth: month,
        prepayMonths: settings.prepayMonths,
        voluntaryFen: 0,
      }) === null,
  );
  const run = unpaidRun(
    bills.map((bill) => ({ month: bill.month, paid: bill.status === 'paid', amountFen: bill.amountFen })),
    month,
  );
  const warning = arrearsWarning(run);
  const warnings = [
    ...(warning ? [warning] : []),
    ...(inForce ? [] : [{ code: 'DUES_NO_BASE', message: '尚未核定党费基数，请先申报' }]),
    ...(inForce && !inForce.fromMonth.startsWith(month.slice(0, 4))
      ? [{ code: 'DUES_BASE_LAST_YEAR', message: `党费基数为 ${inForce.year} 年核定，请申报本年度基数` }]
      : []),
  ];
  return {
    memberId: member.id,
    memberName: member.name,
    base: base ? toBase(base) : null,
    pendingBase: pending ? toBase(pending) : null,
    monthlyFen: amount?.amountFen ?? null,
    computation: amount?.computation ?? null,
    bills: bills.map(toBill),
    unpaidMonths: unpaid.map((bill) => bill.month),
    payableBillIds: payable.map((bill) => bill.id),
    prepayMonths: settings.prepayMonths,
    payments: payments.map(toPayment),
    warnings,
  };
}

/**
 * Demo 党费 for `npm start` (DESIGN §3: "dues bases"), once (a marker item), through the very services the API
 * runs: approved bases for most members (a doctor's 11,500, a nurse's 5,400, a retiree's pension, one reduction
 * by the committee), one declaration waiting for approval, bills for the last six months, earlier months paid in
 * cash or by transfer with receipts; this month unpaid, and one member four months behind (the arrears list).
 * Not part of the test seed: the integration tests count bills and payments from zero.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../functions/commons/config';
import { dynamo } from '../functions/commons/dynamo';
import { decideBase, declareBase } from '../functions/dues/bases';
import { generateBills } from '../functions/dues/bills';
import { recordOffline } from '../functions/dues/cash';
import { billId } from '../functions/dues/keys';
import { findOrg, listActiveMembers, type MemberRecord } from '../functions/org/service';
import type { MemberClaims } from '../shared/auth/roles';
import type { PutDuesBaseRequest } from '../shared/dues/schemas';
import { shanghaiMonth, shiftMonth } from '../shared/time';

const MARKER = { pk: 'SEED#dues', sk: 'SEED' };
const MONTHS_BACK = 5;
/** Monthly after-tax regular pay of a hospital's staff, in yuan (examples of each band). */
const PAY = ['11500.00', '5400.00', '8600.00', '4200.00', '9800.00', '6300.00', '2900.00', '13200.00'];

const claims = (member: MemberRecord, roles: MemberClaims['roles']): MemberClaims => ({
  kind: 'member',
  memberId: member.id,
  name: member.name,
  orgId: member.orgId,
  orgPath: member.orgPath,
  roles,
});

function baseFor(index: number, year: number, fromMonth: string): PutDuesBaseRequest {
  if (index === 10) return { year, fromMonth, category: 'retired', monthlyBase: '4800.00', note: '返聘，基本养老金' };
  if (index === 9) return { year, fromMonth, category: 'reduced', reducedFen: 500, note: '家庭困难，长期病休' };
  return { year, fromMonth, category: 'employed', monthlyBase: PAY[index % PAY.length]! };
}

export async function seedDues(branchIds: readonly string[], nowMs = Date.now()): Promise<boolean> {
  const marker = await dynamo().send(new GetCommand({ TableName: tableName(), Key: MARKER, ConsistentRead: true }));
  if (marker.Item) return false;
  const month = shanghaiMonth(nowMs);
  const first = shiftMonth(month, -MONTHS_BACK);
  const committeeStaff = (await listActiveMembers('org-committee')).find((m) => m.roles.includes('committee'));
  let receipt = 0;
  for (const [b, branchId] of branchIds.entries()) {
    const branch = await findOrg(branchId);
    if (!branch) continue;
    const members = await listActiveMembers(branch.id);
    const secretary = members.find((m) => m.roles.includes('secretary'));
    const organizer = members.find((m) => m.roles.includes('organizer'));
    if (!secretary || !organizer) continue;
    const number = (m: MemberRecord) => Number(m.id.replace(/\D+/g, ''));
    const ordinary = members.filter((m) => m.id.startsWith('m-demo-member-')).sort((x, y) => number(x) - number(y));
    for (const [i, member] of [...ordinary, secretary, organizer].entries()) {
      // The branch's last member has only declared: the 基数审核 page has something to approve.
      const last = i === ordinary.length - 1;
      const body = baseFor(i, Number(first.slice(0, 4)), first);
      const decider = member.id === secretary.id ? organizer : secretary;
      const declared = await declareBase(
        member.id,
        last ? { ...body, fromMonth: month, year: Number(month.slice(0, 4)) } : body,
        claims(member, ['member']),
        nowMs,
      );
      if (last) continue;
      const approver =
        declared.needsCommittee && committeeStaff
          ? claims(committeeStaff, ['member', 'committee'])
          : claims(decider, ['member', 'secretary', 'organizer']);
      await decideBase(declared.id, { approve: true }, approver, nowMs);
    }
    for (let m = first; m <= month; m = shiftMonth(m, 1)) await generateBills(branch, m, nowMs);
    const cashier = claims(organizer, ['member', 'organizer']);
    for (const [i, member] of [...ordinary, secretary, organizer].entries()) {
      // Member 1 of each branch owes last month and this one (a demo payment of two months); member 12 has
      // paid nothing for four months (arrears); everyone else paid up to last month.
      const paidUpTo =
        i === 0 ? shiftMonth(month, -2) : i === ordinary.length - 2 ? shiftMonth(month, -4) : shiftMonth(month, -1);
      for (let m = first; m <= paidUpTo; m = shiftMonth(m, 1)) {
        receipt += 1;
        await recordOffline(
          {
            memberId: member.id,
            billIds: [billId(member.id, m)],
            channel: receipt % 3 === 0 ? 'transfer' : 'cash',
            receiptNo: `XF${m.replace('-', '')}-${String(b + 1)}${String(receipt).padStart(4, '0')}`,
            ...(i === 3 ? { payer: { kind: 'proxy' as const, name: '家属代缴' } } : {}),
            paidAt: new Date(Date.parse(`${m}-10T02:00:00Z`)).toISOString(),
          },
          cashier,
          nowMs,
        ).catch((error: unknown) => {
          // A member without a base (none here) has no bill: nothing to pay.
          if (!(error instanceof Error && 'code' in error && error.code === 'DUES_BILL_NOT_FOUND')) throw error;
        });
      }
    }
  }
  await dynamo().send(
    new PutCommand({ TableName: tableName(), Item: { ...MARKER, at: new Date(nowMs).toISOString() } }),
  );
  return true;
}

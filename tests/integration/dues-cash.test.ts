/**
 * 党费 offline (issue #10 items 5–6): cash or transfer recorded by the 组织委员 with a receipt number used once
 * and who paid; a mistake is corrected by a reversal entry that makes the bills unpaid and takes the totals
 * back — nothing edited or deleted; arrears at 3+ months listed and warned once.
 */

import { runMonthlyJob } from '../../functions/dues/monthly-job';
import type { Stack } from '../../scripts/stack';
import {
  approvedBase,
  billIdOf,
  billsFor,
  type Json,
  login,
  monthsBack,
  type Payer,
  thisMonth,
  totals,
} from '../support/dues';
import { apiClient, startTestStack } from '../support/stack';

let stack: Stack;
let api: ReturnType<typeof apiClient>;
let secretary: string;
let organizer: string;
let committee: string;
const months = [0, 1, 2, 3, 4, 5].map(monthsBack).reverse();

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  secretary = (await api.loginAs('demo-secretary-1')).token;
  organizer = (await api.loginAs('demo-organizer-1')).token;
  committee = (await api.loginAs('demo-committee')).token;
}, 60_000);

afterAll(() => stack.stop());

async function payer(openid: string): Promise<Payer> {
  const member = await login(api, openid);
  await approvedBase(api, member, secretary);
  await billsFor(api, organizer, member.orgId, months);
  return member;
}

const cash = (body: Json, token = organizer) => api.call<Json>('POST', '/v1/dues/offline-payments', { token, body });
const dues = async (member: Payer, token = member.token) =>
  (await api.call<Json>('GET', `/v1/members/${member.memberId}/dues`, { token })).body;

describe('POST /v1/dues/offline-payments and its reversal', () => {
  it('records cash paid by another person, reverses it, and the totals follow exactly', async () => {
    const member = await payer('demo-member-1');
    const month = thisMonth();
    const billIds = [billIdOf(member.memberId, month)];
    const before = await totals(api, organizer, member.orgId, month);
    const paid = await cash({
      memberId: member.memberId,
      billIds,
      channel: 'cash',
      receiptNo: 'R-2026-001',
      payer: { kind: 'proxy', name: '李四' },
    });
    expect(paid.status).toBe(201);
    expect(paid.body.payment).toMatchObject({
      channel: 'cash',
      receiptNo: 'R-2026-001',
      payer: { kind: 'proxy', name: '李四' },
      recordedBy: { role: 'organizer' },
      totalFen: 8100,
    });
    const mid = await totals(api, organizer, member.orgId, month);
    expect([mid.paidFen - before.paidFen, mid.paidMembers - before.paidMembers]).toEqual([8100, 1]);
    expect(mid.unpaid.some((u: Json) => u.memberId === member.memberId)).toBe(false);
    const again = await cash({ memberId: member.memberId, billIds, channel: 'cash', receiptNo: 'R-2026-002' });
    expect([again.status, again.body.error?.code]).toEqual([409, 'DUES_BILL_ALREADY_PAID']);

    const reversals = await Promise.all(
      [0, 1].map(() =>
        api.call<Json>('POST', `/v1/dues/payments/${paid.body.payment.id}/reversal`, {
          token: organizer,
          body: { reason: '收据号登记错误' },
        }),
      ),
    );
    expect(reversals.map((r) => r.status).sort()).toEqual([201, 409]);
    const after = await totals(api, organizer, member.orgId, month);
    expect([after.paidFen, after.paidMembers, after.dueFen]).toEqual([
      before.paidFen,
      before.paidMembers,
      before.dueFen,
    ]);
    const page = await dues(member);
    expect(page.bills.find((b: Json) => b.id === billIds[0]).status).toBe('unpaid');
    // Nothing deleted: the payment is still there, marked reversed with its reason.
    expect(page.payments.find((p: Json) => p.id === paid.body.payment.id)).toMatchObject({
      status: 'reversed',
      reversal: { reason: '收据号登记错误' },
    });
    // A receipt number is used once, even after a reversal.
    const reused = await cash({ memberId: member.memberId, billIds, channel: 'cash', receiptNo: 'R-2026-001' });
    expect([reused.status, reused.body.error?.code]).toEqual([409, 'DUES_RECEIPT_DUPLICATE']);
    expect((await totals(api, organizer, member.orgId, month)).paidFen).toBe(before.paidFen);
  });

  it('refuses bad input and the wrong people, writing nothing', async () => {
    const member = await payer('demo-member-2');
    const other = await login(api, 'demo-member-1');
    const billId = billIdOf(member.memberId, thisMonth());
    const cases: [Json, number, string][] = [
      [{ memberId: member.memberId, billIds: [], channel: 'cash', receiptNo: 'X1' }, 400, 'DUES_NO_BILLS'],
      [{ memberId: member.memberId, billIds: [billId], channel: 'alipay', receiptNo: 'X1' }, 400, 'VALIDATION_FAILED'],
      [{ memberId: member.memberId, billIds: [billId], channel: 'cash', receiptNo: '' }, 400, 'VALIDATION_FAILED'],
      [
        { memberId: member.memberId, billIds: [billId], channel: 'cash', receiptNo: 'X1', payer: { kind: 'proxy' } },
        400,
        'VALIDATION_FAILED',
      ],
      [
        {
          memberId: member.memberId,
          billIds: [billId],
          channel: 'cash',
          receiptNo: 'X1',
          payer: { kind: 'organisation' },
        },
        400,
        'VALIDATION_FAILED',
      ],
      [
        {
          memberId: member.memberId,
          billIds: [billIdOf(other.memberId, thisMonth())],
          channel: 'cash',
          receiptNo: 'X1',
        },
        422,
        'DUES_BILL_OTHER_MEMBER',
      ],
      [
        { memberId: member.memberId, billIds: [], channel: 'cash', receiptNo: 'X1', voluntaryFen: 5000 },
        422,
        'DUES_VOLUNTARY_WITHOUT_BILLS',
      ],
    ];
    for (const [body, status, code] of cases) {
      const answer = await cash(body);
      expect([answer.status, answer.body.error?.code]).toEqual([status, code]);
    }
    const stranger = (await api.loginAs('demo-organizer-2')).token;
    expect(
      (await cash({ memberId: member.memberId, billIds: [billId], channel: 'cash', receiptNo: 'X2' }, stranger)).status,
    ).toBe(403);
    expect(
      (await cash({ memberId: member.memberId, billIds: [billId], channel: 'cash', receiptNo: 'X3' }, secretary))
        .status,
    ).toBe(403);
    expect((await dues(member)).payments).toHaveLength(0);
  });

  it('a voluntary payment of 1000 yuan or more is accepted and flagged for the committee', async () => {
    const member = await payer('demo-member-3');
    const answer = await cash({
      memberId: member.memberId,
      billIds: [billIdOf(member.memberId, thisMonth())],
      channel: 'transfer',
      receiptNo: 'T-VOL-1',
      voluntaryFen: 100_000,
    });
    expect(answer.status).toBe(201);
    expect(answer.body.payment).toMatchObject({ voluntaryFen: 100_000, totalFen: 108_100, flags: ['voluntary_large'] });
    const view = await totals(api, committee, 'org-committee', thisMonth());
    expect(view.voluntaryFen).toBeGreaterThanOrEqual(100_000);
    // The committee is told, in the payment's own transaction.
    const inbox = await api.call<Json>('GET', '/v1/me/messages', { token: committee });
    expect(inbox.body.items.some((m: Json) => m.kind === 'dues_flag' && m.title === '大额自愿多交党费')).toBe(true);
  });
});

describe('arrears', () => {
  it('lists members 3+ months unpaid with their level, and warns each once', async () => {
    const member = await payer('demo-member-4');
    const list = await api.call<Json>('GET', `/v1/orgs/${member.orgId}/dues/arrears`, { token: organizer });
    expect(list.status).toBe(200);
    const mine = list.body.members.find((m: Json) => m.memberId === member.memberId);
    expect(mine).toMatchObject({ consecutive: 6, level: 6, owedFen: 6 * 8100, months });
    const page = await dues(member);
    expect(page.warnings.map((w: Json) => w.code)).toContain('DUES_ARREARS_6');
    const first = await runMonthlyJob();
    const second = await runMonthlyJob();
    expect(first.warned).toBeGreaterThan(0);
    expect(second.warned).toBe(0);
    const inbox = await api.call<Json>('GET', '/v1/me/messages', { token: member.token });
    expect(inbox.body.items.filter((m: Json) => m.kind === 'dues_arrears')).toHaveLength(1);
    const committeeView = await api.call<Json>('GET', '/v1/orgs/org-committee/dues/arrears', { token: committee });
    expect(committeeView.body.members.some((m: Json) => m.memberId === member.memberId)).toBe(true);
    const stranger = (await api.loginAs('demo-secretary-2')).token;
    expect((await api.call('GET', `/v1/orgs/${member.orgId}/dues/arrears`, { token: stranger })).status).toBe(403);
  });
});

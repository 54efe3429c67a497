/**
 * 党费 online (issue #10 item 4): a WeChat Pay v3 JSAPI order for the member's own bills, the signed and
 * encrypted notification verified and recorded in ONE transaction. The same notification 10 times (also at
 * once) is one payment; a tampered signature, another merchant or a changed amount is refused with nothing
 * written; a late notification is recorded and flagged; money for bills paid meanwhile is a refund-due entry.
 */
import { createVerify } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../../functions/commons/config';
import { dynamo } from '../../functions/commons/dynamo';
import type { Stack } from '../../scripts/stack';
import { shiftMonth } from '../../shared/time';
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
import { signedNotification } from '../support/wechat-notify';

let stack: Stack;
let api: ReturnType<typeof apiClient>;
let secretary: string;
let organizer: string;
const months = [monthsBack(2), monthsBack(1), thisMonth()];

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  secretary = (await api.loginAs('demo-secretary-1')).token;
  organizer = (await api.loginAs('demo-organizer-1')).token;
}, 60_000);

afterAll(() => stack.stop());

async function payer(openid: string): Promise<Payer> {
  const member = await login(api, openid);
  await approvedBase(api, member, secretary);
  await billsFor(api, organizer, member.orgId, months);
  return member;
}

const order = (member: Payer, billIds: string[], extra: Json = {}, headers: Record<string, string> = {}) =>
  api.call<Json>('POST', '/v1/dues/orders', { token: member.token, body: { billIds, ...extra }, headers });

const notify = (n: { headers: Record<string, string>; body: string }) =>
  api.call<Json>('POST', '/v1/dues/notify/wechatpay', { headers: n.headers, rawBody: n.body });

const dues = async (member: Payer) =>
  (await api.call<Json>('GET', `/v1/members/${member.memberId}/dues`, { token: member.token })).body;

describe('POST /v1/dues/orders', () => {
  it('orders two months, signs requestPayment with the merchant key; a repeated tap gets the same order', async () => {
    const member = await payer('demo-member-5');
    const billIds = months.slice(1).map((m) => billIdOf(member.memberId, m));
    const first = await order(member, billIds);
    expect(first.status).toBe(201);
    expect(first.body.order).toMatchObject({
      totalFen: 16200,
      billsFen: 16200,
      status: 'created',
      months: months.slice(1),
    });
    expect(first.body.order.outTradeNo).toMatch(/^[A-Za-z0-9_-]{6,32}$/);
    const p = first.body.payParams;
    expect(p).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=/) });
    const signed = `${p.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`;
    expect(
      createVerify('RSA-SHA256').update(signed).verify(stack.wechat.pay.keys.merchantPublicKey, p.paySign, 'base64'),
    ).toBe(true);
    const again = await order(member, [...billIds].reverse());
    expect(again.status).toBe(200);
    expect(again.body.order.id).toBe(first.body.order.id);
  });

  it('refuses bad selections with a clear error and writes nothing', async () => {
    const member = await payer('demo-member-6');
    const other = await login(api, 'demo-member-5');
    const cases: [Json, number, string][] = [
      [{ billIds: [] }, 400, 'DUES_NO_BILLS'],
      [{ billIds: [billIdOf(other.memberId, thisMonth())] }, 403, 'DUES_BILL_NOT_YOURS'],
      [{ billIds: [billIdOf(member.memberId, monthsBack(7))] }, 404, 'DUES_BILL_NOT_FOUND'],
      [{ billIds: ['nonsense'] }, 404, 'DUES_BILL_NOT_FOUND'],
      [{ billIds: [billIdOf(member.memberId, thisMonth())], prepayMonths: 2 }, 422, 'DUES_PREPAY_NOT_ALLOWED'],
      [{ billIds: [billIdOf(member.memberId, thisMonth())], prepayMonths: 7 }, 400, 'VALIDATION_FAILED'],
      [{ billIds: [billIdOf(member.memberId, thisMonth())], voluntaryFen: -1 }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await api.call<Json>('POST', '/v1/dues/orders', { token: member.token, body });
      expect([answer.status, answer.body.error?.code]).toEqual([status, code]);
    }
    expect(stack.wechat.pay.orders.size).toBeGreaterThanOrEqual(0);
    expect((await dues(member)).bills.every((b: Json) => b.status === 'unpaid')).toBe(true);
  });

  it('arrears older than 6 months go through the 组织委员', async () => {
    const member = await login(api, 'demo-member-7');
    await approvedBase(api, member, secretary);
    const old = monthsBack(7);
    await billsFor(api, organizer, member.orgId, [old]);
    const answer = await order(member, [billIdOf(member.memberId, old)]);
    expect([answer.status, answer.body.error?.code]).toEqual([422, 'DUES_ARREARS_TOO_OLD']);
  });
});

describe('POST /v1/dues/notify/wechatpay', () => {
  it('the same notification 10 times, also at once, is one payment; the bills are paid and the totals move', async () => {
    const member = await login(api, 'demo-member-5');
    const billIds = months.slice(1).map((m) => billIdOf(member.memberId, m));
    const placed = await order(member, billIds);
    const before = await totals(api, organizer, member.orgId, thisMonth());
    const confirmed = await stack.wechat.pay.confirm(placed.body.order.outTradeNo);
    expect((await confirmed.done).map((d) => d.status)).toEqual([204]);
    const copy = stack.wechat.pay.notification(placed.body.order.outTradeNo);
    const answers = await Promise.all(Array.from({ length: 10 }, () => notify(copy)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(204));
    const page = await dues(member);
    expect(page.payments).toHaveLength(1);
    expect(page.payments[0]).toMatchObject({
      channel: 'wechat',
      totalFen: 16200,
      billIds: expect.arrayContaining(billIds),
    });
    expect(page.bills.filter((b: Json) => billIds.includes(b.id)).map((b: Json) => b.status)).toEqual(['paid', 'paid']);
    const after = await totals(api, organizer, member.orgId, thisMonth());
    expect(after.paidFen - before.paidFen).toBe(8100);
    expect(after.paidMembers - before.paidMembers).toBe(1);
    const order2 = await api.call<Json>('GET', `/v1/dues/orders/${placed.body.order.id}`, { token: member.token });
    expect(order2.body.order).toMatchObject({ status: 'paid', paymentId: page.payments[0].id });
    // Paying bills already paid: 409, nothing new.
    const repeat = await order(member, billIds);
    expect([repeat.status, repeat.body.error?.code]).toEqual([409, 'DUES_BILL_ALREADY_PAID']);
  });

  it('refuses a tampered signature, another merchant or a changed amount; nothing is written; then the true one pays', async () => {
    const member = await payer('demo-member-8');
    const billId = billIdOf(member.memberId, thisMonth());
    const placed = await order(member, [billId]);
    const no = placed.body.order.outTradeNo;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    for (const [tamper, status] of [
      ['signature', 401],
      ['body', 401],
      ['mchid', 400],
      ['amount', 400],
    ] as const) {
      const result = await stack.wechat.pay.confirm(no, { mode: 'tampered', tamper });
      const deliveries = await result.done;
      expect(deliveries.map((d) => d.status)).toEqual([status]);
      expect(JSON.parse(deliveries[0]!.body)).toMatchObject({ code: 'FAIL' });
    }
    expect(warn.mock.calls.some(([line]) => String(line).includes('notification refused'))).toBe(true);
    warn.mockRestore();
    let page = await dues(member);
    expect(page.payments).toHaveLength(0);
    expect(page.bills.find((b: Json) => b.id === billId).status).toBe('unpaid');
    // The forgeries left the order unpaid at WeChat: the member's real payment now goes through.
    expect((await (await stack.wechat.pay.confirm(no)).done).map((d) => d.status)).toEqual([204]);
    page = await dues(member);
    expect(page.payments).toHaveLength(1);
  });

  it('refuses an unknown, a closed or an expired order with WeChat’s FAIL answer, writing nothing', async () => {
    const member = await payer('demo-member-9');
    const keys = stack.wechat.pay.keys;
    const unknown = await notify(
      signedNotification(keys, { out_trade_no: 'DF-NO-SUCH-ORDER', amount: { total: 8100, currency: 'CNY' } }),
    );
    expect([unknown.status, unknown.body.code]).toEqual([404, 'FAIL']);
    const billId = billIdOf(member.memberId, thisMonth());
    const stale = await order(member, [billId]);
    // A different selection closes the stale order first (queried: not paid → closed at WeChat and here).
    const fresh = await order(member, [billId, billIdOf(member.memberId, monthsBack(1))]);
    expect(fresh.status).toBe(201);
    const closed = await notify(
      signedNotification(keys, {
        out_trade_no: stale.body.order.outTradeNo,
        amount: { total: 8100, currency: 'CNY' },
        payer: { openid: 'demo-member-9' },
      }),
    );
    expect([closed.status, closed.body.code]).toEqual([409, 'FAIL']);
    const expired = await notify(
      signedNotification(keys, {
        out_trade_no: fresh.body.order.outTradeNo,
        amount: { total: 16200, currency: 'CNY' },
        payer: { openid: 'demo-member-9' },
        success_time: new Date(Date.now() + 3 * 3600_000).toISOString(),
      }),
    );
    expect([expired.status, expired.body.code]).toEqual([409, 'FAIL']);
    expect((await dues(member)).payments).toHaveLength(0);
  });

  it('a notification after its month closed is recorded and flagged, never refused', async () => {
    const member = await payer('demo-member-10');
    const placed = await order(member, [billIdOf(member.memberId, monthsBack(1))]);
    const no = placed.body.order.outTradeNo;
    // The order was placed in the last minutes of last month; WeChat's word arrives now.
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `DUESORDER#${no}`, sk: 'ORDER' },
        UpdateExpression: 'SET createdAt = :at',
        ExpressionAttributeValues: { ':at': `${shiftMonth(thisMonth(), -1)}-28T15:50:00.000Z` },
      }),
    );
    const before = await totals(api, organizer, member.orgId, monthsBack(1));
    await (await stack.wechat.pay.confirm(no, { mode: 'twice' })).done;
    const page = await dues(member);
    expect(page.payments).toHaveLength(1);
    expect(page.payments[0].flags).toContain('late_notification');
    const after = await totals(api, organizer, member.orgId, monthsBack(1));
    expect(after.lateNotifications - before.lateNotifications).toBe(1);
    expect(after.paidFen - before.paidFen).toBe(8100);
  });
});

describe('prepayment', () => {
  it('only where the branch allows it, at most as many months as it allows; the order covers them at their price', async () => {
    const member = await payer('demo-member-4');
    const current = [billIdOf(member.memberId, thisMonth())];
    const refused = await order(member, current, { prepayMonths: 2 });
    expect([refused.status, refused.body.error?.code]).toEqual([422, 'DUES_PREPAY_NOT_ALLOWED']);
    const settings = await api.call<Json>('PUT', `/v1/orgs/${member.orgId}/dues/settings`, {
      token: secretary,
      body: { prepayMonths: 3, version: 0 },
    });
    expect(settings.status).toBe(200);
    const stale = await api.call<Json>('PUT', `/v1/orgs/${member.orgId}/dues/settings`, {
      token: secretary,
      body: { prepayMonths: 6, version: 0 },
    });
    expect([stale.status, stale.body.error?.code]).toEqual([409, 'DUES_SETTINGS_STALE']);
    const tooMany = await order(member, current, { prepayMonths: 4 });
    expect([tooMany.status, tooMany.body.error?.code]).toEqual([422, 'DUES_TOO_MANY_MONTHS']);
    const placed = await order(member, current, { prepayMonths: 2 });
    expect(placed.status).toBe(201);
    expect(placed.body.order).toMatchObject({
      totalFen: 3 * 8100,
      months: [thisMonth(), monthsBack(-1), monthsBack(-2)],
    });
    await (await stack.wechat.pay.confirm(placed.body.order.outTradeNo)).done;
    const page = await dues(member);
    expect(page.bills.filter((b: Json) => b.month > thisMonth() && b.status === 'paid')).toHaveLength(2);
  });
});

describe('notifications out of order', () => {
  it('two members’ notifications arriving the other way round are both recorded, each once', async () => {
    const first = await payer('demo-member-2');
    const second = await payer('demo-member-3');
    const a = await order(first, [billIdOf(first.memberId, thisMonth())]);
    const b = await order(second, [billIdOf(second.memberId, thisMonth())]);
    const held = await stack.wechat.pay.confirm(a.body.order.outTradeNo, { mode: 'out_of_order' });
    const next = await stack.wechat.pay.confirm(b.body.order.outTradeNo, { mode: 'twice' });
    const [heldDeliveries, nextDeliveries] = await Promise.all([held.done, next.done]);
    expect(heldDeliveries[0]!.at >= nextDeliveries[0]!.at).toBe(true);
    expect([...heldDeliveries, ...nextDeliveries].map((d) => d.status)).toEqual([204, 204, 204]);
    for (const member of [first, second]) expect((await dues(member)).payments).toHaveLength(1);
  });
});

describe('online and offline racing for one bill', () => {
  it('exactly one wins; cash never doubles a payment WeChat already took', async () => {
    const member = await payer('demo-member-11');
    const billId = billIdOf(member.memberId, monthsBack(2));
    const placed = await order(member, [billId]);
    const [cash, confirmed] = await Promise.allSettled([
      api.call<Json>('POST', '/v1/dues/offline-payments', {
        token: organizer,
        body: { memberId: member.memberId, billIds: [billId], channel: 'cash', receiptNo: 'R-RACE-1' },
      }),
      stack.wechat.pay.confirm(placed.body.order.outTradeNo).then((r) => r.done),
    ]);
    const page = await dues(member);
    const paid = page.payments.filter((p: Json) => p.billIds.includes(billId));
    expect(paid).toHaveLength(1);
    if (paid[0].channel === 'cash') {
      // Cash first: the order was closed at WeChat before the cash was recorded, so nothing could be paid online.
      expect(cash.status === 'fulfilled' && cash.value.status).toBe(201);
      expect(confirmed.status).toBe('rejected');
    } else {
      expect(cash.status === 'fulfilled' && [cash.value.status, cash.value.body.error?.code]).toEqual([
        409,
        'DUES_BILL_ALREADY_PAID',
      ]);
    }
  });

  it('money received for a bill already paid another way becomes a refund-due entry, not lost', async () => {
    const member = await payer('demo-member-12');
    const billId = billIdOf(member.memberId, monthsBack(1));
    const placed = await order(member, [billId]);
    // The bill is paid by another payment the order never heard of (recorded while WeChat was unreachable).
    const cash = await api.call<Json>('POST', '/v1/dues/offline-payments', {
      token: organizer,
      body: {
        memberId: member.memberId,
        billIds: [billIdOf(member.memberId, thisMonth())],
        channel: 'cash',
        receiptNo: 'R-REF-0',
      },
    });
    expect(cash.status).toBe(201);
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `MEMBER#${member.memberId}#DUES`, sk: `BILL#${monthsBack(1)}` },
        UpdateExpression: 'SET #s = :paid, paymentId = :p',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':paid': 'paid', ':p': cash.body.payment.id },
      }),
    );
    const before = await totals(api, organizer, member.orgId, thisMonth());
    const deliveries = await (await stack.wechat.pay.confirm(placed.body.order.outTradeNo)).done;
    expect(deliveries.map((d) => d.status)).toEqual([204]);
    const got = await api.call<Json>('GET', `/v1/dues/orders/${placed.body.order.id}`, { token: member.token });
    expect(got.body.order.status).toBe('refund_due');
    const after = await totals(api, organizer, member.orgId, thisMonth());
    expect(after.refundDueFen - before.refundDueFen).toBe(8100);
    // The 组织委员 sees whom to refund; the member is told.
    expect(after.refundsDue).toContainEqual(
      expect.objectContaining({ outTradeNo: placed.body.order.outTradeNo, memberId: member.memberId, amountFen: 8100 }),
    );
    const inbox = await api.call<Json>('GET', '/v1/me/messages', { token: member.token });
    expect(inbox.body.items.some((m: Json) => m.kind === 'dues_flag' && m.title.includes('待退款'))).toBe(true);
    expect((await dues(member)).payments.filter((p: Json) => p.channel === 'wechat')).toHaveLength(0);
  });
});

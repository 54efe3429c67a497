/**
 * 党费 as an attacker sees it (issue #10, "think like an attacker"): a stored order answer holds no payment
 * signature; a huge or forged notification is cheap to refuse and a prober is fenced; nobody reads another's
 * order; a member's session ends on the roster, not on the token.
 */
import { createVerify } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../../functions/commons/config';
import { dynamo } from '../../functions/commons/dynamo';
import type { Stack } from '../../scripts/stack';
import { approvedBase, billIdOf, billsFor, type Json, login, type Payer, thisMonth } from '../support/dues';
import { apiClient, startTestStack } from '../support/stack';
import { signedNotification } from '../support/wechat-notify';

let stack: Stack;
let api: ReturnType<typeof apiClient>;
let member: Payer;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  const secretary = (await api.loginAs('demo-secretary-2')).token;
  const organizer = (await api.loginAs('demo-organizer-2')).token;
  member = await login(api, 'demo-member-14');
  await approvedBase(api, member, secretary);
  await billsFor(api, organizer, member.orgId, [thisMonth()]);
}, 60_000);

afterAll(() => stack.stop());

const notify = (headers: Record<string, string>, body: string) =>
  api.call<Json>('POST', '/v1/dues/notify/wechatpay', { headers, rawBody: body });

it('an order replayed by its Idempotency-Key is signed afresh; the stored answer holds no paySign', async () => {
  const body = { billIds: [billIdOf(member.memberId, thisMonth())] };
  const headers = { 'idempotency-key': 'order-tap-1' };
  const first = await api.call<Json>('POST', '/v1/dues/orders', { token: member.token, body, headers });
  const again = await api.call<Json>('POST', '/v1/dues/orders', { token: member.token, body, headers });
  expect([first.status, again.status]).toEqual([201, 201]);
  expect(again.body.order.id).toBe(first.body.order.id);
  const p = again.body.payParams;
  const signed = `${p.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`;
  expect(
    createVerify('RSA-SHA256').update(signed).verify(stack.wechat.pay.keys.merchantPublicKey, p.paySign, 'base64'),
  ).toBe(true);
  const stored = await dynamo().send(
    new GetCommand({
      TableName: tableName(),
      Key: { pk: `IDEM#${member.memberId}#dues.createOrder#order-tap-1`, sk: 'IDEM' },
    }),
  );
  expect(JSON.stringify(stored.Item)).toContain(first.body.order.id);
  expect(JSON.stringify(stored.Item)).not.toContain('paySign');
  expect(JSON.stringify(stored.Item)).not.toContain(p.package);
});

it('nobody reads another member’s order: 404, like a missing one', async () => {
  const placed = await api.call<Json>('POST', '/v1/dues/orders', {
    token: member.token,
    body: { billIds: [billIdOf(member.memberId, thisMonth())] },
  });
  const other = await login(api, 'demo-member-15');
  const answer = await api.call<Json>('GET', `/v1/dues/orders/${placed.body.order.id}`, { token: other.token });
  expect([answer.status, answer.body.error?.code]).toEqual([404, 'DUES_ORDER_NOT_FOUND']);
});

it('a one-off voluntary payment alone must be the ≥ 1000 yuan kind', async () => {
  const small = await api.call<Json>('POST', '/v1/dues/orders', {
    token: member.token,
    body: { billIds: [], voluntaryFen: 5000 },
  });
  expect([small.status, small.body.error?.code]).toEqual([422, 'DUES_VOLUNTARY_WITHOUT_BILLS']);
});

it('an oversized notification is refused before any work (413), and nothing is recorded', async () => {
  const big = JSON.stringify({ padding: 'x'.repeat(20 * 1024) });
  const answer = await notify({ 'content-type': 'application/json' }, big);
  expect(answer.status).toBe(413);
});

it('a sender that keeps failing verification is fenced with 429 for the rest of the minute', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  const forged = signedNotification(stack.wechat.pay.keys, {
    out_trade_no: 'DFnone',
    amount: { total: 1, currency: 'CNY' },
  });
  const statuses: number[] = [];
  for (let i = 0; i < 32; i++) {
    statuses.push(
      (
        await notify(
          { ...forged.headers, 'wechatpay-signature': `A${forged.headers['wechatpay-signature']!.slice(1)}` },
          forged.body,
        )
      ).status,
    );
  }
  warn.mockRestore();
  expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
  expect(statuses.at(-1)).toBe(429);
});

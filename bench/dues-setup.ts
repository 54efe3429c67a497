/**
 * Helpers of bench/dues.ts: the fake WeChat Pay wired as `npm start` wires it, approved bases written the way an
 * approval writes them (the member's profile), and WeChat Pay notifications signed with the fake's platform key.
 */
import { randomBytes } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../functions/commons/dynamo';
import { profileAppend } from '../functions/dues/store';
import { resetPayConfigForTests } from '../functions/dues/wechatpay/config';
import { bindOpenidItem, type MemberRecord } from '../functions/org/service';
import { type FakeWechat, startFakeWechat } from '../scripts/fake-wechat';
import { successNotification } from '../scripts/fake-wechat-pay';
import { pool } from './timing';

/** The fake WeChat (with Pay) and the WECHATPAY_* env the dues functions read, pointing at it. */
export async function fakePay(apiUrl: string): Promise<FakeWechat> {
  const wechat = await startFakeWechat(0);
  const keys = wechat.pay.keys;
  Object.assign(process.env, {
    WECHAT_APPID: keys.appid,
    WECHATPAY_APPID: keys.appid,
    WECHATPAY_MCHID: keys.mchid,
    WECHATPAY_MERCHANT_SERIAL: keys.merchantSerial,
    WECHATPAY_MERCHANT_KEY: keys.merchantPrivateKey,
    WECHATPAY_APIV3_KEY: keys.apiV3Key,
    WECHATPAY_PLATFORM_SERIAL: keys.platformSerial,
    WECHATPAY_PLATFORM_KEY: keys.platformPublicKey,
    WECHATPAY_BASE_URL: wechat.url,
    WECHATPAY_NOTIFY_URL: `${apiUrl}/v1/dues/notify/wechatpay`,
  });
  resetPayConfigForTests();
  return wechat;
}

/** An approved employed base for every member (their profile, as an approval appends it), 25 per transaction. */
export async function approveBases(
  members: readonly MemberRecord[],
  fromMonth: string,
  baseFen: number,
): Promise<void> {
  const chunks: MemberRecord[][] = [];
  for (let i = 0; i < members.length; i += 25) chunks.push(members.slice(i, i + 25));
  const decidedAt = new Date().toISOString();
  await pool(chunks, 4, async (chunk) => {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: chunk.map((member) =>
          profileAppend(member.id, {
            baseId: `bench-${member.id}`,
            year: Number(fromMonth.slice(0, 4)),
            fromMonth,
            category: 'employed',
            baseFen,
            farmerFen: null,
            reducedFen: null,
            decidedAt,
          }),
        ),
      }),
    );
  });
}

/** Each member bound to WeChat (openid = their id), as the bind route records it. */
export async function bindAll(members: readonly MemberRecord[]): Promise<MemberRecord[]> {
  await pool(members, 8, async (member) => {
    await dynamo().send(new TransactWriteCommand({ TransactItems: [bindOpenidItem(member.id, `wx-${member.id}`)] }));
  });
  return members.map((member) => ({ ...member, openid: `wx-${member.id}` }));
}

/** The TRANSACTION.SUCCESS notification WeChat Pay would send for an order, freshly signed. */
export function notificationFor(
  wechat: FakeWechat,
  order: { outTradeNo: string; totalFen: number; openid: string },
): { headers: Record<string, string>; body: string } {
  return successNotification(wechat.pay.keys, {
    appid: wechat.pay.keys.appid,
    mchid: wechat.pay.keys.mchid,
    out_trade_no: order.outTradeNo,
    transaction_id: `4200${randomBytes(10).toString('hex')}`,
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    success_time: new Date().toISOString(),
    payer: { openid: order.openid },
    amount: { total: order.totalFen, payer_total: order.totalFen, currency: 'CNY', payer_currency: 'CNY' },
  });
}

/** DynamoDB's item size: attribute names plus values (UTF-8 strings, numbers ~1 byte per 2 digits, +3 per container). */
export function itemSizeBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(String(Math.abs(value)).replace('.', '').length / 2) + 1;
  if (typeof value === 'boolean' || value === null || value === undefined) return 1;
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + itemSizeBytes(v) + 1, 0);
  return (
    3 +
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .reduce((n, [k, v]) => n + Buffer.byteLength(k) + itemSizeBytes(v), 0)
  );
}

/**
 * Write capacity of one item written in a transaction, by DynamoDB's rule: 2 WCU per started KB, for the table
 * and again for each index the item is in. DynamoDB Local reports a single item's units for a whole
 * transaction (measured: 4 for 2 items and for 100), so the bench computes them from the items written.
 */
export function transactionalWcu(item: Record<string, unknown>, indexes: number): number {
  return 2 * Math.ceil(itemSizeBytes(item) / 1024) * (1 + indexes);
}

/**
 * The WeChat Pay v3 client against the local fake (scripts/fake-wechat-pay.ts), started here on port 0, with a
 * tiny merchant endpoint standing in for POST /v1/dues/notify/wechatpay to receive the notifications.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type FakeWechat, startFakeWechat } from '../../../scripts/fake-wechat';
import { generatePayKeys } from '../../../scripts/fake-wechat-pay';
import { closeOrder, prepay, queryOrder, WechatPayError } from './client';
import { type PayConfig, payConfig, resetPayConfigForTests } from './config';
import { decryptResource, type NotificationBody, verifySigned, type WechatTransaction } from './crypto';

let fake: FakeWechat;
let merchant: Server;
let cfg: PayConfig;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
/** Statuses the merchant endpoint answers next (then 200). */
const answers: number[] = [];

beforeAll(async () => {
  fake = await startFakeWechat(0);
  merchant = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = answers.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status < 300 ? '' : JSON.stringify({ code: 'FAIL', message: 'try again' }));
    });
  });
  await new Promise<void>((ok) => merchant.listen(0, '127.0.0.1', ok));
  const address = merchant.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const { keys } = fake.pay;
  cfg = {
    appid: keys.appid,
    mchid: keys.mchid,
    merchantSerial: keys.merchantSerial,
    merchantPrivateKey: keys.merchantPrivateKey,
    apiV3Key: keys.apiV3Key,
    platformSerial: keys.platformSerial,
    platformPublicKey: keys.platformPublicKey,
    baseUrl: fake.url,
    notifyUrl: `http://127.0.0.1:${port}/v1/dues/notify/wechatpay`,
  };
});

afterAll(async () => {
  await fake.close();
  merchant.closeAllConnections();
  await new Promise((ok) => merchant.close(ok));
});

beforeEach(() => {
  received.length = 0;
  answers.length = 0;
});

let serial = 0;
const inAnHour = () => `${new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
const nextNo = () => {
  serial += 1;
  return `D${Date.now()}_${serial}`;
};
const order = (over: Partial<Parameters<typeof prepay>[1]> = {}) => ({
  description: '党费 2026年11月',
  outTradeNo: nextNo(),
  totalFen: 8100,
  openid: 'o-member-1',
  timeExpire: inAnHour(),
  ...over,
});
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof WechatPayError ? { status: error.status, code: error.code } : error),
  );
/** What the merchant endpoint received: verified, decrypted. */
const opened = (delivery: { headers: IncomingHttpHeaders; body: string }) => {
  const headers = delivery.headers as Record<string, string | undefined>;
  const body = JSON.parse(delivery.body) as NotificationBody;
  let tx: WechatTransaction | null = null;
  try {
    tx = JSON.parse(decryptResource(cfg.apiV3Key, body.resource)) as WechatTransaction;
  } catch {}
  return { verdict: verifySigned(cfg, headers, delivery.body, Date.now()), body, tx };
};

describe('WeChat Pay v3 client against the fake', () => {
  it('prepay → NOTPAY → close → CLOSED', async () => {
    const o = order();
    const { prepayId } = await prepay(cfg, o);
    expect(prepayId).toMatch(/^wx\d{14}[0-9a-f]{20}$/);
    const unpaid = await queryOrder(cfg, o.outTradeNo);
    expect(unpaid).toMatchObject({ trade_state: 'NOTPAY', out_trade_no: o.outTradeNo, amount: { total: 8100 } });
    expect(unpaid?.transaction_id).toBeUndefined();
    expect(await closeOrder(cfg, o.outTradeNo)).toBe('closed');
    expect(await closeOrder(cfg, o.outTradeNo)).toBe('closed');
    expect((await queryOrder(cfg, o.outTradeNo))?.trade_state).toBe('CLOSED');
    await expect(fake.pay.confirm(prepayId)).rejects.toMatchObject({ code: 'ORDERCLOSED' });
    expect(await refusal(prepay(cfg, o))).toEqual({ status: 400, code: 'ORDERCLOSED' });
  });

  it('prepay → pay → SUCCESS, with a signed notification carrying the encrypted transaction', async () => {
    const o = order({ attach: 'bill:2026-11' });
    const { prepayId } = await prepay(cfg, o);
    const paid = await fake.pay.confirm(prepayId);
    expect(paid.deliveries.map((d) => d.status)).toEqual([200]);
    const tx = await queryOrder(cfg, o.outTradeNo);
    expect(tx).toMatchObject({
      trade_state: 'SUCCESS',
      transaction_id: paid.transactionId,
      mchid: cfg.mchid,
      appid: cfg.appid,
      attach: 'bill:2026-11',
      payer: { openid: 'o-member-1' },
      amount: { total: 8100, payer_total: 8100, currency: 'CNY' },
    });
    expect(tx?.success_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(received).toHaveLength(1);
    const note = opened(received[0]!);
    expect(note.verdict).toBe('ok');
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(note.body).toMatchObject({ event_type: 'TRANSACTION.SUCCESS', resource_type: 'encrypt-resource' });
    expect(note.body.resource).toMatchObject({ associated_data: 'transaction', original_type: 'transaction' });
    expect(note.tx).toEqual(tx);
    expect(await closeOrder(cfg, o.outTradeNo)).toBe('paid');
    await expect(fake.pay.confirm(o.outTradeNo)).rejects.toMatchObject({ code: 'ORDERPAID' });
    const replay = fake.pay.notification(prepayId);
    expect(verifySigned(cfg, replay.headers, replay.body, Date.now())).toBe('ok');
    expect((JSON.parse(replay.body) as NotificationBody).id).toBe(note.body.id);
  });

  it('answers the same prepay_id for the same order, refuses the same number with other content', async () => {
    const o = order();
    const first = await prepay(cfg, o);
    expect(await prepay(cfg, o)).toEqual(first);
    const twin = refusal(prepay(cfg, { ...o, totalFen: 100 }));
    expect(await twin).toEqual({ status: 400, code: 'INVALID_REQUEST' });
  });

  it('refuses invalid fields as WeChat does', async () => {
    const bad = async (over: Partial<Parameters<typeof prepay>[1]>) => refusal(prepay(cfg, order(over)));
    expect(await bad({ description: '党'.repeat(128) })).toEqual({ status: 400, code: 'PARAM_ERROR' });
    expect(await bad({ outTradeNo: 'short' })).toEqual({ status: 400, code: 'PARAM_ERROR' });
    expect(await bad({ outTradeNo: 'D2026/11/01' })).toEqual({ status: 400, code: 'PARAM_ERROR' });
    expect(await bad({ totalFen: 0 })).toEqual({ status: 400, code: 'PARAM_ERROR' });
    expect(await bad({ totalFen: 1.5 })).toEqual({ status: 400, code: 'PARAM_ERROR' });
    expect(await bad({ openid: '' })).toEqual({ status: 400, code: 'PARAM_ERROR' });
    expect(await refusal(prepay({ ...cfg, appid: 'wx-other' }, order()))).toEqual({
      status: 400,
      code: 'APPID_MCHID_NOT_MATCH',
    });
    expect(await refusal(prepay({ ...cfg, notifyUrl: 'https://x.test/n?a=1' }, order()))).toMatchObject({
      code: 'PARAM_ERROR',
    });
    expect(await prepay(cfg, order({ description: '党'.repeat(127) }))).toHaveProperty('prepayId');
  });

  it('an unknown order is null; a request signed with another key is 401 SIGN_ERROR', async () => {
    expect(await queryOrder(cfg, 'NO_SUCH_ORDER_1')).toBeNull();
    expect(await closeOrder(cfg, 'NO_SUCH_ORDER_2')).toBe('closed');
    const stranger = generatePayKeys(cfg.appid);
    const forgedMerchant = { ...cfg, merchantPrivateKey: stranger.merchantPrivateKey };
    expect(await refusal(queryOrder(forgedMerchant, 'NO_SUCH_ORDER_1'))).toEqual({ status: 401, code: 'SIGN_ERROR' });
    expect(await refusal(queryOrder({ ...cfg, mchid: '1900000001' }, 'X_ORDER_1'))).toMatchObject({ status: 401 });
  });

  it('refuses an answer with a forged signature, without one, or signed by another platform key', async () => {
    const o = order();
    await prepay(cfg, o);
    fake.pay.forgeNextAnswers(1, 'signature');
    expect(await refusal(queryOrder(cfg, o.outTradeNo))).toEqual({ status: 200, code: 'INVALID_RESPONSE_SIGNATURE' });
    fake.pay.forgeNextAnswers(1, 'unsigned');
    // WeChat did close it; only the answer cannot be believed, and closing again is safe.
    expect(await refusal(closeOrder(cfg, o.outTradeNo))).toEqual({ status: 204, code: 'INVALID_RESPONSE_SIGNATURE' });
    const other = generatePayKeys(cfg.appid);
    const misled = { ...cfg, platformPublicKey: other.platformPublicKey };
    expect(await refusal(queryOrder(misled, o.outTradeNo))).toMatchObject({ code: 'INVALID_RESPONSE_SIGNATURE' });
    expect(await refusal(queryOrder({ ...cfg, platformSerial: 'PUB_KEY_ID_X' }, o.outTradeNo))).toMatchObject({
      code: 'INVALID_RESPONSE_SIGNATURE',
    });
    expect(await closeOrder(cfg, o.outTradeNo)).toBe('closed');
  });

  it('cannot pay an order past its time_expire', async () => {
    const o = order({ timeExpire: `${new Date(Date.now() + 8 * 3_600_000 - 1000).toISOString().slice(0, 19)}+08:00` });
    const { prepayId } = await prepay(cfg, o);
    await expect(fake.pay.confirm(prepayId)).rejects.toMatchObject({ status: 400, code: 'ORDER_EXPIRED' });
    expect((await queryOrder(cfg, o.outTradeNo))?.trade_state).toBe('NOTPAY');
  });

  it('a network failure is a WechatPayError with status 0', async () => {
    expect(await refusal(queryOrder({ ...cfg, baseUrl: 'http://127.0.0.1:9' }, 'ANY_ORDER_1'))).toEqual({
      status: 0,
      code: 'NETWORK_ERROR',
    });
  });
});

describe('the fake notifier', () => {
  it('retries while the merchant answers non-2xx, and sends twice on demand', async () => {
    answers.push(500, 503);
    const a = await prepay(cfg, order());
    expect((await fake.pay.confirm(a.prepayId)).deliveries.map((d) => d.status)).toEqual([500, 503, 200]);
    const b = await prepay(cfg, order());
    const twice = await fake.pay.confirm(b.prepayId, { mode: 'twice' });
    expect(twice.deliveries.map((d) => d.status)).toEqual([200, 200]);
    const ids = received.slice(-2).map((r) => opened(r).body.id);
    expect(ids[0]).toBe(ids[1]);
  });

  it("holds an 'out_of_order' notification until after the next order's, and delivers 'late' ones later", async () => {
    const a = await prepay(cfg, order());
    const b = await prepay(cfg, order());
    const held = await fake.pay.confirm(a.prepayId, { mode: 'out_of_order' });
    expect(held.deliveries).toEqual([]);
    expect((await queryOrder(cfg, held.outTradeNo))?.trade_state).toBe('SUCCESS');
    const next = await fake.pay.confirm(b.prepayId);
    expect(await held.done).toHaveLength(1);
    expect(received.map((r) => opened(r).tx?.out_trade_no)).toEqual([next.outTradeNo, held.outTradeNo]);

    const c = await prepay(cfg, order());
    const late = await fake.pay.confirm(c.prepayId, { mode: 'late', delayMs: 100 });
    expect(late.deliveries).toEqual([]);
    expect((await queryOrder(cfg, late.outTradeNo))?.trade_state).toBe('SUCCESS');
    expect((await late.done).map((d) => d.status)).toEqual([200]);
    expect(opened(received[2]!).tx?.out_trade_no).toBe(late.outTradeNo);
  });

  it('tampers on demand: the order stays unpaid and the merchant can tell', async () => {
    const o = order();
    const { prepayId } = await prepay(cfg, o);
    await fake.pay.confirm(prepayId, { mode: 'tampered', tamper: 'signature' });
    await fake.pay.confirm(prepayId, { mode: 'tampered', tamper: 'body' });
    await fake.pay.confirm(prepayId, { mode: 'tampered', tamper: 'mchid' });
    await fake.pay.confirm(prepayId, { mode: 'tampered', tamper: 'amount' });
    const notes = received.map(opened);
    expect(notes.map((n) => n.verdict)).toEqual(['bad_signature', 'bad_signature', 'ok', 'ok']);
    expect(notes[2]!.tx?.mchid).not.toBe(cfg.mchid);
    expect(notes[3]!.tx?.amount.total).not.toBe(o.totalFen);
    expect((await queryOrder(cfg, o.outTradeNo))?.trade_state).toBe('NOTPAY');
  });

  it('serves the H5 模拟支付 endpoints with CORS', async () => {
    const o = order({ totalFen: 2000 });
    const { prepayId } = await prepay(cfg, o);
    const page = await fetch(`${fake.url}/fake/pay/${prepayId}`);
    expect(page.headers.get('access-control-allow-origin')).toBe('*');
    expect(await page.json()).toMatchObject({ prepayId, outTradeNo: o.outTradeNo, total: 2000, state: 'NOTPAY' });
    const cancelled = await fetch(`${fake.url}/fake/pay/${prepayId}/cancel`, { method: 'POST' });
    expect(await cancelled.json()).toMatchObject({ state: 'NOTPAY' });
    const confirm = (body: unknown) =>
      fetch(`${fake.url}/fake/pay/${prepayId}/confirm`, { method: 'POST', body: JSON.stringify(body) });
    const paid = await confirm({ mode: 'once' });
    expect(paid.status).toBe(200);
    expect(await paid.json()).toMatchObject({ state: 'SUCCESS', deliveries: [{ status: 200 }] });
    expect((await confirm({})).status).toBe(400);
    expect((await fetch(`${fake.url}/fake/pay/wx-unknown`)).status).toBe(404);
    expect((await fetch(`${fake.url}/fake/pay/${prepayId}`, { method: 'OPTIONS' })).status).toBe(204);
  });
});

describe('payConfig', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetPayConfigForTests();
  });

  it('reads WECHATPAY_* (appid falling back to WECHAT_APPID) and does not cache a failure', async () => {
    for (const name of Object.keys(process.env)) if (name.startsWith('WECHATPAY_')) delete process.env[name];
    delete process.env.DUES_PAY_SECRET_ARN;
    resetPayConfigForTests();
    await expect(payConfig()).rejects.toThrow(/lacks appid, mchid, merchantSerial/);
    Object.assign(process.env, {
      WECHAT_APPID: cfg.appid,
      WECHATPAY_MCHID: cfg.mchid,
      WECHATPAY_MERCHANT_SERIAL: cfg.merchantSerial,
      WECHATPAY_MERCHANT_KEY: cfg.merchantPrivateKey.replace(/\n/g, '\\n'),
      WECHATPAY_APIV3_KEY: cfg.apiV3Key,
      WECHATPAY_PLATFORM_SERIAL: cfg.platformSerial,
      WECHATPAY_PLATFORM_KEY: cfg.platformPublicKey,
      WECHATPAY_BASE_URL: `${cfg.baseUrl}/`,
      WECHATPAY_NOTIFY_URL: cfg.notifyUrl,
    });
    const loaded = await payConfig();
    const trimmed = {
      merchantPrivateKey: cfg.merchantPrivateKey.trim(),
      platformPublicKey: cfg.platformPublicKey.trim(),
    };
    expect(loaded).toEqual({ ...cfg, ...trimmed });
    expect(await payConfig()).toBe(loaded);
    expect(await queryOrder(loaded, 'NO_SUCH_ORDER_3')).toBeNull();
  });
});

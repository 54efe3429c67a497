/**
 * The HTTP face of the fake WeChat Pay (scripts/fake-wechat-pay.ts holds the orders and the notifier):
 * - /v3/pay/transactions/jsapi, /v3/pay/transactions/out-trade-no/{no}?mchid=, …/{no}/close — the merchant's
 *   Authorization verified with its public key (401 SIGN_ERROR), fields checked as WeChat checks them, every
 *   answer signed with the platform key (Wechatpay-Serial/-Signature/-Timestamp/-Nonce);
 * - /fake/pay/{prepayId} (GET), /fake/pay/{prepayId}/confirm and /cancel (POST), with CORS, for the H5 模拟支付 page.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  MAX_CLOCK_SKEW_SECONDS,
  parseAuthorization,
  randomNonce,
  signWithKey,
  verifyWithKey,
  type WechatTransaction,
} from '../functions/dues/wechatpay/crypto';
import type { ConfirmOptions, ConfirmResult, FakePayOrder, PayKeys } from './fake-wechat-pay';

/** What the HTTP layer needs of the fake's state. */
export interface PayCore {
  readonly keys: PayKeys;
  readonly orders: Map<string, FakePayOrder>;
  readonly byPrepay: Map<string, string>;
  /** The next answers to forge (the client must refuse them). */
  readonly forged: { times: number; how: 'signature' | 'unsigned' };
  transaction(order: FakePayOrder): WechatTransaction;
  confirm(ref: string, options?: ConfirmOptions): Promise<ConfirmResult>;
  cancel(ref: string): FakePayOrder;
}

/** A refusal of the fake (unknown order, closed, expired, already paid), with WeChat's status and code. */
export class FakePayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** RFC3339 in Beijing time, as WeChat Pay writes times. */
export const beijing = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

/** Wechatpay-* headers (lower case) of a body signed with the platform key now. */
export function signedHeaders(keys: PayKeys, body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomNonce();
  return {
    'wechatpay-serial': keys.platformSerial,
    'wechatpay-signature': signWithKey(keys.platformPrivateKey, `${timestamp}\n${nonce}\n${body}\n`),
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
  };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const OUT_TRADE_NO = /^[A-Za-z0-9_\-|*]{6,32}$/;
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type',
  'access-control-allow-methods': 'GET,POST,OPTIONS',
};
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function readText(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: text ? JSON.parse(text) : null };
  } catch {
    return { ok: false };
  }
}

export function payApi(core: PayCore): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  const { keys, orders, byPrepay, forged } = core;

  const answer = (res: ServerResponse, status: number, payload?: unknown) => {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const headers: Record<string, string> = { ...signedHeaders(keys, body), 'request-id': randomUUID() };
    if (forged.times > 0) {
      forged.times -= 1;
      if (forged.how === 'unsigned') delete headers['wechatpay-signature'];
      else headers['wechatpay-signature'] = signWithKey(keys.merchantPrivateKey, 'not the platform');
    }
    if (body) headers['content-type'] = 'application/json';
    res.writeHead(status, headers);
    res.end(body);
  };
  const fail = (res: ServerResponse, status: number, code: string, message: string) =>
    answer(res, status, { code, message });

  const authorized = (req: IncomingMessage, body: string) => {
    const auth = parseAuthorization(req.headers.authorization);
    if (!auth || auth.mchid !== keys.mchid || auth.serial_no !== keys.merchantSerial) return false;
    const timestamp = Number(/^\d+$/.test(auth.timestamp ?? '') ? auth.timestamp : Number.NaN);
    if (!(Math.abs(Date.now() / 1000 - timestamp) <= MAX_CLOCK_SKEW_SECONDS)) return false;
    const message = `${req.method}\n${req.url}\n${auth.timestamp}\n${auth.nonce_str}\n${body}\n`;
    return verifyWithKey(keys.merchantPublicKey, message, auth.signature ?? '');
  };

  const jsapi = (res: ServerResponse, b: Json) => {
    const amount = isObject(b.amount) ? b.amount : {};
    const payer = isObject(b.payer) ? b.payer : {};
    const text = (v: unknown, max: number): v is string => typeof v === 'string' && v !== '' && [...v].length <= max;
    const bad = (field: string) => fail(res, 400, 'PARAM_ERROR', `输入源“/body/${field}”映射到值字段校验失败`);
    if (!text(b.appid, 32)) return bad('appid');
    if (!text(b.mchid, 32)) return bad('mchid');
    if (b.mchid !== keys.mchid) return fail(res, 400, 'INVALID_REQUEST', '请求参数中的mchid与Authorization中的不一致');
    if (b.appid !== keys.appid) return fail(res, 400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    if (!text(b.description, 127)) return bad('description');
    if (typeof b.out_trade_no !== 'string' || !OUT_TRADE_NO.test(b.out_trade_no)) return bad('out_trade_no');
    if (b.time_expire !== undefined && !(text(b.time_expire, 64) && RFC3339.test(b.time_expire))) {
      return bad('time_expire');
    }
    if (b.attach !== undefined && !text(b.attach, 128)) return bad('attach');
    if (!text(b.notify_url, 255) || !/^https?:\/\/[^?#\s]+$/.test(b.notify_url)) return bad('notify_url');
    if (!Number.isInteger(amount.total) || (amount.total as number) <= 0) return bad('amount/total');
    if (amount.currency !== undefined && amount.currency !== 'CNY') return bad('amount/currency');
    if (!text(payer.openid, 128)) return bad('payer/openid');
    const fields = [b.appid, b.mchid, b.description, b.out_trade_no, b.time_expire, b.attach, b.notify_url];
    const content = JSON.stringify([...fields, amount.total, payer.openid]);
    const existing = orders.get(b.out_trade_no);
    if (existing?.state === 'SUCCESS') return fail(res, 400, 'ORDERPAID', '该订单已支付');
    if (existing?.state === 'CLOSED') return fail(res, 400, 'ORDERCLOSED', '该订单已关闭');
    if (existing && existing.content !== content) return fail(res, 400, 'INVALID_REQUEST', '201 商户订单号重复');
    if (existing) return answer(res, 200, { prepay_id: existing.prepayId });
    const prepayId = `wx${beijing(Date.now()).replace(/\D/g, '').slice(0, 14)}${randomBytes(10).toString('hex')}`;
    const expires = typeof b.time_expire === 'string' ? Date.parse(b.time_expire) : Date.now() + 2 * 3_600_000;
    orders.set(b.out_trade_no, {
      ...{ prepayId, outTradeNo: b.out_trade_no, appid: b.appid, mchid: b.mchid, description: b.description },
      ...{ total: amount.total as number, openid: payer.openid, notifyUrl: b.notify_url, content },
      ...(typeof b.attach === 'string' ? { attach: b.attach } : {}),
      ...{ expiresAt: new Date(expires).toISOString(), state: 'NOTPAY', cancelled: 0, deliveries: [] },
    });
    byPrepay.set(prepayId, b.out_trade_no);
    answer(res, 200, { prepay_id: prepayId });
  };

  const v3 = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const text = await readText(req);
    if (!authorized(req, text)) return fail(res, 401, 'SIGN_ERROR', '签名错误，请检查后再试');
    const parsed = parse(text);
    if (!parsed.ok) return fail(res, 400, 'PARAM_ERROR', '请求体不是合法的JSON');
    const b = isObject(parsed.value) ? parsed.value : {};
    if (req.method === 'POST' && url.pathname === '/v3/pay/transactions/jsapi') return jsapi(res, b);
    const match = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(url.pathname);
    const close = Boolean(match?.[2]);
    if (!match || req.method !== (close ? 'POST' : 'GET')) return fail(res, 404, 'NOT_FOUND', '无效的请求地址');
    const mchid = close ? b.mchid : url.searchParams.get('mchid');
    if (typeof mchid !== 'string' || !mchid) return fail(res, 400, 'PARAM_ERROR', '缺少参数 mchid');
    if (mchid !== keys.mchid) return fail(res, 400, 'INVALID_REQUEST', 'mchid与Authorization中的不一致');
    const order = orders.get(decodeURIComponent(match[1]!));
    if (!order) return fail(res, 404, 'ORDER_NOT_EXIST', '订单不存在');
    if (!close) return answer(res, 200, core.transaction(order));
    if (order.state === 'SUCCESS') return fail(res, 400, 'ORDERPAID', '订单已支付');
    order.state = 'CLOSED';
    answer(res, 204);
  };

  const summary = (order: FakePayOrder) => ({
    ...{ prepayId: order.prepayId, outTradeNo: order.outTradeNo, description: order.description },
    ...{ total: order.total, state: order.state, expiresAt: order.expiresAt },
  });
  const page = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const reply = (status: number, payload?: unknown) => {
      res.writeHead(status, { ...CORS, 'content-type': 'application/json; charset=UTF-8' });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    if (req.method === 'OPTIONS') return reply(204);
    const match = /^\/fake\/pay\/([^/]+)(?:\/(confirm|cancel))?$/.exec(url.pathname);
    const prepayId = decodeURIComponent(match?.[1] ?? '');
    const order = orders.get(byPrepay.get(prepayId) ?? '');
    if (!match || !order) return reply(404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' });
    if (req.method === 'GET' && !match[2]) return reply(200, summary(order));
    if (req.method !== 'POST' || !match[2]) return reply(405, { code: 'METHOD_NOT_ALLOWED', message: '不支持的请求' });
    if (match[2] === 'cancel') return reply(200, summary(core.cancel(prepayId)));
    const parsed = parse(await readText(req));
    if (!parsed.ok) return reply(400, { code: 'PARAM_ERROR', message: '请求体不是合法的JSON' });
    const { mode, tamper, delayMs, deliveries } = isObject(parsed.value) ? (parsed.value as ConfirmOptions) : {};
    try {
      const result = await core.confirm(prepayId, { mode, tamper, delayMs, deliveries });
      reply(200, { ...summary(order), transactionId: result.transactionId, deliveries: result.deliveries });
    } catch (error) {
      if (!(error instanceof FakePayError)) throw error;
      reply(error.status, { code: error.code, message: error.message });
    }
  };

  return async (req, res, url) => {
    try {
      if (url.pathname.startsWith('/v3/pay/')) await v3(req, res, url);
      else await page(req, res, url);
    } catch (error) {
      if (res.headersSent) return void res.end();
      fail(res, 500, 'SYSTEM_ERROR', String(error));
    }
  };
}

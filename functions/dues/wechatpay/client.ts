/**
 * The WeChat Pay v3 JSAPI calls the dues Lambdas make: prepay, query by out_trade_no, close. Every request is
 * signed (Authorization), every answer's signature is verified before anything in it is believed: an unsigned
 * or forged answer throws WechatPayError (code INVALID_RESPONSE_SIGNATURE), whatever its status.
 */
import type { PayConfig } from './config';
import { authorization, type NotifyVerdict, verifySigned, type WechatTransaction } from './crypto';

const TIMEOUT_MS = 8000;
const USER_AGENT = 'xianfeng-dues/1.0 (WeChatPay-APIv3; node)';

/** A call WeChat Pay refused or that could not complete. status 0 = no answer (network, timeout). */
export class WechatPayError extends Error {
  override readonly name = 'WechatPayError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly verdict?: NotifyVerdict,
  ) {
    super(message);
  }
}

interface Answer {
  status: number;
  data: Record<string, unknown> | null;
}

async function call(cfg: PayConfig, method: 'GET' | 'POST', path: string, payload?: unknown): Promise<Answer> {
  const url = new URL(`${cfg.baseUrl.replace(/\/+$/, '')}${path}`);
  const body = payload === undefined ? '' : JSON.stringify(payload);
  const headers: Record<string, string> = {
    authorization: authorization(cfg, method, `${url.pathname}${url.search}`, body, Date.now()),
    accept: 'application/json',
    'user-agent': USER_AGENT,
  };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: payload === undefined ? undefined : body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    const timeout = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw Object.assign(
      new WechatPayError(0, timeout ? 'TIMEOUT' : 'NETWORK_ERROR', `${method} ${url.pathname}: no answer`),
      { cause: error },
    );
  }
  let data: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = text ? JSON.parse(text) : null;
    data = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    data = null;
  }
  const signed: Record<string, string | undefined> = {};
  for (const name of ['wechatpay-serial', 'wechatpay-signature', 'wechatpay-timestamp', 'wechatpay-nonce']) {
    signed[name] = response.headers.get(name) ?? undefined;
  }
  const verdict = verifySigned(cfg, signed, text, Date.now());
  if (verdict !== 'ok') {
    const said = typeof data?.code === 'string' ? ` (it says ${data.code})` : '';
    throw new WechatPayError(
      response.status,
      'INVALID_RESPONSE_SIGNATURE',
      `${method} ${url.pathname}: answer ${response.status} not signed by WeChat Pay: ${verdict}${said}`,
      verdict,
    );
  }
  return { status: response.status, data };
}

function refused(answer: Answer, what: string): WechatPayError {
  const code = typeof answer.data?.code === 'string' ? answer.data.code : `HTTP_${answer.status}`;
  const message = typeof answer.data?.message === 'string' ? answer.data.message : '';
  return new WechatPayError(answer.status, code, `${what}: ${answer.status} ${code} ${message}`.trim());
}

function orderPath(outTradeNo: string): string {
  return `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}`;
}

export interface PrepayOrder {
  /** ≤ 127 characters. */
  description: string;
  /** 6–32 of [A-Za-z0-9_-|*]. */
  outTradeNo: string;
  totalFen: number;
  openid: string;
  /** RFC3339 with +08:00, e.g. 2026-11-05T21:30:00+08:00. */
  timeExpire: string;
  attach?: string;
}

/** JSAPI 下单. WeChat answers the same prepay_id when the same out_trade_no comes again with the same content. */
export async function prepay(cfg: PayConfig, order: PrepayOrder): Promise<{ prepayId: string }> {
  const answer = await call(cfg, 'POST', '/v3/pay/transactions/jsapi', {
    appid: cfg.appid,
    mchid: cfg.mchid,
    description: order.description,
    out_trade_no: order.outTradeNo,
    time_expire: order.timeExpire,
    ...(order.attach === undefined ? {} : { attach: order.attach }),
    notify_url: cfg.notifyUrl,
    amount: { total: order.totalFen, currency: 'CNY' },
    payer: { openid: order.openid },
  });
  const prepayId = answer.data?.prepay_id;
  if (answer.status !== 200 || typeof prepayId !== 'string' || !prepayId) throw refused(answer, 'prepay');
  return { prepayId };
}

/** 查询订单 by out_trade_no; null when WeChat has no such order (ORDER_NOT_EXIST). */
export async function queryOrder(cfg: PayConfig, outTradeNo: string): Promise<WechatTransaction | null> {
  const answer = await call(cfg, 'GET', `${orderPath(outTradeNo)}?mchid=${encodeURIComponent(cfg.mchid)}`);
  if (answer.status === 404 && answer.data?.code === 'ORDER_NOT_EXIST') return null;
  if (answer.status !== 200 || !answer.data) throw refused(answer, 'query order');
  const transaction = answer.data as unknown as WechatTransaction;
  if (transaction.mchid !== cfg.mchid || transaction.out_trade_no !== outTradeNo) {
    throw new WechatPayError(200, 'MISMATCHED_ORDER', `query order ${outTradeNo}: answer is about another order`);
  }
  return transaction;
}

/**
 * 关闭订单: 'closed' once WeChat will no longer accept a payment for it (also when it never knew the order),
 * 'paid' when it was paid first (WeChat answers ORDERPAID): the payment stands and must be recorded.
 */
export async function closeOrder(cfg: PayConfig, outTradeNo: string): Promise<'closed' | 'paid'> {
  const answer = await call(cfg, 'POST', `${orderPath(outTradeNo)}/close`, { mchid: cfg.mchid });
  if (answer.status === 204 || answer.status === 200) return 'closed';
  if (answer.data?.code === 'ORDERPAID') return 'paid';
  if (answer.status === 404 && answer.data?.code === 'ORDER_NOT_EXIST') return 'closed';
  throw refused(answer, 'close order');
}

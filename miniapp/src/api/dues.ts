/**
 * A member's 党费 calls: my dues (or a member's, for the branch), declaring a base, paying online and waiting for
 * the result. Imported by the pages/dues subpackage only: the route schemas never reach the main package.
 */
import Taro from '@tarojs/taro';
import { putDuesBase } from '../../../shared/dues/admin-routes';
import { createOrder, getOrder, memberDues } from '../../../shared/dues/routes';
import type { Order, PutDuesBaseRequest } from '../../../shared/dues/schemas';
import { ApiError, NETWORK_ERROR_MESSAGE, newIdempotencyKey, request } from './client';

export const duesApi = {
  /** GET /v1/members/{id}/dues: base, monthly amount and how it is computed, bills, payments, warnings. */
  member: (memberId: string) => request(memberDues, { params: { id: memberId } }),
  /** PUT /v1/members/{id}/dues-base: a declaration waiting for approval. */
  declare: (memberId: string, body: PutDuesBaseRequest, idempotencyKey = newIdempotencyKey()) =>
    request(putDuesBase, { params: { id: memberId }, body, idempotencyKey }),
  /**
   * POST /v1/dues/orders for my selected bills (+ months to prepay). The same key for every tap on one
   * selection: a repeat returns the first order (with fresh payment parameters), never a second order.
   */
  createOrder: (body: { billIds: string[]; prepayMonths?: number }, idempotencyKey: string) =>
    request(createOrder, { body, idempotencyKey }),
  order: (id: string) => request(getOrder, { params: { id } }),
};

/** `prepay_id=wx…` (requestPayment's package) → `wx…`. */
export function prepayIdOf(pack: string): string {
  return pack.startsWith('prepay_id=') ? pack.slice('prepay_id='.length) : pack;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * After paying: the order as the server sees it, read every `everyMs` until WeChat's notification has been
 * booked ('paid') or the order is closed, or `timeoutMs` has passed (then the last answer, still 'created':
 * the notification may come later). Read failures in between are retried; the last one is thrown.
 */
export async function waitForOrder(id: string, timeoutMs = 30_000, everyMs = 1_500): Promise<Order> {
  const until = Date.now() + timeoutMs;
  let last: Order | null = null;
  let failure: unknown = null;
  for (;;) {
    try {
      last = (await duesApi.order(id)).order;
      failure = null;
      if (last.status !== 'created') return last;
    } catch (caught) {
      // Not this order (404) or not this member (403): waiting will not change that.
      if (caught instanceof ApiError && (caught.status === 403 || caught.status === 404)) throw caught;
      failure = caught;
    }
    if (Date.now() + everyMs > until) break;
    await sleep(everyMs);
  }
  if (last) return last;
  throw failure ?? new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
}

// ——— The local fake WeChat Pay cashier (H5 only; the local API proxies /__fake/wechatpay to the fake server) ———

export interface FakePrepay {
  readonly prepayId: string;
  readonly outTradeNo: string;
  readonly description: string;
  /** fen */
  readonly total: number;
  readonly state: string;
  readonly expiresAt: string;
}

/** How the fake sends its notification: once, twice, late, out of order, or tampered with. */
export type FakePayMode = 'once' | 'twice' | 'late' | 'out_of_order' | 'tampered';
export type FakeTamper = 'signature' | 'amount' | 'mchid';

async function fake<T>(path: string, method: 'GET' | 'POST', body?: object): Promise<T> {
  let answer: Awaited<ReturnType<typeof Taro.request>>;
  try {
    answer = await Taro.request({
      url: `${API_BASE}/__fake/wechatpay/${path}`,
      method,
      header: { 'content-type': 'application/json' },
      data: body === undefined ? undefined : JSON.stringify(body),
      dataType: 'json',
      timeout: 15000,
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  const data = (typeof answer.data === 'string' ? safeJson(answer.data) : answer.data) as
    | { error?: { code?: string; message?: string }; code?: string; message?: string }
    | null
    | undefined;
  if (answer.statusCode >= 200 && answer.statusCode < 300) return data as T;
  const message = data?.error?.message ?? data?.message ?? `模拟支付服务返回 ${answer.statusCode}`;
  throw new ApiError(answer.statusCode, data?.error?.code ?? data?.code ?? 'FAKE_PAY_FAILED', message);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const fakePayApi = {
  get: (prepayId: string) => fake<FakePrepay>(encodeURIComponent(prepayId), 'GET'),
  confirm: (prepayId: string, mode: FakePayMode, tamper?: FakeTamper) =>
    fake<unknown>(`${encodeURIComponent(prepayId)}/confirm`, 'POST', {
      mode,
      ...(mode === 'tampered' && tamper ? { tamper } : {}),
    }),
  cancel: (prepayId: string) => fake<unknown>(`${encodeURIComponent(prepayId)}/cancel`, 'POST', {}),
};

/**
 * A local stand-in for WeChat Pay API v3 (JSAPI), mounted into the fake WeChat server (scripts/fake-wechat.ts):
 * - its keys: the merchant's API key pair and the platform key pair (微信支付公钥), the APIv3 key;
 * - the orders, created by the merchant API (HTTP in scripts/fake-wechat-pay-api.ts: /v3/pay/… signed like
 *   WeChat, and /fake/pay/… for the H5 模拟支付 page);
 * - `confirm(ref, options)` pays an order and POSTs the signed, encrypted TRANSACTION.SUCCESS notification to its
 *   notify_url (retrying non-2xx answers, recording every delivery), with faults on demand: twice, late, out of
 *   order, tampered.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import {
  encryptResource,
  type NotificationBody,
  randomNonce,
  type WechatTransaction,
} from '../functions/dues/wechatpay/crypto';
import { beijing, FakePayError, payApi, signedHeaders } from './fake-wechat-pay-api';

export { FakePayError };

export interface PayKeys {
  mchid: string;
  appid: string;
  merchantSerial: string;
  merchantPrivateKey: string;
  merchantPublicKey: string;
  apiV3Key: string;
  platformSerial: string;
  platformPrivateKey: string;
  platformPublicKey: string;
}

const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('');
const rsa = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

export function generatePayKeys(appid: string): PayKeys {
  const merchant = rsa();
  const platform = rsa();
  return {
    mchid: `19${digits(8)}`,
    appid,
    merchantSerial: randomBytes(20).toString('hex').toUpperCase(),
    merchantPrivateKey: merchant.privateKey,
    merchantPublicKey: merchant.publicKey,
    apiV3Key: randomNonce(32),
    platformSerial: `PUB_KEY_ID_01${digits(26)}`,
    platformPrivateKey: platform.privateKey,
    platformPublicKey: platform.publicKey,
  };
}

/** Keys kept across restarts in `file` (mode 0600); the appid is always the one given. */
export function loadOrCreatePayKeys(file: string, appid: string): PayKeys {
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<PayKeys>;
    const names = ['mchid', 'merchantSerial', 'merchantPrivateKey', 'merchantPublicKey', 'platformSerial'] as const;
    const complete = [...names, 'platformPrivateKey', 'platformPublicKey'] as const;
    if (complete.every((name) => saved[name]) && saved.apiV3Key?.length === 32) return { ...(saved as PayKeys), appid };
  }
  const keys = generatePayKeys(appid);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return keys;
}

export type ConfirmMode = 'once' | 'twice' | 'late' | 'out_of_order' | 'tampered';
export interface ConfirmOptions {
  mode?: ConfirmMode;
  tamper?: 'signature' | 'mchid' | 'amount' | 'body';
  /** 'late': wait this long before delivering (default 3000 ms). */
  delayMs?: number;
  /** Attempts per notification while the merchant answers non-2xx (default 4; 'tampered': 1). */
  deliveries?: number;
}
/** One POST of a notification: the merchant's status (0 = unreachable) and answer, and what was sent. */
export interface Delivery {
  status: number;
  body: string;
  at: string;
  notification: string;
}
export interface ConfirmResult {
  outTradeNo: string;
  transactionId: string;
  /** Filled as deliveries happen ('late' and 'out_of_order' return before any). */
  deliveries: Delivery[];
  /** Settles when this confirmation's deliveries are over. */
  done: Promise<Delivery[]>;
}
export interface FakePayOrder {
  readonly prepayId: string;
  readonly outTradeNo: string;
  readonly appid: string;
  readonly mchid: string;
  readonly description: string;
  readonly total: number;
  readonly openid: string;
  readonly notifyUrl: string;
  readonly attach?: string;
  readonly expiresAt: string;
  readonly content: string;
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED';
  transactionId?: string;
  successTime?: string;
  notificationId?: string;
  cancelled: number;
  readonly deliveries: Delivery[];
}

/** A signed notification as it is POSTed (header names in lower case). */
export interface Notification {
  headers: Record<string, string>;
  body: string;
}

export interface FakeWechatPay {
  readonly keys: PayKeys;
  /** By out_trade_no. */
  readonly orders: ReadonlyMap<string, Readonly<FakePayOrder>>;
  confirm(ref: string, options?: ConfirmOptions): Promise<ConfirmResult>;
  /** The user closed the cashier: the order stays NOTPAY. */
  cancel(ref: string): Readonly<FakePayOrder>;
  /** A freshly signed copy of a paid order's SUCCESS notification (lower-case header names). */
  notification(ref: string): Notification;
  /** The next `times` /v3 answers carry a broken signature (or none): the client must refuse them. */
  forgeNextAnswers(times?: number, how?: 'signature' | 'unsigned'): void;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  close(): void;
}

/** A TRANSACTION.SUCCESS notification of `tx` as WeChat Pay sends it: resource encrypted, headers platform-signed. */
export function successNotification(keys: PayKeys, tx: WechatTransaction, id: string = randomUUID()): Notification {
  const note: NotificationBody = {
    id,
    create_time: beijing(Date.now()),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: encryptResource(keys.apiV3Key, JSON.stringify(tx), 'transaction'),
  };
  const body = JSON.stringify(note);
  return { headers: { ...signedHeaders(keys, body), 'content-type': 'application/json' }, body };
}

export function createFakeWechatPay(keys: PayKeys): FakeWechatPay {
  const orders = new Map<string, FakePayOrder>();
  const byPrepay = new Map<string, string>();
  const held: (() => Promise<unknown>)[] = [];
  const waiting = new Set<() => void>();
  let closed = false;
  const forged: { times: number; how: 'signature' | 'unsigned' } = { times: 0, how: 'signature' };

  const wait = (ms: number) =>
    new Promise<void>((ok) => {
      const finish = () => {
        clearTimeout(timer);
        waiting.delete(finish);
        ok();
      };
      const timer = setTimeout(finish, ms);
      timer.unref?.();
      waiting.add(finish);
    });
  const find = (ref: string) => {
    const order = orders.get(byPrepay.get(ref) ?? ref);
    if (!order) throw new FakePayError(404, 'ORDER_NOT_EXIST', '订单不存在');
    return order;
  };
  const transaction = (order: FakePayOrder): WechatTransaction => {
    const base = { appid: order.appid, mchid: order.mchid, out_trade_no: order.outTradeNo };
    const extra = order.attach === undefined ? {} : { attach: order.attach };
    if (order.state !== 'SUCCESS') {
      const desc = order.state === 'CLOSED' ? '订单已关闭' : '订单未支付';
      const amount = { total: order.total, currency: 'CNY', payer_currency: 'CNY' };
      return { ...base, ...extra, trade_state: order.state, trade_state_desc: desc, amount };
    }
    return {
      ...base,
      ...extra,
      transaction_id: order.transactionId!,
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      bank_type: 'OTHERS',
      success_time: order.successTime!,
      payer: { openid: order.openid },
      amount: { total: order.total, payer_total: order.total, currency: 'CNY', payer_currency: 'CNY' },
    };
  };
  const notificationOf = (order: FakePayOrder, tx: WechatTransaction): Notification =>
    successNotification(keys, tx, order.notificationId ?? randomUUID());

  const deliver = async (order: FakePayOrder, message: Notification, attempts: number, into: Delivery[]) => {
    for (let attempt = 1; attempt <= attempts && !closed; attempt += 1) {
      const delivery: Delivery = { status: 0, body: '', at: new Date().toISOString(), notification: message.body };
      try {
        const answer = await fetch(order.notifyUrl, {
          method: 'POST',
          headers: message.headers,
          body: message.body,
          signal: AbortSignal.timeout(5000),
        });
        delivery.status = answer.status;
        delivery.body = await answer.text();
      } catch (error) {
        delivery.body = String(error);
      }
      into.push(delivery);
      order.deliveries.push(delivery);
      if (delivery.status >= 200 && delivery.status < 300) break;
      if (attempt < attempts) await wait(150 * 2 ** (attempt - 1));
    }
    return into;
  };
  /** Delivers, then releases a held ('out_of_order') notification right after it. */
  const deliverInOrder = async (order: FakePayOrder, times: number, attempts: number, into: Delivery[]) => {
    for (let i = 0; i < times; i += 1) await deliver(order, notificationOf(order, transaction(order)), attempts, into);
    for (const release of held.splice(0)) await release();
    return into;
  };

  const confirm = async (ref: string, options: ConfirmOptions = {}): Promise<ConfirmResult> => {
    const order = find(ref);
    const mode = options.mode ?? 'once';
    if (order.state === 'CLOSED') throw new FakePayError(400, 'ORDERCLOSED', '订单已关闭');
    if (order.state === 'SUCCESS') throw new FakePayError(400, 'ORDERPAID', '订单已支付');
    if (Date.parse(order.expiresAt) <= Date.now()) throw new FakePayError(400, 'ORDER_EXPIRED', '订单已过支付截止时间');
    const deliveries: Delivery[] = [];
    const attempts = options.deliveries ?? (mode === 'tampered' ? 1 : 4);
    if (mode === 'tampered') {
      // A forged notification: the order is NOT paid, and the merchant must refuse what it is told.
      const paid = { ...order, state: 'SUCCESS' as const, successTime: beijing(Date.now()) };
      const tx = transaction({ ...paid, transactionId: `42${digits(26)}` });
      const other = order.total === 1 ? 100 : 1;
      if (options.tamper === 'mchid') tx.mchid = `19${digits(8)}`;
      if (options.tamper === 'amount') tx.amount = { ...tx.amount, total: other, payer_total: other };
      const message = notificationOf(order, tx);
      if (options.tamper === 'signature' || options.tamper === undefined) {
        const signature = Buffer.from(message.headers['wechatpay-signature']!, 'base64');
        signature[10] = signature[10]! ^ 0x01;
        message.headers['wechatpay-signature'] = signature.toString('base64');
      }
      if (options.tamper === 'body')
        message.body = message.body.replace('"summary":"支付成功"', '"summary":"支付成功!"');
      const done = deliver(order, message, attempts, deliveries);
      await done;
      return { outTradeNo: order.outTradeNo, transactionId: tx.transaction_id!, deliveries, done };
    }
    order.state = 'SUCCESS';
    order.transactionId = `42${digits(26)}`;
    order.successTime = beijing(Date.now());
    order.notificationId = randomUUID();
    let done: Promise<Delivery[]>;
    if (mode === 'late') {
      done = wait(options.delayMs ?? 3000).then(() => deliverInOrder(order, 1, attempts, deliveries));
    } else if (mode === 'out_of_order') {
      let release!: () => void;
      const released = new Promise<void>((ok) => {
        release = ok;
      });
      held.push(() => deliver(order, notificationOf(order, transaction(order)), attempts, deliveries).then(release));
      done = released.then(() => deliveries);
    } else {
      done = deliverInOrder(order, mode === 'twice' ? 2 : 1, attempts, deliveries);
      await done;
    }
    done.catch(() => {});
    return { outTradeNo: order.outTradeNo, transactionId: order.transactionId, deliveries, done };
  };

  const cancel = (ref: string) => {
    const order = find(ref);
    order.cancelled += 1;
    return order;
  };
  const handle = payApi({ keys, orders, byPrepay, forged, transaction, confirm, cancel });

  return {
    keys,
    orders,
    confirm,
    cancel,
    notification(ref) {
      const order = find(ref);
      if (order.state !== 'SUCCESS')
        throw new FakePayError(400, 'ORDERNOTPAID', `order ${order.outTradeNo} is ${order.state}`);
      return notificationOf(order, transaction(order));
    },
    forgeNextAnswers(times = 1, how = 'signature') {
      Object.assign(forged, { times, how });
    },
    handle,
    close() {
      closed = true; // pending waits end now; nothing more is delivered
      for (const finish of [...waiting]) finish();
      for (const release of held.splice(0)) void release();
    },
  };
}

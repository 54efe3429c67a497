/**
 * A member's WeChat Pay order for their selected bills (JSAPI). Before a new order is made for bills that
 * already have one, that stale order is asked about at WeChat: paid → it is recorded now and the member is
 * told the bills are paid (never paid twice); not paid → it is closed first. A repeated tap for the very same
 * bills gets the same open order back, freshly signed.
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { checkMemberSelection, prepayMonthList } from '../../shared/dues/months';
import { outTradeNo } from '../../shared/dues/orders';
import { type PayParams, VOLUNTARY_FLAG_FEN } from '../../shared/dues/schemas';
import { DomainError } from '../../shared/errors';
import { RATE_LIMITS } from '../../shared/http/rate-limits';
import { shanghaiMonth } from '../../shared/time';
import { tableName } from '../commons/config';
import { hit } from '../commons/rate-limit';
import * as org from '../org/service';
import { ensureMemberBills } from './bills';
import { billKey, orderKey, parseBillId } from './keys';
import { applyTransaction } from './online';
import { type BillRecord, byMonth, type OrderRecord, paidFor } from './records';
import * as store from './store';
import { closeOrder, prepay, queryOrder } from './wechatpay/client';
import { type PayConfig, payConfig } from './wechatpay/config';
import { payParams } from './wechatpay/crypto';

/** How long a member has to pay in WeChat's cashier. */
const ORDER_MINUTES = 30;
/** An open order with less time left than this is not handed out again: it is closed and replaced. */
const REUSE_MARGIN_MS = 5 * 60_000;

export async function loadOwnBills(memberId: string, billIds: readonly string[]): Promise<BillRecord[]> {
  const keys = new Map<string, { memberId: string; month: string }>();
  for (const id of billIds) {
    const key = parseBillId(id);
    if (!key) throw new DomainError('DUES_BILL_NOT_FOUND');
    if (key.memberId !== memberId) throw new DomainError('DUES_BILL_NOT_YOURS');
    keys.set(id, key);
  }
  const bills = await store.getBills([...keys.values()]);
  if (bills.length !== keys.size) throw new DomainError('DUES_BILL_NOT_FOUND');
  return bills.sort(byMonth);
}

/**
 * Settles the open orders of these bills with WeChat: a paid one is recorded (→ true: something was paid),
 * an unpaid one is closed at WeChat and here. Offline payments call this too, so cash never races a payment
 * that already went through.
 */
export async function settleOpenOrders(bills: readonly BillRecord[], nowMs: number): Promise<boolean> {
  const open = [...new Set(bills.map((bill) => bill.openOrder).filter((no): no is string => !!no))];
  if (open.length === 0) return false;
  const cfg = await payConfig();
  let paid = false;
  for (const no of open) {
    const order = await store.getOrder(no, true);
    if (order?.status !== 'created') continue;
    const tx = await wechat(() => queryOrder(cfg, no));
    if (tx?.trade_state === 'SUCCESS') {
      await applyTransaction(tx, cfg, nowMs);
      paid = true;
      continue;
    }
    if (tx && (await wechat(() => closeOrder(cfg, no))) === 'paid') {
      const again = await wechat(() => queryOrder(cfg, no));
      if (again) await applyTransaction(again, cfg, nowMs);
      paid = true;
      continue;
    }
    await markClosed(no);
  }
  return paid;
}

async function markClosed(outTradeNo: string): Promise<void> {
  await store.transact([store.orderLeavesCreated(outTradeNo, 'closed')]);
}

/** WeChat unreachable or refusing: the member is told to try later (503), nothing half-done is kept. */
async function wechat<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    console.warn(JSON.stringify({ level: 'warn', msg: 'wechat pay call failed', error: String(error) }));
    throw new DomainError('DUES_PAY_UNAVAILABLE', { cause: error });
  }
}

function sameSelection(order: OrderRecord, billIds: readonly string[], voluntaryFen: number): boolean {
  const wanted = [...billIds].sort().join(',');
  return [...order.billIds].sort().join(',') === wanted && order.voluntaryFen === voluntaryFen;
}

export interface CreatedOrder {
  readonly order: OrderRecord;
  readonly payParams: PayParams;
  readonly reused: boolean;
}

export async function createOrder(
  body: { billIds: string[]; prepayMonths?: number | undefined; voluntaryFen?: number | undefined },
  claims: MemberClaims,
  nowMs: number,
): Promise<CreatedOrder> {
  await hit(RATE_LIMITS.ordersPerMember, claims.memberId, nowMs);
  const member = await org.requireMember(claims.memberId);
  const voluntaryFen = body.voluntaryFen ?? 0;
  const currentMonth = shanghaiMonth(nowMs);
  const settings = await store.getSettings(member.orgId);
  const future = prepayMonthList(currentMonth, body.prepayMonths ?? 0);
  const chosen = await loadOwnBills(member.id, body.billIds);
  const error = checkMemberSelection({
    months: [...chosen.map((bill) => bill.month), ...future],
    currentMonth,
    prepayMonths: settings.prepayMonths,
    voluntaryFen,
  });
  if (error) throw new DomainError(error);
  // A one-off voluntary payment on its own is the ≥ 1000 yuan kind (§6); smaller extras go with a month's dues.
  if (chosen.length + future.length === 0 && voluntaryFen < VOLUNTARY_FLAG_FEN) {
    throw new DomainError('DUES_VOLUNTARY_WITHOUT_BILLS');
  }
  if (!member.openid) throw new DomainError('DUES_NO_OPENID');
  const ahead = (await ensureMemberBills(member, future, nowMs)).filter((bill) => !body.billIds.includes(bill.id));
  const bills = [...chosen, ...ahead].sort(byMonth);
  if (bills.some((bill) => bill.status === 'paid')) throw new DomainError('DUES_BILL_ALREADY_PAID');
  const billIds = bills.map((bill) => bill.id);
  const cfg = await payConfig();
  // A repeated tap: the same bills' open order, while there is time to pay it.
  const current = bills[0]?.openOrder ? await store.getOrder(bills[0].openOrder, true) : null;
  if (
    current?.status === 'created' &&
    current.prepayId &&
    bills.every((bill) => bill.openOrder === current.outTradeNo) &&
    sameSelection(current, billIds, voluntaryFen) &&
    Date.parse(current.expiresAt) - nowMs > REUSE_MARGIN_MS
  ) {
    return { order: current, payParams: payParams(cfg, current.prepayId, nowMs), reused: true };
  }
  // Closing a stale order leaves its bills as read; a bill paid meanwhile fails placeOrder's version condition.
  if (await settleOpenOrders(bills, nowMs)) throw new DomainError('DUES_BILL_ALREADY_PAID');
  const order = newOrder(member, bills, voluntaryFen, nowMs);
  await placeOrder(order, bills);
  const { prepayId } = await wechat(() =>
    prepay(cfg, {
      description: `党费 ${order.months.length ? order.months.join('、') : '自愿多交'}`.slice(0, 127),
      outTradeNo: order.outTradeNo,
      totalFen: order.totalFen,
      openid: order.openid,
      timeExpire: order.expiresAt,
    }),
  );
  await store.setOrderPrepay(order.outTradeNo, prepayId);
  return { order: { ...order, prepayId }, payParams: payParams(cfg, prepayId, nowMs), reused: false };
}

function newOrder(
  member: org.MemberRecord,
  bills: readonly BillRecord[],
  voluntaryFen: number,
  nowMs: number,
): OrderRecord & { openid: string } {
  const no = outTradeNo(nowMs, Math.random().toString(36).slice(2, 10));
  return {
    id: no,
    outTradeNo: no,
    ...paidFor(member, bills, voluntaryFen),
    openid: member.openid!,
    status: 'created',
    createdAt: new Date(nowMs).toISOString(),
    expiresAt: new Date(nowMs + ORDER_MINUTES * 60_000).toISOString(),
  };
}

/** The order and its bills' pointer to it, in one transaction on each bill's state as read. */
async function placeOrder(order: OrderRecord, bills: readonly BillRecord[]): Promise<void> {
  const reasons = await store.transact([
    {
      Put: {
        TableName: tableName(),
        Item: { ...orderKey(order.outTradeNo), ...order },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...bills.map((bill) => ({
      Update: {
        TableName: tableName(),
        Key: billKey(bill.memberId, bill.month),
        UpdateExpression: 'SET openOrder = :no, version = version + :one',
        ConditionExpression: '#status = :unpaid AND version = :version',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':no': order.outTradeNo,
          ':unpaid': 'unpaid',
          ':version': bill.version,
          ':one': 1,
        },
      },
    })),
  ]);
  if (!reasons) return;
  // A bill changed meanwhile (paid, or another order placed at this instant): the member taps again.
  throw new DomainError(
    reasons.slice(1).includes('ConditionalCheckFailed') ? 'DUES_BILL_ALREADY_PAID' : 'TOO_MANY_REQUESTS',
  );
}

export async function ownOrder(id: string, claims: MemberClaims): Promise<OrderRecord> {
  const order = await store.getOrder(id);
  if (!order || order.memberId !== claims.memberId) throw new DomainError('DUES_ORDER_NOT_FOUND');
  return order;
}

/** An Idempotency-Key replay of createOrder: the same order, signed afresh (the stored answer holds no sign). */
export async function resignOrder(id: string, claims: MemberClaims, nowMs: number, cfg?: PayConfig) {
  const order = await ownOrder(id, claims);
  if (!order.prepayId) throw new DomainError('DUES_PAY_UNAVAILABLE');
  return { order, payParams: payParams(cfg ?? (await payConfig()), order.prepayId, nowMs) };
}

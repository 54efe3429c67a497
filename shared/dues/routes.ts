/**
 * The member's side of 党费 (DESIGN §5.2), served by the `dues` Lambda: my dues, paying, WeChat Pay's notify.
 * Declaring a base is in ./admin-routes.ts, served with its decision by `duesAdmin`.
 */
import { defineRoute } from '../http/route';
import { DUES_VIEWERS, MEMBERS } from './access';
import {
  CreateOrderRequest,
  CreateOrderResponse,
  IdParams,
  MemberDuesResponse,
  MemberIdParams,
  NotifyResponse,
  OrderResponse,
} from './schemas';

/** WeChat Pay's notification bodies are ~1 KB; anything near this is not one. */
export const NOTIFY_BODY_LIMIT = 16 * 1024;

export const memberDues = defineRoute({
  id: 'dues.memberDues',
  domain: 'dues',
  method: 'get',
  path: '/v1/members/{id}/dues',
  summary: '党员的党费：基数、每月金额及计算方法、账单、欠缴月份、缴费记录',
  access: DUES_VIEWERS,
  scoped: true,
  ownerOrScope: true,
  params: MemberIdParams,
  response: MemberDuesResponse,
  status: 200,
});

export const createOrder = defineRoute({
  id: 'dues.createOrder',
  domain: 'dues',
  method: 'post',
  path: '/v1/dues/orders',
  summary: '为本人所选月份下单微信支付（JSAPI），返回 wx.requestPayment 参数',
  access: MEMBERS,
  scoped: false,
  body: CreateOrderRequest,
  response: CreateOrderResponse,
  status: 201,
  // paySign authorises a payment: a replay re-signs, the stored answer holds none.
  credentials: true,
});

export const getOrder = defineRoute({
  id: 'dues.getOrder',
  domain: 'dues',
  method: 'get',
  path: '/v1/dues/orders/{id}',
  summary: '本人订单状态（支付后轮询）',
  access: MEMBERS,
  scoped: false,
  params: IdParams,
  response: OrderResponse,
  status: 200,
});

export const wechatPayNotify = defineRoute({
  id: 'dues.wechatPayNotify',
  // A Lambda of its own: WeChat's callbacks never wait behind members' requests, and it carries no client code.
  domain: 'duesNotify',
  method: 'post',
  path: '/v1/dues/notify/wechatpay',
  summary: '微信支付 v3 支付结果通知：验签、解密、核对商户号/订单/金额后一次事务入账；重放无害',
  access: 'public',
  scoped: false,
  bodyKind: 'raw',
  bodyLimit: NOTIFY_BODY_LIMIT,
  response: NotifyResponse,
  status: 200,
});

export const duesRoutes = [memberDues, createOrder, getOrder, wechatPayNotify] as const;

/**
 * What the notification handler answers when it refuses: WeChat Pay's `{code:"FAIL", message}` (what WeChat
 * reads) and our error shape (DESIGN §5: a stable code), in one body.
 */
import type { ErrorCode } from '../../shared/errors';
import { errorCatalog } from '../../shared/errors';
import type { Applied } from './online';
import type { NotifyVerdict } from './wechatpay/crypto';

export type Refusal =
  | Exclude<Applied, 'recorded' | 'replay' | 'refund_due' | 'not_success'>
  | Exclude<NotifyVerdict, 'ok'>
  | 'unreadable';

const CODES: Record<Refusal, [ErrorCode, string]> = {
  missing_headers: ['DUES_NOTIFY_SIGNATURE', '缺少微信支付签名头'],
  unknown_serial: ['DUES_NOTIFY_SIGNATURE', '未知的平台证书序列号'],
  stale: ['DUES_NOTIFY_SIGNATURE', '通知时间戳已过期'],
  bad_signature: ['DUES_NOTIFY_SIGNATURE', '签名验证失败'],
  unreadable: ['DUES_NOTIFY_UNREADABLE', '通知内容无法解析或解密'],
  unknown_order: ['DUES_NOTIFY_UNKNOWN_ORDER', '订单不存在'],
  wrong_merchant: ['DUES_NOTIFY_MISMATCH', '商户号或应用号不符'],
  amount_mismatch: ['DUES_NOTIFY_MISMATCH', '金额与订单不符'],
  payer_mismatch: ['DUES_NOTIFY_MISMATCH', '付款人与订单不符'],
  order_closed: ['DUES_NOTIFY_ORDER_CLOSED', '订单已关闭'],
  order_expired: ['DUES_NOTIFY_ORDER_CLOSED', '订单已过期'],
};

export interface RefusalBody {
  readonly code: 'FAIL';
  readonly message: string;
  readonly error: { code: string; message: string };
}

export function refusalOf(reason: Refusal): { status: number; body: RefusalBody } {
  const [code, message] = CODES[reason];
  return { status: errorCatalog[code].status, body: { code: 'FAIL', message, error: { code, message } } };
}

export function tooManyFailures(): { status: 429; body: RefusalBody } {
  const message = '验证失败次数过多，请稍后再试';
  return { status: 429, body: { code: 'FAIL', message, error: { code: 'TOO_MANY_REQUESTS', message } } };
}

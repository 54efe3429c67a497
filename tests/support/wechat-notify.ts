/**
 * WeChat Pay v3 notifications of any transaction, signed with the fake's platform key — for the cases the fake
 * would never send (an unknown order, a closed or expired one): the handler must refuse them all the same.
 */
import { randomBytes } from 'node:crypto';
import type { WechatTransaction } from '../../functions/dues/wechatpay/crypto';
import { type PayKeys, successNotification } from '../../scripts/fake-wechat-pay';

export function signedNotification(
  keys: PayKeys,
  tx: Partial<WechatTransaction> & { out_trade_no: string; amount: { total: number; currency: string } },
) {
  return successNotification(keys, {
    appid: keys.appid,
    mchid: keys.mchid,
    transaction_id: `42000${randomBytes(8).toString('hex')}`,
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    success_time: new Date().toISOString(),
    payer: { openid: 'nobody' },
    ...tx,
  });
}

/**
 * WeChat Pay v3 notifications built by hand, signed with the fake's platform key — for the cases the fake
 * would never send (an unknown order, a closed or expired one): the handler must refuse them all the same.
 */
import { randomBytes } from 'node:crypto';
import { encryptResource, signWithKey, type WechatTransaction } from '../../functions/dues/wechatpay/crypto';
import type { PayKeys } from '../../scripts/fake-wechat-pay';

export function signedNotification(
  keys: PayKeys,
  tx: Partial<WechatTransaction> & { out_trade_no: string; amount: { total: number; currency: string } },
) {
  const transaction: WechatTransaction = {
    appid: keys.appid,
    mchid: keys.mchid,
    transaction_id: `42000${randomBytes(8).toString('hex')}`,
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    success_time: new Date().toISOString().replace('Z', '+00:00'),
    payer: { openid: 'nobody' },
    ...tx,
  } as WechatTransaction;
  const body = JSON.stringify({
    id: randomBytes(8).toString('hex'),
    create_time: new Date().toISOString(),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: encryptResource(keys.apiV3Key, JSON.stringify(transaction), 'transaction'),
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'wechatpay-serial': keys.platformSerial,
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'wechatpay-signature': signWithKey(keys.platformPrivateKey, `${timestamp}\n${nonce}\n${body}\n`),
    },
  };
}

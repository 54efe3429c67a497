/**
 * POST /v1/dues/notify/wechatpay — WeChat Pay v3's payment notification. Verified over the exact bytes
 * received (platform signature, timestamp), decrypted (AEAD_AES_256_GCM with the APIv3 key), checked against
 * our order (merchant, app, amount, payer), then recorded in one transaction (./online.ts). Success is 204, as
 * WeChat expects; a replay is success and changes nothing; anything we refuse is 4xx with WeChat's
 * `{code:"FAIL", message}` and a log line, and nothing is written.
 */
import { RATE_LIMITS } from '../../shared/http/rate-limits';
import { countInMemory, peekInMemory } from '../commons/rate-limit';
import { type Refusal, type RefusalBody, refusalOf, tooManyFailures } from './notify-answers';
import { applyTransaction } from './online';
import { payConfig } from './wechatpay/config';
import { decryptResource, type NotificationBody, verifySigned, type WechatTransaction } from './wechatpay/crypto';

export interface NotifyAnswer {
  readonly status: number;
  readonly body?: RefusalBody;
}

function refuse(reason: Refusal, ip: string, detail: Record<string, unknown> = {}): NotifyAnswer {
  countInMemory(RATE_LIMITS.notifyFailuresPerIp, ip);
  console.warn(JSON.stringify({ level: 'warn', msg: 'wechat pay notification refused', reason, ip, ...detail }));
  return refusalOf(reason);
}

export async function handleNotification(
  headers: Record<string, string | undefined>,
  raw: Uint8Array | undefined,
  ip: string,
  nowMs: number,
): Promise<NotifyAnswer> {
  // A sender that keeps failing verification is probing: refused for the rest of the minute, before any work.
  if (peekInMemory(RATE_LIMITS.notifyFailuresPerIp, ip, nowMs) >= RATE_LIMITS.notifyFailuresPerIp.limit) {
    return tooManyFailures();
  }
  const cfg = await payConfig();
  const body = new TextDecoder('utf-8').decode(raw ?? new Uint8Array());
  const verdict = verifySigned(cfg, headers, body, nowMs);
  if (verdict !== 'ok') return refuse(verdict, ip, { serial: headers['wechatpay-serial'] });
  let tx: WechatTransaction;
  try {
    const notification = JSON.parse(body) as NotificationBody;
    if (notification.event_type !== 'TRANSACTION.SUCCESS') return { status: 204 };
    tx = JSON.parse(decryptResource(cfg.apiV3Key, notification.resource)) as WechatTransaction;
  } catch (error) {
    return refuse('unreadable', ip, { error: String(error) });
  }
  const applied = await applyTransaction(tx, cfg, nowMs);
  if (applied === 'recorded' || applied === 'replay' || applied === 'refund_due' || applied === 'not_success') {
    if (applied !== 'replay') {
      console.info(
        JSON.stringify({
          level: 'info',
          msg: 'wechat pay notification',
          outcome: applied,
          outTradeNo: tx.out_trade_no,
        }),
      );
    }
    return { status: 204 };
  }
  return refuse(applied, ip, { outTradeNo: tx.out_trade_no, total: tx.amount?.total, mchid: tx.mchid });
}

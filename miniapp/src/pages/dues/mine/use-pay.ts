import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { Order } from '../../../../../shared/dues/schemas';
import { newIdempotencyKey } from '../../../api/client';
import { duesApi, prepayIdOf, waitForOrder } from '../../../api/dues';
import { errorCode, errorMessage } from '../../../lib/errors';
import { go } from '../../../lib/nav';
import { startPay } from '../components/pay-flow';

const IS_H5 = process.env.TARO_ENV === 'h5';

export const CONFIRMING_LATER = '支付结果确认中，请稍后刷新';

/** What the page says about the last payment attempt. */
export interface PayNote {
  readonly kind: 'ok' | 'wait' | 'error';
  readonly text: string;
}

function cancelled(error: unknown): boolean {
  const message = (error as { errMsg?: string } | null)?.errMsg ?? '';
  return message.includes('cancel');
}

/**
 * 微信支付 for the selected months: POST /v1/dues/orders with one Idempotency-Key per selection (a second tap,
 * or a retry after a lost answer, gets the first order back — never a second one), then WeChat's cashier
 * (weapp: requestPayment; H5: the 模拟支付 page), then the order read until the notification is booked.
 * `refresh` reloads the page's dues afterwards.
 */
export function usePay(refresh: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState<PayNote | null>(null);
  const attempt = useRef<{ selection: string; key: string } | null>(null);
  const lastOrder = useRef<string | null>(null);

  function keyFor(selection: string): string {
    if (attempt.current?.selection !== selection) attempt.current = { selection, key: newIdempotencyKey() };
    return attempt.current.key;
  }

  /** Reads the order until WeChat's notification has been booked, then the page again. */
  async function confirm(orderId: string) {
    lastOrder.current = orderId;
    setConfirming(true);
    setNote(null);
    let order: Order | null = null;
    try {
      order = await waitForOrder(orderId);
    } catch {
      order = null;
    }
    if (order?.status === 'paid') {
      attempt.current = null;
      setNote({ kind: 'ok', text: `缴费成功，共 ${order.months.length} 个月，已记入缴费记录。` });
      void Taro.showToast({ title: '缴费成功', icon: 'success' });
    } else if (order?.status === 'refund_due') {
      attempt.current = null;
      setNote({ kind: 'wait', text: '所选月份已通过其他方式缴纳，本次款项将原路退回。' });
    } else if (order?.status === 'closed') {
      attempt.current = null;
      setNote({ kind: 'error', text: '订单已关闭，未完成缴费，请重新选择月份支付。' });
    } else {
      setNote({ kind: 'wait', text: CONFIRMING_LATER });
    }
    setConfirming(false);
    await refresh();
  }

  /**
   * The same choice tapped again is the same request (same key, same body): later months to prepay are sent
   * as a count, never as the bills an earlier attempt issued for them, so the body does not change.
   */
  async function pay(billIds: string[], prepayMonths: number) {
    if (busy || confirming) return;
    const selection = `${[...billIds].sort().join(',')}+${prepayMonths}`;
    setBusy(true);
    setNote(null);
    try {
      const { order, payParams } = await duesApi.createOrder(
        { billIds, ...(prepayMonths > 0 ? { prepayMonths } : {}) },
        keyFor(selection),
      );
      if (IS_H5) {
        // The stand-in cashier; 我的党费 picks the outcome up when it shows again.
        startPay(order.id);
        go('duesMockPay', { orderId: order.id, prepayId: prepayIdOf(payParams.package) });
        return;
      }
      try {
        await Taro.requestPayment({
          timeStamp: payParams.timeStamp,
          nonceStr: payParams.nonceStr,
          package: payParams.package,
          signType: payParams.signType,
          paySign: payParams.paySign,
        });
      } catch (failure) {
        // The key is kept: tapping again reopens this same order (WeChat keeps a prepay open for 2 hours).
        if (cancelled(failure)) void Taro.showToast({ title: '已取消支付', icon: 'none' });
        else setNote({ kind: 'error', text: '支付未完成，请稍后重试，或联系组织委员现金缴纳。' });
        return;
      }
      await confirm(order.id);
    } catch (caught) {
      setNote({ kind: 'error', text: errorMessage(caught) });
      // Paid meanwhile (another phone, the 组织委员): show what is owed now.
      if (errorCode(caught) === 'DUES_BILL_ALREADY_PAID') {
        attempt.current = null;
        await refresh();
      }
    } finally {
      setBusy(false);
    }
  }

  /** 刷新 after "确认中": the last order read again (a late notification may have arrived), or just the page. */
  async function recheck() {
    if (confirming) return;
    if (lastOrder.current) await confirm(lastOrder.current);
    else await refresh();
  }

  return { busy, confirming, note, pay, confirm, recheck };
}

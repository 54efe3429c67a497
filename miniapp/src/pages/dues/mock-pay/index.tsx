import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { MEMBERS } from '../../../../../shared/dues/access';
import { formatShanghai } from '../../../../../shared/time';
import { type FakePayMode, type FakeTamper, fakePayApi } from '../../../api/dues';
import { ActionButton } from '../../../components/action-button';
import { Choices } from '../../../components/choices';
import { ErrorBlock, remoteStatus, StatusView } from '../../../components/status-view';
import { errorMessage } from '../../../lib/errors';
import { queryValue, replace } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { yuan } from '../components/labels';
import { finishPay } from '../components/pay-flow';
import '../components/dues.scss';
import { PageRoot } from '../../../components/page-root';
import './index.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';

const MODES: readonly (readonly [FakePayMode, string])[] = [
  ['once', '正常'],
  ['twice', '重复通知'],
  ['late', '延迟通知'],
  ['out_of_order', '乱序'],
  ['tampered', '篡改'],
];

const TAMPERS: readonly (readonly [FakeTamper, string])[] = [
  ['signature', '签名'],
  ['amount', '金额'],
  ['mchid', '商户号'],
];

const STATES: Record<string, string> = {
  NOTPAY: '待支付',
  SUCCESS: '已支付',
  CLOSED: '已关闭',
  PAYERROR: '支付失败',
  created: '待支付',
  paid: '已支付',
  cancelled: '已取消',
  closed: '已关闭',
};

/** Back to 我的党费, which reads the order until the (fake) notification has been booked. */
function leave(orderId: string) {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else replace('myDues', { orderId });
}

/**
 * 模拟支付 (local H5 only): stands in for WeChat's cashier. It shows the prepay the local fake WeChat Pay holds
 * (商户, 金额) and confirms or cancels it there; the fake then sends the signed notification to the API the way
 * WeChat would — once, twice, late, out of order or tampered with, as the tester chooses.
 */
export default function MockPayPage() {
  const params = useRouter().params;
  const orderId = queryValue(params.orderId);
  const prepayId = queryValue(params.prepayId);
  const prepay = useRemote(() => fakePayApi.get(prepayId), { immediate: IS_H5 && !!prepayId });
  const [mode, setMode] = useState<FakePayMode>('once');
  const [tamper, setTamper] = useState<FakeTamper>('signature');
  const [busy, setBusy] = useState<'confirm' | 'cancel' | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (!IS_H5 || !prepayId) {
    return (
      <PageRoot className="mock-pay" roles={MEMBERS}>
        <ErrorBlock
          message={IS_H5 ? '缺少支付单号，请从“我的党费”重新发起支付' : '模拟支付只用于本地 H5 测试'}
          failure="leave"
          onRetry={() => undefined}
        />
      </PageRoot>
    );
  }

  async function run(what: 'confirm' | 'cancel') {
    if (busy) return;
    setBusy(what);
    setError(null);
    try {
      if (what === 'confirm') await fakePayApi.confirm(prepayId, mode, tamper);
      else await fakePayApi.cancel(prepayId);
      finishPay(orderId, what === 'confirm' ? 'confirmed' : 'cancelled');
      leave(orderId);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  const data = prepay.data;
  return (
    <PageRoot className="mock-pay" roles={MEMBERS}>
      <Text className="mock-pay-banner">本地测试 · 模拟微信支付收银台，不会真实扣款</Text>
      <StatusView {...remoteStatus(prepay)}>
        {data ? (
          <>
            <View className="card mock-pay-card">
              <Text className="mock-pay-merchant">{data.description}</Text>
              <Text className="mock-pay-total">{yuan(data.total)}</Text>
              <View className="dues-line">
                <Text className="dues-line-label">商户单号</Text>
                <Text className="dues-line-value mock-pay-number">{data.outTradeNo}</Text>
              </View>
              <View className="dues-line">
                <Text className="dues-line-label">状态</Text>
                <Text className="dues-line-value">{STATES[data.state] ?? data.state}</Text>
              </View>
              <View className="dues-line">
                <Text className="dues-line-label">有效期至</Text>
                <Text className="dues-line-value">{formatShanghai(data.expiresAt, 'M月D日 HH:mm')}</Text>
              </View>
            </View>
            {error ? <Text className="form-error">{error}</Text> : null}
            <View className="actions">
              <ActionButton busy={busy === 'confirm'} disabled={!!busy} onClick={() => void run('confirm')}>
                确认支付
              </ActionButton>
              <ActionButton kind="plain" busy={busy === 'cancel'} disabled={!!busy} onClick={() => void run('cancel')}>
                取消
              </ActionButton>
            </View>
            <Text className="section-title">测试选项：支付结果通知</Text>
            <View className="card mock-pay-options">
              <Choices options={MODES} selected={[mode]} onTap={(value) => setMode(value)} />
              {mode === 'tampered' ? (
                <>
                  <Text className="muted mock-pay-option-label">篡改内容</Text>
                  <Choices options={TAMPERS} selected={[tamper]} onTap={(value) => setTamper(value)} />
                </>
              ) : null}
              <Text className="muted mock-pay-option-note">{MODE_NOTES[mode]}</Text>
            </View>
          </>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}

const MODE_NOTES: Record<FakePayMode, string> = {
  once: '支付成功后发送一次通知。',
  twice: '同一通知发送两次：只应入账一次。',
  late: '通知延迟发送：页面先显示“确认中”，稍后刷新可见结果。',
  out_of_order: '通知先于支付完成到达或顺序颠倒：结果应与正常一致。',
  tampered: '通知被篡改：服务器应拒绝，订单保持待支付。',
};

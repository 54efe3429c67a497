import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { Payment } from '../../../../../shared/dues/schemas';
import { formatShanghai } from '../../../../../shared/time';
import { newIdempotencyKey } from '../../../api/client';
import { duesAdminApi } from '../../../api/dues-admin';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { errorCode, errorMessage } from '../../../lib/errors';
import { CHANNEL_NAMES, monthsText, yuan } from './labels';
import './dues.scss';
import './payment-card.scss';

const FLAG_NAMES: Record<string, string> = {
  late_notification: '到账通知延迟',
  voluntary_large: '大额自愿多交（全额上缴）',
  arrears_over_6: '补交超过 6 个月',
};

/**
 * One payment in a member's history: months, amount, channel, order or receipt number, when, who paid (本人 or
 * 代缴 by name) and who recorded it. A reversed payment stays listed, struck through, with the reason (§6.1:
 * money is never deleted). `canReverse`: the 组织委员's 冲正 — a reason, a confirmation, then the bills are unpaid again.
 */
export function PaymentCard({
  payment,
  canReverse,
  onReversed,
}: {
  payment: Payment;
  canReverse: boolean;
  onReversed(notice?: string): void;
}) {
  const reversed = payment.status === 'reversed';
  const number = payment.channel === 'wechat' ? payment.outTradeNo : payment.receiptNo;
  return (
    <View className={`card payment-card${reversed ? ' payment-card--reversed' : ''}`}>
      <View className="payment-head">
        <Text className={`tag${payment.channel === 'wechat' ? ' tag--ok' : ' tag--grey'}`}>
          {CHANNEL_NAMES[payment.channel] ?? payment.channel}
        </Text>
        {reversed ? <Text className="tag">已冲正</Text> : null}
        <Text className="payment-total">{yuan(payment.totalFen)}</Text>
      </View>
      <Text className="payment-months">{monthsText(payment.months) || '自愿多交'}</Text>
      <View className="dues-line">
        <Text className="dues-line-label">缴费时间</Text>
        <Text className="dues-line-value">{formatShanghai(payment.paidAt, 'YYYY年M月D日 HH:mm')}</Text>
      </View>
      {number ? (
        <View className="dues-line">
          <Text className="dues-line-label">{payment.channel === 'wechat' ? '订单号' : '收据号'}</Text>
          <Text className="dues-line-value payment-number" selectable userSelect>
            {number}
          </Text>
        </View>
      ) : null}
      <View className="dues-line">
        <Text className="dues-line-label">缴款人</Text>
        <Text className="dues-line-value">
          {payment.payer.kind === 'proxy' ? `代缴：${payment.payer.name}` : '本人'}
        </Text>
      </View>
      {payment.recordedBy ? (
        <View className="dues-line">
          <Text className="dues-line-label">登记人</Text>
          <Text className="dues-line-value">
            {payment.recordedBy.name} · {formatShanghai(payment.recordedAt)}
          </Text>
        </View>
      ) : null}
      {payment.voluntaryFen > 0 ? (
        <View className="dues-line">
          <Text className="dues-line-label">其中自愿多交</Text>
          <Text className="dues-line-value">{yuan(payment.voluntaryFen)}</Text>
        </View>
      ) : null}
      {payment.flags.length ? (
        <View className="payment-flags">
          {payment.flags.map((flag) => (
            <Text key={flag} className="tag tag--warn">
              {FLAG_NAMES[flag] ?? flag}
            </Text>
          ))}
        </View>
      ) : null}
      {payment.reversal ? (
        <Text className="payment-reversal prose">
          冲正原因：{payment.reversal.reason}（{payment.reversal.by.name} · {formatShanghai(payment.reversal.at)}）
        </Text>
      ) : null}
      {canReverse && !reversed ? <Reversal payment={payment} onReversed={onReversed} /> : null}
    </View>
  );
}

/** 冲正: a reason (required), then a confirmation naming the months and the amount. */
function Reversal({ payment, onReversed }: { payment: Payment; onReversed(notice?: string): void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [bad, setBad] = useState(false);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One key per reversal attempt: a retry after a lost answer is the same request.
  const key = useRef(newIdempotencyKey());

  if (!open) {
    return (
      <View className="payment-reverse-open" onClick={() => setOpen(true)}>
        冲正此笔缴费
      </View>
    );
  }

  function ask() {
    if (busy) return;
    if (!reason.trim()) {
      setBad(true);
      setError('请填写冲正原因');
      return;
    }
    setAsking(true);
  }

  async function reverse() {
    setAsking(false);
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await duesAdminApi.reverse(payment.id, reason.trim(), key.current);
      void Taro.showToast({ title: '已冲正', icon: 'success' });
      onReversed();
    } catch (caught) {
      if (errorCode(caught) === 'DUES_PAYMENT_ALREADY_REVERSED') onReversed(errorMessage(caught));
      else setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="payment-reverse">
      <View className={`dues-textarea-box${bad ? ' dues-textarea-box--bad' : ''}`}>
        <Textarea
          className="dues-textarea"
          value={reason}
          maxlength={200}
          autoHeight
          placeholder="冲正原因（必填），如：收据号登记错误"
          onInput={(event) => {
            setReason(event.detail.value);
            if (event.detail.value.trim()) setBad(false);
          }}
        />
      </View>
      <View className="dues-buttons">
        <View className="dues-button dues-button--plain" onClick={() => (busy ? undefined : setOpen(false))}>
          取消
        </View>
        <View className={`dues-button dues-button--main${busy ? ' dues-button--busy' : ''}`} onClick={ask}>
          {busy ? '提交中…' : '冲正'}
        </View>
      </View>
      {error ? <Text className="payment-error">{error}</Text> : null}
      <ConfirmDialog
        question={
          asking
            ? {
                title: '确认冲正',
                content: (
                  <View className="dues-confirm-lines">
                    <Text className="dues-confirm-line">月份：{monthsText(payment.months) || '自愿多交'}</Text>
                    <Text className="dues-confirm-line">金额：{yuan(payment.totalFen)}</Text>
                    <Text className="dues-confirm-line">原因：{reason.trim()}</Text>
                    <Text className="dues-confirm-line dues-confirm-note">
                      冲正后这些月份恢复为未缴；原记录保留，注明冲正原因。
                    </Text>
                  </View>
                ),
                confirmText: '冲正',
              }
            : null
        }
        onConfirm={() => void reverse()}
        onCancel={() => setAsking(false)}
      />
    </View>
  );
}

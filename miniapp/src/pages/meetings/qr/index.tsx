import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import qrcode from 'qrcode-generator';
import { useEffect, useMemo, useState } from 'react';
import { checkoutWindow } from '../../../../../shared/meetings/attendee-rules';
import type { ActivityDetailResponse } from '../../../../../shared/meetings/views';
import { formatShanghai } from '../../../../../shared/time';
import { meetingsApi } from '../../../api/meetings';
import { ActionButton } from '../../../components/action-button';
import { PageRoot } from '../../../components/page-root';
import { StatusView } from '../../../components/status-view';
import { go } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { useRotatingQr } from './use-rotating-qr';
import './index.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';
/** The window opens and closes on the server's clock: ask it again this often while the page is open. */
const WINDOW_RECHECK_MS = 30_000;

function qrDataUrl(payload: string): string {
  const code = qrcode(0, 'M');
  code.addData(payload);
  code.make();
  return code.createDataURL(8, 2);
}

/** "123456" → "123 456": two groups of three are easier to read out and type. */
function spacedCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

type Purpose = 'checkin' | 'checkout';
type ClosedText = Record<Exclude<ActivityDetailResponse['window'], 'open'>, { tag: string; hint: string }>;

const CLOSED_TEXT: Record<Purpose, ClosedText> = {
  checkin: {
    not_open: { tag: '未开始', hint: '签到在活动开始前 30 分钟开放，届时这里显示签到二维码和签到码' },
    closed: { tag: '已结束', hint: '活动已结束，签到已关闭' },
  },
  checkout: {
    not_open: { tag: '未开始', hint: '签退在会议开始后开放，会议结束时请党员扫签退码' },
    closed: { tag: '已关闭', hint: '签退已关闭（会议结束 30 分钟后）' },
  },
};

const WORDS: Record<Purpose, { title: string; code: string }> = {
  checkin: { title: '请党员扫码签到', code: '签到码' },
  checkout: { title: '请党员扫码签退', code: '签退码' },
};

/**
 * The secretary's screen: the activity's name and, while check-in is open, a QR code that changes every 30 s
 * (10 s for a large meeting) with its 6-digit code for members who type instead of scanning.
 */
export default function ActivityQrPage() {
  const id = useRouter().params.id ?? '';
  const detail = useRemote(() => meetingsApi.get(id));
  const [purpose, setPurpose] = useState<Purpose>('checkin');
  const activity = detail.data?.activity;
  const withCheckout = !!activity?.requireCheckout;
  // 签退 opens at the start and closes 30 minutes after the end (rechecked with the detail every 30 s).
  const codeWindow =
    purpose === 'checkout' && activity
      ? checkoutWindow(activity.startAt, activity.endAt, Date.now())
      : detail.data?.window;
  const open = codeWindow === 'open';
  const { qr, error, secondsLeft, screenOn, retry } = useRotatingQr(id, open, purpose);
  const image = useMemo(() => (qr ? qrDataUrl(qr.payload) : null), [qr]);

  // Opened after the end of a meeting with 签退: the 签退码 is the one still wanted.
  const loaded = !!detail.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: decided once, when the meeting first arrives.
  useEffect(() => {
    if (detail.data?.activity.requireCheckout && detail.data.window === 'closed') setPurpose('checkout');
  }, [loaded]);

  useEffect(() => {
    const timer = setInterval(() => void detail.reload(), WINDOW_RECHECK_MS);
    return () => clearInterval(timer);
  }, [detail.reload]);

  function copyPayload() {
    if (!qr) return;
    Taro.setClipboardData({ data: qr.payload })
      .then(() => Taro.showToast({ title: '已复制', icon: 'success' }))
      .catch(() => Taro.showToast({ title: '复制失败，请长按选择', icon: 'none' }));
  }

  const closed = codeWindow && codeWindow !== 'open' ? CLOSED_TEXT[purpose][codeWindow] : null;
  const words = WORDS[purpose];
  return (
    <PageRoot className="activity-qr">
      <StatusView
        loading={detail.loading || (open && !qr)}
        error={detail.error ?? error}
        failure={detail.failure}
        hasData={!!closed || !!qr}
        onRetry={() => {
          void detail.reload();
          if (open) retry();
        }}
      >
        {activity ? (
          <View className="qr-activity">
            <Text className="qr-activity-title">{activity.title}</Text>
            <Text className="muted">
              {formatShanghai(activity.startAt, 'M月D日 HH:mm')} – {formatShanghai(activity.endAt, 'HH:mm')}
            </Text>
          </View>
        ) : null}
        {withCheckout ? (
          <View className="qr-purposes">
            {(['checkin', 'checkout'] as const).map((value) => (
              <View
                key={value}
                className={`qr-purpose${purpose === value ? ' qr-purpose--on' : ''}`}
                onClick={() => setPurpose(value)}
              >
                {WORDS[value].code}
              </View>
            ))}
          </View>
        ) : null}
        {closed ? (
          <View className="card qr-card qr-card--closed">
            <Text className="qr-closed-tag">{closed.tag}</Text>
            <Text className="qr-closed-hint muted">{closed.hint}</Text>
          </View>
        ) : null}
        {!closed && qr && image ? (
          <View className="card qr-card">
            <Text className="qr-title">{words.title}</Text>
            <Image className="qr-image" src={image} mode="aspectFit" />
            <Text className="qr-code-label">{words.code}</Text>
            <Text className="qr-code">{spacedCode(qr.code)}</Text>
            <Text className="qr-countdown">{secondsLeft > 0 ? `${secondsLeft} 秒后自动更新` : '正在更新…'}</Text>
            {screenOn === 'unsupported' ? (
              <Text className="qr-screen-hint muted">
                此浏览器不能保持屏幕常亮：请在手机设置里把自动锁屏调长，或在微信小程序中打开本页
              </Text>
            ) : null}
            {IS_H5 ? (
              <>
                <Text className="qr-payload-label">无法输入数字时，可复制长签到码发给党员</Text>
                <Text className="qr-payload" selectable userSelect>
                  {qr.payload}
                </Text>
                <ActionButton kind="plain" className="qr-copy" onClick={copyPayload}>
                  复制
                </ActionButton>
              </>
            ) : null}
          </View>
        ) : null}
        <View className="actions">
          <ActionButton kind="secondary" onClick={() => go('activityBoard', { id })}>
            查看签到看板
          </ActionButton>
        </View>
      </StatusView>
    </PageRoot>
  );
}

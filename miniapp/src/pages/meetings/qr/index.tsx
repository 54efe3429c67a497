import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import qrcode from 'qrcode-generator';
import { useEffect, useMemo } from 'react';
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

const CLOSED_TEXT: Record<Exclude<ActivityDetailResponse['window'], 'open'>, { tag: string; hint: string }> = {
  not_open: { tag: '未开始', hint: '签到在活动开始前 30 分钟开放，届时这里显示签到二维码和签到码' },
  closed: { tag: '已结束', hint: '活动已结束，签到已关闭' },
};

/**
 * The secretary's screen: the activity's name and, while check-in is open, a QR code that changes every 30 s
 * (10 s for a large meeting) with its 6-digit code for members who type instead of scanning.
 */
export default function ActivityQrPage() {
  const id = useRouter().params.id ?? '';
  const detail = useRemote(() => meetingsApi.get(id));
  const open = detail.data?.window === 'open';
  const { qr, error, secondsLeft, screenOn, retry } = useRotatingQr(id, open);
  const image = useMemo(() => (qr ? qrDataUrl(qr.payload) : null), [qr]);

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

  const activity = detail.data?.activity;
  const closed = detail.data && detail.data.window !== 'open' ? CLOSED_TEXT[detail.data.window] : null;
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
        {closed ? (
          <View className="card qr-card qr-card--closed">
            <Text className="qr-closed-tag">{closed.tag}</Text>
            <Text className="qr-closed-hint muted">{closed.hint}</Text>
          </View>
        ) : null}
        {!closed && qr && image ? (
          <View className="card qr-card">
            <Text className="qr-title">请党员扫码签到</Text>
            <Image className="qr-image" src={image} mode="aspectFit" />
            <Text className="qr-code-label">签到码</Text>
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

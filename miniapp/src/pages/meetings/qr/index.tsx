import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';
import { ActionButton } from '../../../components/action-button';
import { StatusView } from '../../../components/status-view';
import { go } from '../../../lib/nav';
import { useRotatingQr } from './use-rotating-qr';
import './index.scss';

function qrDataUrl(payload: string): string {
  const code = qrcode(0, 'M');
  code.addData(payload);
  code.make();
  return code.createDataURL(8, 2);
}

/** The secretary's screen: a QR code that changes every 30 s (10 s for a large meeting), for members to scan. */
export default function ActivityQrPage() {
  const id = useRouter().params.id ?? '';
  const { qr, error, secondsLeft, retry } = useRotatingQr(id);
  const image = useMemo(() => (qr ? qrDataUrl(qr.payload) : null), [qr]);

  return (
    <View className="page activity-qr">
      <StatusView loading={!qr} error={error} hasData={!!qr} onRetry={retry}>
        {qr && image ? (
          <View className="card qr-card">
            <Text className="qr-title">请党员扫码签到</Text>
            <Image className="qr-image" src={image} mode="aspectFit" />
            <Text className="qr-countdown">{secondsLeft > 0 ? `${secondsLeft} 秒后自动更新` : '正在更新…'}</Text>
            <Text className="qr-payload-label">签到码（无法扫码时可复制）</Text>
            <Text className="qr-payload" selectable userSelect>
              {qr.payload}
            </Text>
          </View>
        ) : null}
        <View className="actions">
          <ActionButton kind="secondary" onClick={() => go('activityBoard', { id })}>
            查看签到看板
          </ActionButton>
        </View>
      </StatusView>
    </View>
  );
}

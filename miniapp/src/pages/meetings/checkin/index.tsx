import { Text, View } from '@tarojs/components';
import { messageFor } from '../../../../../shared/errors';
import { parseQrPayload } from '../../../../../shared/meetings/qr';
import { ApiError } from '../../../api/client';
import { meetingsApi } from '../../../api/meetings';
import { PageRoot } from '../../../components/page-root';
import { CheckinPanel } from '../components/checkin-panel';
import type { CheckinTarget } from '../components/use-checkin';
import './index.scss';

/** The activity a scanned/pasted code belongs to (the payload starts with the activity id). */
async function resolveTarget(payload: string): Promise<CheckinTarget> {
  const parsed = parseQrPayload(payload);
  if (!parsed) throw new ApiError(400, 'QR_MALFORMED', messageFor('QR_MALFORMED'));
  const { activity } = await meetingsApi.get(parsed.activityId);
  return { id: activity.id, title: activity.title, place: activity.place };
}

/** 扫码签到 from the home page: any activity of my branch, found from the code itself. */
export default function CheckinPage() {
  const isH5 = process.env.TARO_ENV === 'h5';
  return (
    <PageRoot className="checkin">
      <View className="card checkin-intro">
        <Text className="checkin-title">活动签到</Text>
        <Text className="muted">
          {isH5
            ? '请向支部书记索取签到码，粘贴到下方后点击签到。'
            : '请扫描支部书记手机上显示的签到二维码（二维码会定时更新，请扫最新的）。'}
        </Text>
      </View>
      <View className="card">
        <CheckinPanel target={null} resolve={resolveTarget} replacePage />
      </View>
    </PageRoot>
  );
}

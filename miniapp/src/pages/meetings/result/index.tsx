import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ActivityDetailResponse } from '../../../../../shared/meetings/views';
import { formatShanghai } from '../../../../../shared/time';
import { meetingsApi } from '../../../api/meetings';
import { ActionButton } from '../../../components/action-button';
import { PageRoot } from '../../../components/page-root';
import { StatusView } from '../../../components/status-view';
import { replace, restart } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { PAGES } from '../../../routes';
import { wasJustCreated } from '../components/use-checkin';
import './index.scss';

/**
 * 签到成功 (this phone just created the check-in) or 已签到 (it existed), with 迟到 when late — all read from the
 * server's GET /v1/activities/{id}. Only the activity id comes from the URL: a link with a made-up title or
 * time shows nothing the server does not say (issue #7 item 7).
 */
export default function CheckinResultPage() {
  const id = useRouter().params.id ?? '';
  const detail = useRemote(() => meetingsApi.get(id));

  function openActivity() {
    const pages = Taro.getCurrentPages();
    const previous = pages[pages.length - 2];
    // Came from the activity's own page: go back to it (it reloads and shows 已签到).
    const where = previous?.route ?? (previous as { path?: string } | undefined)?.path ?? '';
    if (where.includes(PAGES.activityDetail)) void Taro.navigateBack();
    else replace('activityDetail', { id });
  }

  return (
    <PageRoot className="checkin-result">
      <StatusView
        loading={detail.loading}
        error={detail.error}
        failure={detail.failure}
        hasData={!!detail.data}
        onRetry={detail.reload}
      >
        {detail.data ? <ResultCard data={detail.data} /> : null}
      </StatusView>
      <View className="actions">
        <ActionButton onClick={openActivity}>查看活动</ActionButton>
        <ActionButton kind="plain" onClick={() => restart('home')}>
          返回首页
        </ActionButton>
      </View>
    </PageRoot>
  );
}

function ResultCard({ data }: { data: ActivityDetailResponse }) {
  const { activity, myCheckin } = data;
  const when = `活动时间 ${formatShanghai(activity.startAt, 'M月D日 HH:mm')}`;
  if (!myCheckin) {
    return (
      <View className="result-card card">
        <Text className="result-icon result-icon--none">!</Text>
        <Text className="result-title">未签到</Text>
        <Text className="muted">没有找到您在本活动的签到记录，请回到活动页签到</Text>
        <Text className="result-activity">{activity.title}</Text>
        <Text className="muted">{when}</Text>
      </View>
    );
  }
  const fresh = wasJustCreated(activity.id, myCheckin.id);
  return (
    <View className="result-card card">
      <Text className={`result-icon${myCheckin.late ? ' result-icon--late' : ''}`}>✓</Text>
      <Text className="result-title">{fresh ? '签到成功' : '已签到'}</Text>
      {fresh ? null : <Text className="muted">您已完成签到，无需重复签到</Text>}
      <Text className="result-activity">{activity.title}</Text>
      <Text className="muted">{when}</Text>
      <View className="result-line">
        {myCheckin.late ? <Text className="tag tag--warn">迟到</Text> : <Text className="tag tag--ok">准时</Text>}
        <Text className="muted">签到时间 {formatShanghai(myCheckin.at, 'M月D日 HH:mm:ss')}</Text>
      </View>
    </View>
  );
}

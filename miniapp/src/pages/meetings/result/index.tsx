import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { formatShanghai } from '../../../../../shared/time';
import { ActionButton } from '../../../components/action-button';
import { queryValue, replace, restart } from '../../../lib/nav';
import { PAGES } from '../../../routes';
import './index.scss';

/** 签到成功 (a new check-in, 201) or 已签到 (the existing one, 200), with 迟到 when late. */
export default function CheckinResultPage() {
  const { id = '', title = '', at = '', late, existed } = useRouter().params;
  const isLate = late === '1';
  const wasExisting = existed === '1';
  const time = at ? formatShanghai(queryValue(at), 'M月D日 HH:mm:ss') : '';

  function openActivity() {
    const pages = Taro.getCurrentPages();
    const previous = pages[pages.length - 2];
    // Came from the activity's own page: go back to it (it reloads and shows 已签到).
    const where = previous?.route ?? (previous as { path?: string } | undefined)?.path ?? '';
    if (where.includes(PAGES.activityDetail)) void Taro.navigateBack();
    else replace('activityDetail', { id });
  }

  return (
    <View className="page checkin-result">
      <View className="result-card card">
        <Text className={`result-icon${isLate ? ' result-icon--late' : ''}`}>✓</Text>
        <Text className="result-title">{wasExisting ? '已签到' : '签到成功'}</Text>
        {wasExisting ? <Text className="muted">您此前已完成签到，无需重复签到</Text> : null}
        <Text className="result-activity">{queryValue(title)}</Text>
        <View className="result-line">
          {isLate ? <Text className="tag tag--warn">迟到</Text> : <Text className="tag tag--ok">准时</Text>}
          <Text className="muted">签到时间 {time}</Text>
        </View>
      </View>
      <View className="actions">
        <ActionButton onClick={openActivity}>查看活动</ActionButton>
        <ActionButton kind="plain" onClick={() => restart('home')}>
          返回首页
        </ActionButton>
      </View>
    </View>
  );
}

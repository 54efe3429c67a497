import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { formatShanghai } from '../../../../../shared/time';
import { studyAdminApi, studyApi } from '../../../api/study';
import { Figures } from '../../../components/figures';
import { PageRoot } from '../../../components/page-root';
import { EmptyBlock, remoteStatus, StatusView } from '../../../components/status-view';
import { queryValue } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import './index.scss';

/** 完成情况 of one item: who has studied it and who has not — names, never a ranking (§6.1). */
export default function StudyCompletionsPage() {
  const id = queryValue(useRouter().params.id);
  const load = async () => {
    const [detail, completions] = await Promise.all([studyApi.get(id), studyAdminApi.completions(id)]);
    return { item: detail.item, ...completions };
  };
  const answer = useRemote(load);
  usePullDownRefresh(async () => {
    await answer.reload();
    Taro.stopPullDownRefresh();
  });
  const data = answer.data;
  return (
    <PageRoot className="study-completions">
      <StatusView {...remoteStatus(answer)}>
        {data ? (
          <>
            <View className="card">
              <Text className="study-completions-title">{data.item.title}</Text>
              <Text className="muted study-completions-meta">
                {data.item.categoryName} · 至少 {data.item.minMinutes} 分钟
              </Text>
            </View>
            <Figures
              figures={[
                { label: '应学人数', value: data.total },
                { label: '已学', value: data.done.length },
                { label: '未学', value: data.notDone.length },
              ]}
            />
            <Text className="section-title">未学（{data.notDone.length}）</Text>
            {data.notDone.length ? (
              <View className="card study-completions-names">
                {data.notDone.map((person) => (
                  <Text key={person.memberId} className="study-completions-name">
                    {person.name}
                  </Text>
                ))}
              </View>
            ) : (
              <EmptyBlock text="全部党员都已学习" />
            )}
            <Text className="section-title">已学（{data.done.length}）</Text>
            {data.done.length ? (
              <View className="card">
                {data.done.map((person) => (
                  <View key={person.memberId} className="study-completions-row">
                    <Text className="study-completions-row-name">{person.name}</Text>
                    <Text className="muted">{formatShanghai(person.at, 'M月D日 HH:mm')}</Text>
                  </View>
                ))}
              </View>
            ) : (
              <EmptyBlock text="还没有人学习" />
            )}
            <Text className="muted study-completions-note">名单不分先后，不作排名；学习自愿，时长不作考核依据。</Text>
          </>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}

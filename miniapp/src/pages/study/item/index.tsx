import { Progress } from '@nutui/nutui-react-taro';
import { RichText, Text, Video, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { CompleteStudyResponse } from '../../../../../shared/study/progress-schemas';
import { formatShanghai } from '../../../../../shared/time';
import { newIdempotencyKey } from '../../../api/client';
import { studyApi } from '../../../api/study';
import { ActionButton } from '../../../components/action-button';
import { PageRoot } from '../../../components/page-root';
import { remoteStatus, StatusView } from '../../../components/status-view';
import { errorMessage } from '../../../lib/errors';
import { go, queryValue } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { shownSeconds, useStudySession } from './use-study-session';
import './index.scss';

const clock = (seconds: number) => `${Math.floor(seconds / 60)} 分 ${String(seconds % 60).padStart(2, '0')} 秒`;

/** One 党建知识 item: read or watch it; the server times the study; 完成学习 when the server says enough. */
export default function StudyItemPage() {
  const id = queryValue(useRouter().params.id);
  const detail = useRemote(() => studyApi.get(id));
  const [done, setDone] = useState<CompleteStudyResponse | null>(null);
  const [completing, setCompleting] = useState(false);
  const [completeError, setCompleteError] = useState<string | null>(null);
  const completeKey = useRef(newIdempotencyKey());
  const studiedToday = !!detail.data?.todayCheckin || !!done;
  const timer = useStudySession(id, !!detail.data && !detail.data.todayCheckin);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const handle = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(handle);
  }, []);

  async function complete() {
    if (!timer.session || completing) return;
    setCompleting(true);
    setCompleteError(null);
    try {
      const answer = await studyApi.complete(timer.session.id, completeKey.current);
      timer.markCompleted();
      setDone(answer);
      void Taro.showToast({ title: `已完成学习，连续 ${answer.streak.current} 天`, icon: 'none', duration: 2500 });
    } catch (caught) {
      setCompleteError(errorMessage(caught));
    } finally {
      setCompleting(false);
    }
  }

  const item = detail.data?.item;
  const session = timer.session;
  const seconds = session ? shownSeconds(session, timer.answeredAt, timer.visible.current, now) : 0;
  // The shown time has reached the need: ask the server now rather than at the next 15-second beat. An early
  // beat gains nothing (only the server's clock counts); it just lets 完成学习 light up without a wait.
  const reached = !!session && !session.canComplete && seconds >= session.requiredSeconds;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per second while the need is reached
  useEffect(() => {
    if (reached && now - timer.answeredAt > 1000) void timer.beat(true);
  }, [reached, now]);
  return (
    <PageRoot className="study-item">
      <StatusView {...remoteStatus(detail)}>
        {item ? (
          <>
            <View className="card study-item-head">
              <Text className="study-item-title">{item.title}</Text>
              <Text className="muted study-item-meta">
                {item.categoryName} · {item.ownerOrgName}
                {item.publishedAt ? ` · ${formatShanghai(item.publishedAt, 'YYYY年M月D日')}` : ''}
              </Text>
            </View>
            {detail.data?.canManage ? (
              <View className="card study-item-manage">
                <Text className="study-item-manage-link" onClick={() => go('studyEdit', { id: item.id })}>
                  编辑
                </Text>
                <Text className="study-item-manage-link" onClick={() => go('studyCompletions', { id: item.id })}>
                  完成情况
                </Text>
              </View>
            ) : null}
            <View className="card study-item-body">
              {item.kind === 'video' && item.videoUrl ? (
                <Video className="study-item-video" src={item.videoUrl} controls />
              ) : null}
              {item.body ? <RichText className="study-item-text prose" nodes={item.body} /> : null}
            </View>
            <View className="card study-item-timer">
              {studiedToday ? (
                <Text className="study-item-done">
                  今日已学
                  {done ? `，已连续学习 ${done.streak.current} 天（最长 ${done.streak.longest} 天）` : ''}
                </Text>
              ) : session ? (
                <>
                  <Text className="study-item-clock">
                    已学习 {clock(seconds)} / 需 {item.minMinutes} 分钟
                  </Text>
                  <Progress
                    percent={Math.round((seconds / Math.max(1, session.requiredSeconds)) * 100)}
                    color="#c8161d"
                  />
                  <Text className="muted study-item-hint">
                    学习时间以服务器计时为准；离开本页时暂停计时。学习是自愿的，时长不作考核依据。
                  </Text>
                </>
              ) : (
                <Text className="muted">{timer.error ?? '正在开始计时…'}</Text>
              )}
              {timer.error && session ? <Text className="form-error">{timer.error}</Text> : null}
              {completeError ? <Text className="form-error">{completeError}</Text> : null}
            </View>
            {!studiedToday ? (
              <View className="actions">
                <ActionButton busy={completing} disabled={!session?.canComplete} onClick={() => void complete()}>
                  {session?.canComplete ? '完成学习' : `学满 ${item.minMinutes} 分钟后可完成`}
                </ActionButton>
              </View>
            ) : null}
          </>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}

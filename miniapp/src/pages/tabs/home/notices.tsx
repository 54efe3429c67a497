import { Text, View } from '@tarojs/components';
import { formatShanghai } from '../../../../../shared/time';
import { noticesApi } from '../../../api/notices';
import { go } from '../../../lib/nav';
import type { Remote } from '../../../lib/use-remote';

/** The three newest 党建新闻 / 信息发布 aimed at me, and how many I have not read. */
export const loadLatestNotices = () => noticesApi.list({ limit: 3 });
export type NoticesRemote = Remote<Awaited<ReturnType<typeof loadLatestNotices>>>;

/** 首页's 通知公告: quiet when there is nothing (the section only appears with notices). */
export function LatestNotices({ notices }: { notices: NoticesRemote }) {
  const data = notices.data;
  if (!data || data.items.length === 0) return null;
  return (
    <>
      <View className="home-notices-head" onClick={() => go('notices')}>
        <Text className="section-title home-notices-title">
          通知公告{data.unread ? <Text className="home-notices-unread">（{data.unread} 条未读）</Text> : null}
        </Text>
        <Text className="home-notices-all">全部 ›</Text>
      </View>
      <View className="card home-notices">
        {data.items.map((notice) => (
          <View key={notice.id} className="home-notice" onClick={() => go('noticeDetail', { id: notice.id })}>
            {notice.read ? null : <Text className="home-notice-dot" />}
            <Text className={`home-notice-title${notice.read ? '' : ' home-notice-title--unread'}`}>
              {notice.title}
            </Text>
            <Text className="muted home-notice-date">{formatShanghai(notice.publishedAt, 'M/D')}</Text>
          </View>
        ))}
      </View>
    </>
  );
}

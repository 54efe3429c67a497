import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Message } from '../../../../../shared/messages/schemas';
import { formatShanghai } from '../../../../../shared/time';
import { messagesApi } from '../../../api/notices';
import { PagedView } from '../../../components/load-more';
import { PageRoot } from '../../../components/page-root';
import { go, queryValue } from '../../../lib/nav';
import { usePagedScreen } from '../../../lib/use-paged-list';
import { markMessageRead, useOpenedFromMessage, useUnread } from '../../../store/unread';
// The same feed rows as 通知公告.
import '../list/index.scss';

/** 我的消息: reminders from every domain, newest first; tapping one marks it read and opens what it is about. */
export default function MyMessagesPage() {
  const fromPush = useRouter().params.message;
  const unread = useUnread((state) => state.count);
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set(fromPush ? [queryValue(fromPush)] : []));
  useOpenedFromMessage(fromPush ? queryValue(fromPush) : undefined);
  const list = usePagedScreen(async (cursor) => {
    const answer = await messagesApi.list({ cursor });
    if (!cursor) useUnread.getState().show(answer.unread);
    return answer;
  });

  function open(message: Message) {
    if (!message.read && !readIds.has(message.id)) {
      setReadIds(new Set([...readIds, message.id]));
      void markMessageRead(message.id);
    }
    if (message.ref?.type === 'notice') go('noticeDetail', { id: message.ref.id });
    else if (message.ref?.type === 'activity') go('activityDetail', { id: message.ref.id });
    else if (message.ref?.type === 'transfer') go('transferDetail', { id: message.ref.id });
  }

  return (
    <PageRoot className="my-messages">
      {unread > 0 ? <Text className="notices-unread">{unread} 条未读</Text> : null}
      <PagedView list={list} empty="还没有消息">
        {(items) =>
          items.map((message) => {
            const read = message.read || readIds.has(message.id);
            return (
              <View key={message.id} className="card notices-item" onClick={() => open(message)}>
                <View className="notices-item-line">
                  {read ? null : <Text className="notices-dot" />}
                  <Text className={`notices-item-title${read ? '' : ' notices-item-title--unread'}`}>
                    {message.title}
                  </Text>
                </View>
                <Text className="muted notices-item-excerpt">{message.body}</Text>
                <Text className="muted notices-item-meta">{formatShanghai(message.createdAt, 'M月D日 HH:mm')}</Text>
              </View>
            );
          })
        }
      </PagedView>
    </PageRoot>
  );
}

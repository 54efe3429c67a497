import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { NOTICE_KIND_LABELS, type NoticeKind } from '../../../../../shared/notices/schemas';
import { formatShanghai } from '../../../../../shared/time';
import { noticesApi } from '../../../api/notices';
import { PagedView } from '../../../components/load-more';
import { PageRoot } from '../../../components/page-root';
import { go, queryValue } from '../../../lib/nav';
import { usePagedScreen } from '../../../lib/use-paged-list';
import './index.scss';

const KINDS: readonly NoticeKind[] = ['news', 'notice'];

/** 党建新闻 and 信息发布 aimed at me, newest first; unread ones marked. */
export default function NoticesPage() {
  const initial = queryValue(useRouter().params.kind);
  const [kind, setKind] = useState<NoticeKind>(initial === 'news' ? 'news' : 'notice');
  const current = useRef(kind);
  const [unread, setUnread] = useState(0);
  const list = usePagedScreen(async (cursor) => {
    const answer = await noticesApi.list({ kind: current.current, ...(cursor ? { cursor } : {}) });
    setUnread(answer.unread);
    return answer;
  });

  function show(next: NoticeKind) {
    setKind(next);
    current.current = next;
    void list.load(true);
  }

  return (
    <PageRoot className="notices">
      <View className="notices-kinds">
        {KINDS.map((entry) => (
          <View
            key={entry}
            className={`notices-kind${kind === entry ? ' notices-kind--on' : ''}`}
            onClick={() => show(entry)}
          >
            {NOTICE_KIND_LABELS[entry]}
          </View>
        ))}
      </View>
      {unread > 0 ? <Text className="notices-unread">{unread} 条未读</Text> : null}
      <PagedView list={list} empty={`还没有${NOTICE_KIND_LABELS[kind]}`}>
        {(items) =>
          items.map((notice) => (
            <View key={notice.id} className="card notices-item" onClick={() => go('noticeDetail', { id: notice.id })}>
              <View className="notices-item-line">
                {notice.read ? null : <Text className="notices-dot" />}
                <Text className={`notices-item-title${notice.read ? '' : ' notices-item-title--unread'}`}>
                  {notice.title}
                </Text>
              </View>
              <Text className="muted notices-item-excerpt">{notice.excerpt}</Text>
              <Text className="muted notices-item-meta">
                {notice.orgName} · {formatShanghai(notice.publishedAt, 'M月D日 HH:mm')}
              </Text>
            </View>
          ))
        }
      </PagedView>
    </PageRoot>
  );
}

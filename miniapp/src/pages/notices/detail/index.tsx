import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { NOTICE_KIND_LABELS } from '../../../../../shared/notices/schemas';
import { formatShanghai } from '../../../../../shared/time';
import { noticesApi } from '../../../api/notices';
import { ActionButton } from '../../../components/action-button';
import { PageRoot } from '../../../components/page-root';
import { remoteStatus, StatusView } from '../../../components/status-view';
import { errorMessage } from '../../../lib/errors';
import { queryValue } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { useOpenedFromMessage } from '../../../store/unread';
import './index.scss';

/** A notice; opening it records my read receipt. Its publisher also sees who has not read it and can remind them. */
export default function NoticeDetailPage() {
  const { params } = useRouter();
  const id = queryValue(params.id);
  useOpenedFromMessage(params.message ? queryValue(params.message) : undefined);
  const detail = useRemote(() => noticesApi.get(id));
  const canManage = !!detail.data?.canManage;
  const notice = detail.data?.notice;
  return (
    <PageRoot className="notice-detail">
      <StatusView {...remoteStatus(detail)}>
        {notice ? (
          <>
            <View className="card notice-detail-head">
              <Text className="tag">{NOTICE_KIND_LABELS[notice.kind]}</Text>
              <Text className="notice-detail-title">{notice.title}</Text>
              <Text className="muted notice-detail-meta">
                {notice.orgName} · {notice.authorName} · {formatShanghai(notice.publishedAt, 'YYYY年M月D日 HH:mm')}
              </Text>
            </View>
            <View className="card">
              <Text className="notice-detail-body prose" userSelect>
                {notice.body}
              </Text>
            </View>
            {canManage ? <NoticeReads noticeId={notice.id} /> : null}
          </>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}

/** 阅读情况: read / total and the unread members by name; 提醒未读 sends each of them a message. */
function NoticeReads({ noticeId }: { noticeId: string }) {
  const reads = useRemote(() => noticesApi.reads(noticeId));
  const [sending, setSending] = useState(false);

  async function remind() {
    if (sending) return;
    setSending(true);
    try {
      const { sent } = await noticesApi.remind(noticeId);
      void Taro.showToast({ title: sent ? `已提醒 ${sent} 人` : '没有需要提醒的人', icon: 'none' });
    } catch (caught) {
      void Taro.showToast({ title: errorMessage(caught), icon: 'none' });
    } finally {
      setSending(false);
    }
  }

  const data = reads.data;
  return (
    <>
      <Text className="section-title">阅读情况</Text>
      <StatusView {...remoteStatus(reads)}>
        {data ? (
          <View className="card notice-reads">
            <Text className="notice-reads-count">
              已读 {data.read} / {data.total} 人
            </Text>
            {data.unread.length ? (
              <>
                <Text className="muted notice-reads-label">未读（{data.unread.length}）</Text>
                <View className="notice-reads-names">
                  {data.unread.map((person) => (
                    <Text key={person.memberId} className="notice-reads-name">
                      {person.name}
                    </Text>
                  ))}
                </View>
              </>
            ) : (
              <Text className="muted">全部已读</Text>
            )}
          </View>
        ) : null}
      </StatusView>
      {data?.unread.length ? (
        <View className="actions">
          <ActionButton kind="secondary" busy={sending} onClick={() => void remind()}>
            提醒未读的 {data.unread.length} 人
          </ActionButton>
        </View>
      ) : null}
    </>
  );
}

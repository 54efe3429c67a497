import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { StudyItemSummary } from '../../../../../shared/study/schemas';
import { formatShanghai } from '../../../../../shared/time';
import { studyAdminApi } from '../../../api/study';
import { ActionButton } from '../../../components/action-button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { PagedView } from '../../../components/load-more';
import { PageRoot } from '../../../components/page-root';
import { errorMessage } from '../../../lib/errors';
import { go } from '../../../lib/nav';
import { usePagedScreen } from '../../../lib/use-paged-list';
import { useSession } from '../../../store/session';
import './index.scss';

function stateOf(item: StudyItemSummary): { label: string; tag: string } {
  if (item.published) return { label: '已发布', tag: 'tag tag--ok' };
  return item.publishedAt ? { label: '已下架', tag: 'tag tag--grey' } : { label: '草稿', tag: 'tag tag--grey' };
}

/** 学习管理: what my organisation has published (drafts and unpublished ones too), newest first. */
export default function StudyManagePage() {
  const member = useSession((state) => state.member);
  const orgId = member?.orgId ?? '';
  const list = usePagedScreen((cursor) => studyAdminApi.orgItems(orgId, cursor));
  const [pending, setPending] = useState<StudyItemSummary | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function setPublished(item: StudyItemSummary, published: boolean) {
    setPending(null);
    setBusyId(item.id);
    try {
      await studyAdminApi.update(item.id, { published });
      void Taro.showToast({ title: published ? '已发布' : '已下架', icon: 'success' });
      await list.load(true);
    } catch (caught) {
      void Taro.showToast({ title: errorMessage(caught), icon: 'none', duration: 3000 });
    } finally {
      setBusyId(null);
    }
  }

  return (
    <PageRoot className="study-manage">
      <View className="actions study-manage-new">
        <ActionButton onClick={() => go('studyEdit')}>新建学习内容</ActionButton>
      </View>
      <PagedView list={list} empty="还没有发布学习内容">
        {(items) =>
          items.map((item) => {
            const state = stateOf(item);
            return (
              <View key={item.id} className="card study-manage-item">
                <View className="study-manage-main" onClick={() => go('studyEdit', { id: item.id })}>
                  <View className="study-manage-line">
                    <Text className={state.tag}>{state.label}</Text>
                    <Text className="study-manage-title">{item.title}</Text>
                  </View>
                  <Text className="muted study-manage-meta">
                    {item.categoryName} · {item.kind === 'video' ? '视频' : '图文'} · 至少 {item.minMinutes} 分钟
                    {item.publishedAt ? ` · ${formatShanghai(item.publishedAt, 'YYYY年M月D日')}` : ''}
                  </Text>
                </View>
                <View className="study-manage-actions">
                  <Text className="study-manage-action" onClick={() => go('studyEdit', { id: item.id })}>
                    编辑
                  </Text>
                  <Text className="study-manage-action" onClick={() => go('studyCompletions', { id: item.id })}>
                    完成情况
                  </Text>
                  <Text
                    className={`study-manage-action${busyId === item.id ? ' study-manage-action--busy' : ''}`}
                    onClick={() =>
                      busyId ? undefined : item.published ? setPending(item) : void setPublished(item, true)
                    }
                  >
                    {item.published ? '下架' : '发布'}
                  </Text>
                </View>
              </View>
            );
          })
        }
      </PagedView>
      <ConfirmDialog
        question={
          pending
            ? {
                title: '下架学习内容',
                content: `下架后党员将看不到「${pending.title}」；已有的学习记录保留，可随时重新发布。`,
                confirmText: '下架',
              }
            : null
        }
        onConfirm={() => (pending ? void setPublished(pending, false) : undefined)}
        onCancel={() => setPending(null)}
      />
    </PageRoot>
  );
}

import { Picker, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { createActivity } from '../../../../../shared/meetings/routes';
import type { OrgNode } from '../../../../../shared/org/schemas';
import { visibleBranches } from '../../../api/org';
import { ActionButton } from '../../../components/action-button';
import { PageRoot } from '../../../components/page-root';
import { EmptyBlock, StatusView } from '../../../components/status-view';
import { go } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { hasAnyRole, useSession } from '../../../store/session';
import { ActivityList } from './activity-list';
import './index.scss';

/** Members and secretaries: their own branch. Committee staff: a branch picked from their subtree. */
export default function ActivitiesPage() {
  const member = useSession((state) => state.member);
  const committee = hasAnyRole(member, ['committee']);
  return (
    <PageRoot className="activities">
      {hasAnyRole(member, createActivity.access) ? (
        <View className="actions activities-create">
          <ActionButton onClick={() => go('activityCreate')}>＋ 发起活动</ActionButton>
        </View>
      ) : null}
      {committee ? <CommitteeActivities /> : <ActivityList emptyText="本支部还没有活动" />}
    </PageRoot>
  );
}

/** The branch picker over GET /v1/orgs/tree; the choice lives as long as the tab page (default: the first). */
function CommitteeActivities() {
  const branches = useRemote(visibleBranches, { immediate: false });
  const [pickedId, setPickedId] = useState<string | null>(null);
  useDidShow(() => {
    if (!branches.data) void branches.reload();
  });

  const list = branches.data ?? [];
  const picked: OrgNode | undefined = list.find((branch) => branch.id === pickedId) ?? list[0];
  const index = picked ? list.indexOf(picked) : 0;
  return (
    <StatusView
      loading={branches.loading}
      error={branches.error}
      failure={branches.failure}
      hasData={!!branches.data}
      onRetry={() => void branches.reload()}
    >
      {branches.data && list.length === 0 ? <EmptyBlock text="您的组织下还没有党支部" /> : null}
      {picked ? (
        <>
          <Picker
            mode="selector"
            range={list.map((branch) => branch.name)}
            value={index}
            onChange={(event) => setPickedId(list[Number(event.detail.value)]?.id ?? null)}
          >
            <View className="card activities-picker">
              <Text className="activities-picker-label">支部</Text>
              <Text className="activities-picker-name">{picked.name}</Text>
              <Text className="activities-picker-switch">切换 ▾</Text>
            </View>
          </Picker>
          <ActivityList key={picked.id} orgId={picked.id} emptyText="该支部还没有活动" />
        </>
      ) : null}
    </StatusView>
  );
}

import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { RUNNERS } from '../../../../../shared/meetings/access';
import type { OrgNode } from '../../../../../shared/org/schemas';
import { ActionButton } from '../../../components/action-button';
import { BranchPicker, useBranchChoices } from '../../../components/branch-picker';
import { PageRoot } from '../../../components/page-root';
import { EmptyBlock, remoteStatus, StatusView } from '../../../components/status-view';
import { go } from '../../../lib/nav';
import { hasAnyRole, useSession } from '../../../store/session';
import { useUnreadBadge } from '../../../store/unread';
import { ActivityList } from './activity-list';
import './index.scss';

/** Members and secretaries: their own branch. Committee staff: a branch picked from their subtree. */
export default function ActivitiesPage() {
  useUnreadBadge();
  const member = useSession((state) => state.member);
  const committee = hasAnyRole(member, ['committee']);
  return (
    <PageRoot className="activities">
      {hasAnyRole(member, RUNNERS) ? (
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
  const branches = useBranchChoices();
  const [pickedId, setPickedId] = useState<string | null>(null);
  useDidShow(() => {
    if (!branches.data) void branches.reload();
  });

  const list = branches.data ?? [];
  const picked: OrgNode | undefined = list.find((branch) => branch.id === pickedId) ?? list[0];
  return (
    <StatusView {...remoteStatus(branches)}>
      {branches.data && list.length === 0 ? <EmptyBlock text="您的组织下还没有党支部" /> : null}
      {picked ? (
        <>
          <BranchPicker branches={list} pickedId={picked.id} onPick={(branch) => setPickedId(branch.id)} />
          <ActivityList key={picked.id} orgId={picked.id} emptyText="该支部还没有活动" />
        </>
      ) : null}
    </StatusView>
  );
}

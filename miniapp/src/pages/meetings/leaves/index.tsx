import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { Leave } from '../../../../../shared/meetings/views';
import { formatShanghai } from '../../../../../shared/time';
import { type LeaveTab, leavesPage } from '../../../api/meeting-admin';
import { PagedView } from '../../../components/load-more';
import { PageRoot } from '../../../components/page-root';
import { go } from '../../../lib/nav';
import { usePagedScreen } from '../../../lib/use-paged-list';
import { useSession } from '../../../store/session';
import { LeaveDecision } from '../components/leave-decision';
import './index.scss';

const TABS: readonly { tab: LeaveTab; label: string }[] = [
  { tab: 'pending', label: '待审批' },
  { tab: 'decided', label: '已审批' },
];

const STATUS: Record<Leave['status'], { label: string; tag: string }> = {
  pending: { label: '待审批', tag: 'tag tag--warn' },
  approved: { label: '已批准', tag: 'tag tag--ok' },
  rejected: { label: '未批准', tag: 'tag' },
};

/** 请假审批: the branch's leave requests across meetings, newest first; pending ones decided in place. */
export default function LeaveApprovalsPage() {
  const orgId = useSession((state) => state.member?.orgId ?? '');
  const [tab, setTab] = useState<LeaveTab>('pending');
  const current = useRef(tab);
  const list = usePagedScreen((cursor) => leavesPage(orgId, current.current, cursor));
  const [notice, setNotice] = useState<string | null>(null);

  function decided(message?: string) {
    setNotice(message ?? null);
    void list.load(true);
  }

  function show(next: LeaveTab) {
    if (next === current.current) return;
    setTab(next);
    current.current = next;
    setNotice(null);
    void list.load(true);
  }

  return (
    <PageRoot className="leave-approvals">
      <View className="leave-tabs">
        {TABS.map((entry) => (
          <View
            key={entry.tab}
            className={`leave-tab${tab === entry.tab ? ' leave-tab--on' : ''}`}
            onClick={() => show(entry.tab)}
          >
            {entry.label}
          </View>
        ))}
      </View>
      {notice ? <Text className="form-error">{notice}（已刷新列表）</Text> : null}
      <PagedView list={list} empty={tab === 'pending' ? '没有待审批的请假' : '还没有审批过的请假'}>
        {(items) => items.map((leave) => <LeaveCard key={leave.id} leave={leave} onDecided={decided} />)}
      </PagedView>
    </PageRoot>
  );
}

function LeaveCard({ leave, onDecided }: { leave: Leave; onDecided(notice?: string): void }) {
  const status = STATUS[leave.status];
  return (
    <View className="card leave-card">
      <View className="leave-card-head">
        <Text className="leave-card-name">{leave.name}</Text>
        <Text className={status.tag}>{status.label}</Text>
      </View>
      <View className="leave-card-meeting" onClick={() => go('activityBoard', { id: leave.activityId })}>
        <Text className="leave-card-title">{leave.title ?? '会议'}</Text>
        {leave.startAt ? <Text className="muted leave-card-time">{formatShanghai(leave.startAt)} 开始 ›</Text> : null}
      </View>
      <Text className="leave-card-reason">事由：{leave.reason}</Text>
      <Text className="muted leave-card-meta">{formatShanghai(leave.requestedAt)} 申请</Text>
      {leave.status === 'pending' ? (
        <LeaveDecision leaveId={leave.id} onDecided={onDecided} />
      ) : (
        <Text className="muted leave-card-meta">
          {leave.decidedByName ?? ''}
          {leave.decidedAt ? ` ${formatShanghai(leave.decidedAt)}` : ''} 审批
          {leave.comment ? `：${leave.comment}` : ''}
        </Text>
      )}
    </View>
  );
}

import { Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { MEETING_KIND_NAMES } from '../../../../../shared/meetings/kinds';
import { LeaveRequest } from '../../../../../shared/meetings/member-routes';
import type { ActivityDetailResponse } from '../../../../../shared/meetings/views';
import { newIdempotencyKey } from '../../../api/client';
import { attendanceApi } from '../../../api/meeting-attendance';
import { ActionButton } from '../../../components/action-button';
import { PageRoot } from '../../../components/page-root';
import { remoteStatus, StatusView } from '../../../components/status-view';
import { errorMessage } from '../../../lib/errors';
import { timeRange } from '../../../lib/format';
import { backToMeeting } from '../components/back-to-meeting';
import { LeaveStatus } from '../components/leave-status';
import { useMeetingDetail } from '../components/use-meeting';
import './index.scss';

const REASON_MAX = 200;

/** Why this meeting takes no leave request from me now (null: it does). */
function closedReason({ activity, phase, me }: ActivityDetailResponse): string | null {
  if (!me) return '这不是您所在支部的会议，无需请假';
  if (activity.status === 'cancelled') return '该会议已取消，无需请假';
  if (me.at) return '您已签到，无需请假';
  if (phase !== 'upcoming') return '会议已经开始，不能再请假；如有特殊情况请联系支部书记';
  return null;
}

/** 请假 (?id=): a reason before the start; once asked, the request and the secretary's decision. */
export default function LeaveRequestPage() {
  const id = useRouter().params.id ?? '';
  const detail = useMeetingDetail(id);
  const data = detail.data;

  return (
    <PageRoot className="leave-request">
      <StatusView {...remoteStatus(detail)}>
        {data ? (
          <>
            <View className="card">
              <Text className="leave-meeting-title">{data.activity.title}</Text>
              <Text className="muted leave-meeting-line">
                {MEETING_KIND_NAMES[data.activity.kind] ?? data.activity.kind} ·{' '}
                {timeRange(data.activity.startAt, data.activity.endAt)}
              </Text>
            </View>
            {data.me?.leave || closedReason(data) ? (
              <>
                <View className="card">
                  {data.me?.leave ? (
                    <LeaveStatus leave={data.me.leave} />
                  ) : (
                    <Text className="leave-closed">{closedReason(data)}</Text>
                  )}
                </View>
                <View className="actions">
                  <ActionButton kind="plain" onClick={() => backToMeeting(id)}>
                    查看会议
                  </ActionButton>
                </View>
              </>
            ) : (
              <LeaveForm activityId={id} onSent={() => void detail.reload()} />
            )}
          </>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}

function LeaveForm({ activityId, onSent }: { activityId: string; onSent(): void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  // One key per form: a repeated tap, or a retry after a lost answer, can never make two requests.
  const key = useRef(newIdempotencyKey());

  async function send() {
    if (inFlight.current) return;
    const parsed = LeaveRequest.safeParse({ reason });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '请填写原因');
      return;
    }
    inFlight.current = true;
    setBusy(true);
    setProblem(null);
    setError(null);
    try {
      await attendanceApi.requestLeave(activityId, parsed.data.reason, key.current);
      // The page then shows the request itself (待审批): no toast over it.
      onSent();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return (
    <>
      <Text className="section-title">请假原因</Text>
      <View className={`leave-reason${problem ? ' leave-reason--bad' : ''}`}>
        <Textarea
          className="leave-reason-input"
          value={reason}
          maxlength={REASON_MAX}
          placeholder="如：值班手术，无法参加"
          onInput={(event) => {
            setReason(event.detail.value);
            if (problem) setProblem(null);
          }}
        />
        <Text className="muted leave-reason-count">
          {[...reason].length}/{REASON_MAX}
        </Text>
      </View>
      {problem ? <Text className="form-error">{problem}</Text> : null}
      {error ? <Text className="form-error">{error}</Text> : null}
      <View className="actions">
        <ActionButton busy={busy} onClick={() => void send()}>
          提交请假
        </ActionButton>
      </View>
      <Text className="muted leave-note">会议开始前可以请假，由支部书记或组织委员审批；审批结果会通知您。</Text>
    </>
  );
}

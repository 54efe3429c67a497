import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { MEETING_KIND_NAMES } from '../../../../../shared/meetings/kinds';
import type { MyAttendanceResponse } from '../../../../../shared/meetings/schemas';
import { meetingsApi } from '../../../api/meetings';
import { type Figure, Figures } from '../../../components/figures';
import { MonthStepper } from '../../../components/month-stepper';
import { PageRoot } from '../../../components/page-root';
import { EmptyBlock, remoteStatus, StatusView } from '../../../components/status-view';
import { timeRange } from '../../../lib/format';
import { go } from '../../../lib/nav';
import { useMonthRemote } from '../../../lib/use-month';
import './index.scss';

type Item = MyAttendanceResponse['items'][number];

/** Keyed by plain strings: a status a newer server sends is shown as it comes, never dropped. */
const STATUS: Record<string, { label: string; tag: string }> = {
  present: { label: '准时签到', tag: 'tag tag--ok' },
  late: { label: '迟到', tag: 'tag tag--warn' },
  left_early: { label: '早退', tag: 'tag tag--warn' },
  on_leave: { label: '请假', tag: 'tag tag--grey' },
  made_up: { label: '已补学', tag: 'tag tag--ok' },
  absent: { label: '缺席', tag: 'tag' },
  ongoing_missing: { label: '待签到', tag: 'tag' },
  upcoming: { label: '未开始', tag: 'tag tag--grey' },
  cancelled: { label: '已取消', tag: 'tag tag--grey' },
};

function statusOf(item: Item): { label: string; tag: string } {
  const known = STATUS[item.status] ?? { label: String(item.status), tag: 'tag' };
  return item.manual ? { ...known, label: `${known.label}（补签）` } : known;
}

const kindName = (kind: string | undefined) =>
  (kind && MEETING_KIND_NAMES[kind as keyof typeof MEETING_KIND_NAMES]) || kind || '';

/** The month's figures: the four every month has, and 早退 / 请假 / 补学 when there are any. */
function figuresOf(totals: MyAttendanceResponse['totals']): Figure[] {
  const extra = totals as Partial<Record<'leftEarly' | 'onLeave' | 'madeUp', number>>;
  return [
    { label: '会议', value: totals.activities },
    { label: '准时', value: totals.present },
    { label: '迟到', value: totals.late },
    ...(extra.leftEarly ? [{ label: '早退', value: extra.leftEarly }] : []),
    ...(extra.onLeave ? [{ label: '请假', value: extra.onLeave }] : []),
    ...(extra.madeUp ? [{ label: '补学', value: extra.madeUp }] : []),
    { label: '缺席', value: totals.absent },
  ];
}

/** 我的签到: my branch's meetings of a month and where I stood in each — my own record, no one else's. */
export default function MyAttendancePage() {
  const { month, showMonth, remote: attendance } = useMonthRemote(meetingsApi.myAttendance);

  const totals = attendance.data?.totals;
  return (
    <PageRoot className="my-attendance">
      <MonthStepper month={month} onChange={showMonth} />
      {totals ? <Figures figures={figuresOf(totals)} /> : null}
      <StatusView {...remoteStatus(attendance)}>
        {attendance.data && attendance.data.items.length === 0 ? <EmptyBlock text="这个月没有本支部的会议" /> : null}
        {attendance.data?.items.length ? (
          <CellGroup className="my-attendance-list">
            {attendance.data.items.map((item) => {
              const status = statusOf(item);
              return (
                <Cell
                  key={item.activityId}
                  className="my-attendance-item"
                  clickable
                  title={<Text className="my-attendance-name">{item.title}</Text>}
                  description={
                    <View className="my-attendance-line">
                      <Text className={status.tag}>{status.label}</Text>
                      {item.leaveStatus === 'pending' && item.status === 'upcoming' ? (
                        <Text className="tag">请假待审批</Text>
                      ) : null}
                      <Text className="my-attendance-when">
                        {[kindName(item.kind), timeRange(item.startAt, item.endAt), item.placeName]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    </View>
                  }
                  onClick={() => go('activityDetail', { id: item.activityId })}
                />
              );
            })}
          </CellGroup>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}

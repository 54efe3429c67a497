import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { AttendanceStatus } from '../../../../../shared/meetings/attendance';
import { meetingsApi } from '../../../api/meetings';
import { Figures } from '../../../components/figures';
import { MonthStepper } from '../../../components/month-stepper';
import { PageRoot } from '../../../components/page-root';
import { EmptyBlock, StatusView } from '../../../components/status-view';
import { timeRange } from '../../../lib/format';
import { go } from '../../../lib/nav';
import { useMonthRemote } from '../../../lib/use-month';
import './index.scss';

const STATUS: Record<AttendanceStatus, { label: string; tag: string }> = {
  present: { label: '准时签到', tag: 'tag tag--ok' },
  late: { label: '迟到', tag: 'tag tag--warn' },
  absent: { label: '缺席', tag: 'tag' },
  ongoing_missing: { label: '待签到', tag: 'tag' },
  upcoming: { label: '未开始', tag: 'tag tag--grey' },
};

/** 我的签到: my branch's activities of a month and where I stood in each — my own record, no one else's. */
export default function MyAttendancePage() {
  const { month, showMonth, remote: attendance } = useMonthRemote(meetingsApi.myAttendance);

  const totals = attendance.data?.totals;
  return (
    <PageRoot className="my-attendance">
      <MonthStepper month={month} onChange={showMonth} />
      {totals ? (
        <Figures
          figures={[
            { label: '活动', value: totals.activities },
            { label: '准时', value: totals.present },
            { label: '迟到', value: totals.late },
            { label: '缺席', value: totals.absent },
          ]}
        />
      ) : null}
      <StatusView
        loading={attendance.loading}
        error={attendance.error}
        failure={attendance.failure}
        hasData={!!attendance.data}
        onRetry={() => void attendance.reload()}
      >
        {attendance.data && attendance.data.items.length === 0 ? <EmptyBlock text="这个月没有本支部的活动" /> : null}
        {attendance.data?.items.length ? (
          <CellGroup className="my-attendance-list">
            {attendance.data.items.map((item) => (
              <Cell
                key={item.activityId}
                className="my-attendance-item"
                clickable
                title={<Text className="my-attendance-name">{item.title}</Text>}
                description={
                  <View className="my-attendance-line">
                    <Text className={STATUS[item.status].tag}>{STATUS[item.status].label}</Text>
                    <Text className="my-attendance-when">
                      {timeRange(item.startAt, item.endAt)}
                      {item.placeName ? ` · ${item.placeName}` : ''}
                    </Text>
                  </View>
                }
                onClick={() => go('activityDetail', { id: item.activityId })}
              />
            ))}
          </CellGroup>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}

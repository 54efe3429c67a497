import { Text, View } from '@tarojs/components';
import type { StudyFigures } from '../../../../../shared/study/progress-schemas';
import { studyAdminApi } from '../../../api/study';
import { Figures } from '../../../components/figures';
import { MonthStepper } from '../../../components/month-stepper';
import { PageRoot } from '../../../components/page-root';
import { EmptyBlock, remoteStatus, StatusView } from '../../../components/status-view';
import { useMonthRemote } from '../../../lib/use-month';
import { useSession } from '../../../store/session';
import './index.scss';

const minutes = (seconds: number) => Math.round(seconds / 60);
const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toString();

function figuresOf(figures: StudyFigures) {
  return [
    { label: '党员', value: figures.members },
    { label: '参学人数', value: figures.participants },
    { label: '完成次数', value: figures.checkins },
    { label: '学习分钟', value: minutes(figures.seconds) },
    { label: '人均完成', value: oneDecimal(figures.perMember.checkins) },
    { label: '人均分钟', value: minutes(figures.perMember.seconds) },
  ];
}

/** 学习统计: a branch's month (a secretary's own), or a committee's branches as rows in tree order — no ranking. */
export default function StudyStatsPage() {
  const member = useSession((state) => state.member);
  const orgId = member?.orgId ?? '';
  const { month, showMonth, remote: stats } = useMonthRemote((month) => studyAdminApi.stats(orgId, month));

  const data = stats.data;
  return (
    <PageRoot className="study-stats">
      <MonthStepper month={month} onChange={showMonth} />
      <StatusView {...remoteStatus(stats)}>
        {data ? (
          <>
            <Text className="section-title">
              {member?.orgName ?? ''}
              {data.branches ? ' 合计' : ''}
            </Text>
            <Figures accent figures={figuresOf(data)} />
            {data.branches ? (
              <>
                <Text className="section-title">各支部（按组织顺序）</Text>
                {data.branches.length === 0 ? <EmptyBlock text="下级还没有支部" /> : null}
                {data.branches.map((row) => (
                  <View key={row.orgId} className="card study-stats-row">
                    <Text className="study-stats-name">{row.name}</Text>
                    <View className="study-stats-line">
                      <Text>党员 {row.members}</Text>
                      <Text>参学 {row.participants}</Text>
                      <Text>完成 {row.checkins} 次</Text>
                      <Text>{minutes(row.seconds)} 分钟</Text>
                      <Text>人均 {oneDecimal(row.perMember.checkins)} 次</Text>
                    </View>
                  </View>
                ))}
              </>
            ) : null}
            <Text className="muted study-stats-note">
              统计参与情况，不做个人排名；学习自愿，时长不作考核依据。党员人数为当前在册人数。
            </Text>
          </>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}

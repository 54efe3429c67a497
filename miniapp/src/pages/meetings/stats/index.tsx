import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ComplianceKind } from '../../../../../shared/meetings/frequency';
import { MEETING_KIND_NAMES } from '../../../../../shared/meetings/kinds';
import type { MeetingStatsResponse } from '../../../../../shared/meetings/stats-schemas';
import { meetingAdminApi } from '../../../api/meeting-admin';
import { Choices } from '../../../components/choices';
import { Figures } from '../../../components/figures';
import { PageRoot } from '../../../components/page-root';
import { EmptyBlock, StatusView } from '../../../components/status-view';
import { useRemote } from '../../../lib/use-remote';
import { useSession } from '../../../store/session';
import { Compliance, percent } from './compliance';
import { Exports } from './exports';
import { canShow, currentPeriod, labelOf, PERIOD_KINDS, type PeriodKind, shiftPeriod } from './period';
import './index.scss';

function attendanceFigures(a: MeetingStatsResponse['attendance']) {
  return [
    { label: '应到', value: a.expected },
    { label: '出席', value: a.present },
    { label: '迟到', value: a.late },
    { label: '请假', value: a.onLeave },
    { label: '补学', value: a.madeUp },
    { label: '缺席', value: a.absent },
    { label: '早退', value: a.leftEarly },
    { label: '出勤率', value: percent(a.rate) },
  ];
}

/**
 * 会议统计: 三会一课落实率 per kind and attendance, for a month, quarter or year. A committee sees its whole
 * subtree, then one row per branch in tree order — never sorted by the figures (§6.1: no ranking).
 */
export default function MeetingStatsPage() {
  const member = useSession((state) => state.member);
  const orgId = member?.orgId ?? '';
  const [kind, setKind] = useState<PeriodKind>('month');
  const [period, setPeriod] = useState(() => currentPeriod('month'));
  const stats = useRemote(() => meetingAdminApi.stats(orgId, period));

  function show(next: string) {
    setPeriod(next);
    // useRemote reads the loader when called: reload after the period is set.
    setTimeout(() => void stats.reload(), 0);
  }

  const previous = shiftPeriod(period, kind, -1);
  const next = shiftPeriod(period, kind, 1);
  // Only the figures of the period on screen (while another loads: the skeleton, not the old figures).
  const data = stats.data?.period === period ? stats.data : undefined;
  return (
    <PageRoot className="meeting-stats">
      <View className="card stats-period">
        <Choices
          options={PERIOD_KINDS}
          selected={[kind]}
          onTap={(value) => {
            setKind(value);
            show(currentPeriod(value));
          }}
        />
        <View className="stats-stepper">
          <View
            className={`stats-step${canShow(previous) ? '' : ' stats-step--off'}`}
            aria-label="上一期"
            onClick={() => (canShow(previous) ? show(previous) : undefined)}
          >
            ‹
          </View>
          <Text className="stats-period-title">{labelOf(period)}</Text>
          <View
            className={`stats-step${canShow(next) ? '' : ' stats-step--off'}`}
            aria-label="下一期"
            onClick={() => (canShow(next) ? show(next) : undefined)}
          >
            ›
          </View>
        </View>
      </View>
      <StatusView
        loading={stats.loading}
        error={stats.error}
        failure={stats.failure}
        hasData={!!data}
        onRetry={() => void stats.reload()}
      >
        {data ? (
          <>
            <Text className="section-title">
              三会一课落实率 · {member?.orgName ?? ''}
              {data.branches ? ' 合计' : ''}
            </Text>
            <Compliance stats={data} />
            <Text className="section-title">出勤</Text>
            <Figures accent figures={attendanceFigures(data.attendance)} />
            {data.branches ? <Branches rows={data.branches} /> : null}
            <Text className="section-title">导出 Excel</Text>
            <Exports orgId={orgId} orgName={member?.orgName ?? ''} period={period} branches={data.branches} />
            <Text className="muted stats-note">
              落实率 = 已召开（有纪要）的次数 ÷ 应召开次数，依据{data.rule.source}。统计参与情况，不做排名。
            </Text>
          </>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}

/** A committee's branches, in the order of the org tree. */
function Branches({ rows }: { rows: NonNullable<MeetingStatsResponse['branches']> }) {
  return (
    <>
      <Text className="section-title">各支部（按组织顺序）</Text>
      {rows.length === 0 ? <EmptyBlock text="下级还没有支部" /> : null}
      {rows.map((row) => (
        <View key={row.orgId} className="card stats-branch">
          <Text className="stats-branch-name">{row.name}</Text>
          <View className="stats-branch-line">
            {Object.entries(row.byKind)
              .filter(([, figures]) => figures.required > 0)
              .map(([kind, figures]) => (
                <Text key={kind}>
                  {MEETING_KIND_NAMES[kind as ComplianceKind]} {figures.held}/{figures.required}
                </Text>
              ))}
            <Text>出勤率 {percent(row.attendance.rate)}</Text>
          </View>
        </View>
      ))}
    </>
  );
}

import { Text, View } from '@tarojs/components';
import type { OrgOverviewBranch, OverviewFigures } from '../../../../../shared/org/schemas';
import { orgApi } from '../../../api/org';
import { Figures } from '../../../components/figures';
import { EmptyBlock, remoteStatus, StatusView } from '../../../components/status-view';
import { go } from '../../../lib/nav';
import type { Remote } from '../../../lib/use-remote';
import { useSession } from '../../../store/session';

export type OverviewRemote = Remote<Awaited<ReturnType<typeof orgApi.overview>>>;

/** The signed-in committee member's organisation, this month. */
export function loadOverview() {
  const orgId = useSession.getState().member?.orgId;
  if (!orgId) return Promise.reject(new Error('请先登录'));
  return orgApi.overview(orgId);
}

/** 87.5% · 无 — a rate as a person reads it; null means nobody was expected yet. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

function Totals({ figures }: { figures: OverviewFigures }) {
  return (
    <Figures
      accent
      figures={[
        { label: '党员', value: figures.members },
        { label: '今日活动', value: figures.todayActivities },
        { label: '本月活动', value: figures.monthActivities },
        { label: '本月出勤率', value: percent(figures.rate) },
      ]}
    />
  );
}

/** A bar per branch: this month's attendance rate (a simple chart; no chart library for four lines of CSS). */
function AttendanceChart({ branches }: { branches: readonly OrgOverviewBranch[] }) {
  return (
    <View className="card home-chart">
      <Text className="home-chart-title">本月各支部出勤率</Text>
      {branches.map((branch) => (
        <View key={branch.orgId} className="home-chart-row">
          <Text className="home-chart-name">{branch.name}</Text>
          <View className="home-chart-track">
            <View className="home-chart-bar" style={{ width: `${Math.round((branch.rate ?? 0) * 100)}%` }} />
          </View>
          <Text className="home-chart-value">{percent(branch.rate)}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * The committee's 首页: totals, an attendance chart, and each branch's figures; a row opens that branch's
 * 活动, and 花名册 its roster.
 */
export function CommitteeBranches({ overview }: { overview: OverviewRemote }) {
  const data = overview.data;
  return (
    <>
      <Text className="section-title">所辖支部 · 本月概况</Text>
      <StatusView {...remoteStatus(overview)}>
        {data && data.branches.length === 0 ? <EmptyBlock text="您的组织下还没有党支部" /> : null}
        {data && data.branches.length > 0 ? (
          <>
            <Totals figures={data.totals} />
            <AttendanceChart branches={data.branches} />
            <View className="card home-branches">
              {data.branches.map((branch) => (
                <View key={branch.orgId} className="home-branch-row">
                  <View
                    className="home-branch-main"
                    onClick={() => go('orgActivities', { orgId: branch.orgId, orgName: branch.name })}
                  >
                    <Text className="home-branch-name">{branch.name}</Text>
                    <Text className="muted home-branch-figures">
                      {branch.members} 人 · 今日 {branch.todayActivities} · 本月 {branch.monthActivities} 次 · 出勤{' '}
                      {percent(branch.rate)}
                    </Text>
                  </View>
                  <View className="home-branch-links">
                    <Text
                      className="home-branch-link"
                      onClick={() => go('orgActivities', { orgId: branch.orgId, orgName: branch.name })}
                    >
                      活动 ›
                    </Text>
                    <Text
                      className="home-branch-link"
                      onClick={() => go('roster', { orgId: branch.orgId, orgName: branch.name })}
                    >
                      花名册 ›
                    </Text>
                  </View>
                </View>
              ))}
            </View>
          </>
        ) : null}
      </StatusView>
    </>
  );
}

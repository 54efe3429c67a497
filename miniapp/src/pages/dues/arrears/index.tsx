import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { DUES_READERS } from '../../../../../shared/dues/access';
import { duesAdminApi } from '../../../api/dues-admin';
import { EmptyBlock, remoteStatus, StatusView } from '../../../components/status-view';
import { go, queryValue } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { useSession } from '../../../store/session';
import { monthsText, yuan } from '../components/labels';
import '../components/dues.scss';
import { PageRoot } from '../../../components/page-root';
import './index.scss';

type ArrearsMember = Awaited<ReturnType<typeof duesAdminApi.arrears>>['members'][number];

const LEVELS: Record<number, { label: string; className: string }> = {
  3: { label: '连续3个月', className: 'tag tag--warn' },
  5: { label: '连续5个月', className: 'tag' },
  6: { label: '满6个月', className: 'tag arrears-tag--lapse' },
};

/**
 * 欠缴名单: members with 3 or more consecutive unpaid months — warned at 3 and 5; at 6 the branch must act
 * (自行脱党 unless there is good reason, §6). A committee sees its subtree, each row with its branch. A row opens
 * the member's dues (登记线下缴费 from there).
 */
export default function DuesArrearsPage() {
  const params = useRouter().params;
  const member = useSession((state) => state.member);
  const orgId = queryValue(params.orgId) || member?.orgId || '';
  const orgName = queryValue(params.name);
  const arrears = useRemote(() => duesAdminApi.arrears(orgId));
  const data = arrears.data;
  const several = new Set(data?.members.map((row) => row.orgId)).size > 1;
  return (
    <PageRoot className="dues-arrears" roles={DUES_READERS}>
      {orgName ? <Text className="section-title arrears-org">{orgName}</Text> : null}
      <StatusView {...remoteStatus(arrears)}>
        {data ? (
          <>
            {data.members.length === 0 ? <EmptyBlock text="没有连续 3 个月及以上未交党费的党员" /> : null}
            {data.members.map((row) => (
              <ArrearsCard key={`${row.orgId}-${row.memberId}`} row={row} showBranch={several} />
            ))}
            {!data.complete ? (
              <Text className="muted dues-note">名单统计尚未完成，请稍后刷新查看完整名单。</Text>
            ) : null}
            <Text className="muted dues-note">
              按党章规定，连续六个月不交纳党费又无正当理由的视为自行脱党；满 3 个月、5 个月时已提醒本人。
            </Text>
          </>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}

function ArrearsCard({ row, showBranch }: { row: ArrearsMember; showBranch: boolean }) {
  const level = LEVELS[row.level] ?? { label: `连续${row.consecutive}个月`, className: 'tag' };
  return (
    <View
      className={`card arrears-card${row.level === 6 ? ' arrears-card--lapse' : ''}`}
      onClick={() => go('myDues', { memberId: row.memberId, name: row.name })}
    >
      <View className="arrears-head">
        <Text className="arrears-name">{row.name}</Text>
        <Text className={level.className}>{level.label}</Text>
        <Text className="arrears-arrow">›</Text>
      </View>
      {showBranch ? <Text className="muted arrears-branch">{row.orgName}</Text> : null}
      <View className="dues-line">
        <Text className="dues-line-label">欠缴月份</Text>
        <Text className="dues-line-value">
          {monthsText(row.months)}（{row.consecutive} 个月）
        </Text>
      </View>
      <View className="dues-line">
        <Text className="dues-line-label">欠缴金额</Text>
        <Text className="dues-line-value arrears-owed">{yuan(row.owedFen)}</Text>
      </View>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { BASE_DECIDERS, BILL_ISSUERS, CASHIERS, DUES_READERS } from '../../../../../shared/dues/access';
import { formatYuan } from '../../../../../shared/dues/money';
import { MONTH_PATTERN, shanghaiMonth } from '../../../../../shared/time';
import { duesAdminApi } from '../../../api/dues-admin';
import { Figures } from '../../../components/figures';
import { LoadMore } from '../../../components/load-more';
import { MonthStepper } from '../../../components/month-stepper';
import { EmptyBlock, StatusView } from '../../../components/status-view';
import { errorMessage } from '../../../lib/errors';
import { go, queryValue } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { hasAnyRole, useSession } from '../../../store/session';
import { monthText, yuan } from '../components/labels';
import { ExportWorkbook, GenerateBills, PrepaySettings } from './tools';
import '../components/dues.scss';
import { PageRoot } from '../../../components/page-root';
import './index.scss';

type Totals = Awaited<ReturnType<typeof duesAdminApi.totals>>;
type BranchRow = NonNullable<Totals['branches']>[number];
type UnpaidMember = Totals['unpaid'][number];
type MonthFigures = Omit<BranchRow, 'orgId' | 'name'>;

/**
 * 党费收缴 (a branch) and 党费总览 (a committee, the same page): a month's 应交 and 实交, who has paid, the unpaid
 * members (加载更多), and the branch's tools — 生成账单, 登记线下缴费, 欠缴名单, 对账表, 预缴设置. A committee
 * sees one row per branch in the order of the org tree, never sorted by the figures (§6.1); a row opens that
 * branch (?orgId=).
 */
export default function DuesBranchPage() {
  const params = useRouter().params;
  const member = useSession((state) => state.member);
  const orgId = queryValue(params.orgId) || member?.orgId || '';
  const own = orgId === member?.orgId;
  const orgName = queryValue(params.name) || (own ? (member?.orgName ?? '') : '');
  const [month, setMonth] = useState(() => {
    const asked = queryValue(params.month);
    return MONTH_PATTERN.test(asked) ? asked : shanghaiMonth(Date.now());
  });
  const totals = useRemote(() => duesAdminApi.totals(orgId, month), { immediate: false });
  const [more, setMore] = useState<{ items: UnpaidMember[]; cursor: string | null }>({ items: [], cursor: null });
  const [moreState, setMoreState] = useState<{ loading: boolean; error: string | null }>({
    loading: false,
    error: null,
  });

  useDidShow(() => void totals.reload());

  // One page, two names: 党费总览 for a committee's own organisation, 党费收缴 for a branch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per page
  useEffect(() => {
    if (own && hasAnyRole(member, ['committee'])) void Taro.setNavigationBarTitle({ title: '党费总览' });
  }, []);

  // A new first page (another month, a refresh) starts the unpaid list again.
  useEffect(() => {
    setMore({ items: [], cursor: totals.data?.nextCursor ?? null });
  }, [totals.data]);

  function showMonth(next: string) {
    setMonth(next);
    // useRemote reads the loader when called: reload after the month is set.
    setTimeout(() => void totals.reload(), 0);
  }

  async function loadMore() {
    if (moreState.loading || !more.cursor) return;
    setMoreState({ loading: true, error: null });
    try {
      const page = await duesAdminApi.totals(orgId, month, more.cursor);
      setMore((previous) => ({ items: [...previous.items, ...page.unpaid], cursor: page.nextCursor }));
      setMoreState({ loading: false, error: null });
    } catch (caught) {
      setMoreState({ loading: false, error: errorMessage(caught) });
    }
  }

  // Only the figures of the month on screen (while another loads: the skeleton, not the old figures).
  const data = totals.data?.month === month && totals.data.orgId === orgId ? totals.data : undefined;
  const committeeView = !!data?.branches;
  const issuer = own && hasAnyRole(member, BILL_ISSUERS);
  return (
    <PageRoot className="dues-branch" roles={DUES_READERS}>
      {orgName ? <Text className="section-title branch-org">{orgName}</Text> : null}
      <MonthStepper month={month} onChange={showMonth} />
      <StatusView
        loading={totals.loading}
        error={totals.error}
        failure={totals.failure}
        hasData={!!data}
        onRetry={() => void totals.reload()}
      >
        {data ? (
          <>
            <Money figures={data} />
            <Figures
              figures={[
                { label: '应交人数', value: data.members },
                { label: '已交', value: data.paidMembers },
                { label: '未交', value: Math.max(0, data.members - data.paidMembers) },
              ]}
            />
            <Extras figures={data} />
            <Text className="section-title">{committeeView ? '党费工作' : '收缴工作'}</Text>
            <View className="dues-links branch-links">
              {own && hasAnyRole(member, CASHIERS) ? (
                <Text className="dues-link" onClick={() => go('duesOffline', { month })}>
                  登记线下缴费 ›
                </Text>
              ) : null}
              <Text className="dues-link" onClick={() => go('duesArrears', { orgId, name: orgName })}>
                欠缴名单 ›
              </Text>
              {own && hasAnyRole(member, BASE_DECIDERS) ? (
                <Text className="dues-link" onClick={() => go('duesBases')}>
                  基数审核 ›
                </Text>
              ) : null}
            </View>
            {issuer ? <GenerateBills orgId={orgId} month={month} onDone={() => void totals.reload()} /> : null}
            {committeeView ? (
              <Branches rows={data.branches ?? []} month={month} />
            ) : (
              <>
                <Text className="section-title">
                  {monthText(month)}未交（{Math.max(0, data.members - data.paidMembers)} 人）
                </Text>
                {data.unpaid.length === 0 ? (
                  <EmptyBlock text={data.members === 0 ? '这个月还没有生成账单' : '本月党费已全部收齐'} />
                ) : (
                  <View className="card branch-unpaid">
                    {[...data.unpaid, ...more.items].map((row) => (
                      <View
                        key={row.billId}
                        className="branch-unpaid-row"
                        onClick={() => go('myDues', { memberId: row.memberId, name: row.name })}
                      >
                        <Text className="branch-unpaid-name">{row.name}</Text>
                        <Text className="branch-unpaid-amount">{yuan(row.amountFen)}</Text>
                        <Text className="branch-arrow">›</Text>
                      </View>
                    ))}
                  </View>
                )}
                {moreState.error ? <Text className="form-error">{moreState.error}</Text> : null}
                <LoadMore more={!!more.cursor} loading={moreState.loading} onMore={() => void loadMore()} />
                {data.refundsDue?.length ? (
                  <>
                    <Text className="section-title">待退款（已由其他方式缴纳后又微信支付）</Text>
                    <View className="card branch-unpaid">
                      {data.refundsDue.map((refund) => (
                        <View key={refund.outTradeNo} className="branch-unpaid-row">
                          <Text className="branch-unpaid-name">{refund.name}</Text>
                          <Text className="branch-unpaid-amount">{yuan(refund.amountFen)}</Text>
                        </View>
                      ))}
                    </View>
                  </>
                ) : null}
              </>
            )}
          </>
        ) : null}
      </StatusView>

      <Text className="section-title">导出对账表</Text>
      <ExportWorkbook orgId={orgId} orgName={orgName || '党费'} />

      {!committeeView && data ? (
        <>
          <Text className="section-title">预缴设置</Text>
          <PrepaySettings orgId={orgId} editable={issuer} />
        </>
      ) : null}
    </PageRoot>
  );
}

/** 应交 and 实交 in yuan, side by side (one under the other in 大字模式): too wide for a four-figure row. */
function Money({ figures }: { figures: MonthFigures }) {
  return (
    <View className="card branch-money">
      {[
        { label: '应交', fen: figures.dueFen },
        { label: '实交', fen: figures.paidFen },
      ].map((item) => (
        <View key={item.label} className="branch-money-item">
          <Text className="branch-money-label">{item.label}（元）</Text>
          <Text className="branch-money-value">{formatYuan(item.fen)}</Text>
        </View>
      ))}
    </View>
  );
}

/** What needs a second look: voluntary extras, late notifications, money to refund. */
function Extras({ figures }: { figures: MonthFigures }) {
  const lines = [
    figures.voluntaryFen > 0 ? `自愿多交 ${yuan(figures.voluntaryFen)}` : '',
    figures.lateNotifications > 0 ? `${figures.lateNotifications} 笔支付通知在月结后到达（已入账）` : '',
    figures.refundDueFen > 0 ? `重复缴纳待退款 ${yuan(figures.refundDueFen)}` : '',
  ].filter(Boolean);
  if (!lines.length) return null;
  return (
    <View className="card branch-extras">
      {lines.map((line) => (
        <Text key={line} className="branch-extra">
          {line}
        </Text>
      ))}
    </View>
  );
}

/** A committee's branches, in the order of the org tree. */
function Branches({ rows, month }: { rows: readonly BranchRow[]; month: string }) {
  return (
    <>
      <Text className="section-title">各支部（按组织顺序）</Text>
      {rows.length === 0 ? <EmptyBlock text="下级还没有支部" /> : null}
      {rows.map((row) => (
        <View
          key={row.orgId}
          className="card branch-row"
          onClick={() => go('orgDues', { orgId: row.orgId, name: row.name, month })}
        >
          <View className="branch-row-head">
            <Text className="branch-row-name">{row.name}</Text>
            <Text className="branch-arrow">›</Text>
          </View>
          <View className="branch-row-line">
            <Text>
              已交 {row.paidMembers}/{row.members} 人
            </Text>
            <Text>实交 {yuan(row.paidFen)}</Text>
            <Text>应交 {yuan(row.dueFen)}</Text>
          </View>
          {row.refundDueFen > 0 || row.lateNotifications > 0 ? (
            <Text className="muted branch-row-flag">
              {row.refundDueFen > 0 ? `待退款 ${yuan(row.refundDueFen)} ` : ''}
              {row.lateNotifications > 0 ? `延迟通知 ${row.lateNotifications} 笔` : ''}
            </Text>
          ) : null}
        </View>
      ))}
    </>
  );
}

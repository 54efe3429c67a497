import { Picker, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { shanghaiMonth } from '../../../../../shared/time';
import { TRANSFER_OVERSEERS } from '../../../../../shared/transfers/access';
import type { TransferStateValue } from '../../../../../shared/transfers/schemas';
import { Figures } from '../../../components/figures';
import { PagedView } from '../../../components/load-more';
import { MonthStepper } from '../../../components/month-stepper';
import { useSession } from '../../../store/session';
import { STATE_LABELS } from '../components/labels';
import { TransferCard } from '../components/transfer-card';
import { TransferPage } from '../components/transfer-page';
import { ExportTransfers } from './export';
import { type OrgQuery, useOrgList } from './use-org-list';
import '../components/transfers.scss';
import './index.scss';

const FILTERS: readonly (readonly ['all' | TransferStateValue, string])[] = [
  ['all', '全部'],
  ...(
    [
      'pending_out_branch',
      'pending_committee',
      'pending_in_branch',
      'completed',
      'letter_issued',
      'receipt_confirmed',
      'rejected',
      'withdrawn',
      'expired',
    ] as const
  ).map((state) => [state, STATE_LABELS[state]] as const),
];

/**
 * 转接管理: a month's transfers touching my org (a committee: its whole subtree; a secretary: the branch), the
 * month's 转入 / 转出 / 内部 counts (maintained figures), a state filter (one wheel, not a wall of chips in 大字模式),
 * 加载更多, and the year's workbook.
 */
export default function OrgTransfersPage() {
  const member = useSession((state) => state.member);
  const orgId = member?.orgId ?? '';
  const [query, setQuery] = useState<OrgQuery>(() => ({ month: shanghaiMonth(Date.now()), state: 'all' }));
  const list = useOrgList(orgId);
  useDidShow(() => list.show(query));

  function show(patch: Partial<OrgQuery>) {
    const next = { ...query, ...patch };
    setQuery(next);
    list.show(next);
  }

  const { month, state } = query;
  const counts = list.counts;
  return (
    <TransferPage className="org-transfers" roles={TRANSFER_OVERSEERS}>
      <Text className="section-title org-name">{member?.orgName ?? ''}</Text>
      <MonthStepper month={month} onChange={(next) => show({ month: next })} />
      {counts && counts.month === month ? (
        <Figures
          figures={[
            { label: '转入', value: counts.in.total },
            { label: '转出', value: counts.out.total },
            { label: '内部转接', value: counts.internal.total },
          ]}
        />
      ) : null}
      <Picker
        mode="selector"
        range={FILTERS.map(([, label]) => label)}
        value={Math.max(
          0,
          FILTERS.findIndex(([value]) => value === state),
        )}
        onChange={(event) => show({ state: FILTERS[Number(event.detail.value)]?.[0] ?? 'all' })}
      >
        <View className="card org-filter">
          <Text className="org-filter-label">状态</Text>
          <Text className="org-filter-value">{FILTERS.find(([value]) => value === state)?.[1]}</Text>
          <Text className="org-filter-switch">筛选 ▾</Text>
        </View>
      </Picker>
      <PagedView list={list} empty={state === 'all' ? '这个月没有转接' : '这个月没有这一状态的转接'}>
        {(items) => items.map((transfer) => <TransferCard key={transfer.id} transfer={transfer} />)}
      </PagedView>
      <Text className="section-title">导出台账</Text>
      <ExportTransfers orgId={orgId} orgName={member?.orgName ?? '组织关系转接'} />
    </TransferPage>
  );
}

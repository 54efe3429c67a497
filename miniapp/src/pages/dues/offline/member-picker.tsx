import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { duesAdminApi } from '../../../api/dues-admin';
import { PagedView } from '../../../components/load-more';
import { MonthStepper } from '../../../components/month-stepper';
import { usePagedList } from '../../../lib/use-paged-list';
import { yuan } from '../components/labels';

type UnpaidMember = Awaited<ReturnType<typeof duesAdminApi.totals>>['unpaid'][number];

/**
 * Who paid: the branch's members with an unpaid bill in a month (GET /v1/orgs/{orgId}/dues?month=), with
 * 加载更多; a tap picks the member.
 */
export function MemberPicker(props: {
  orgId: string;
  month: string;
  onMonth(month: string): void;
  onPick(member: { memberId: string; name: string }): void;
}) {
  const { orgId, month } = props;
  const list = usePagedList<UnpaidMember>(async (cursor) => {
    const page = await duesAdminApi.totals(orgId, month, cursor);
    return { items: page.unpaid, nextCursor: page.nextCursor };
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the list of the month on screen
  useEffect(() => {
    void list.load(true);
  }, [month]);

  return (
    <>
      <MonthStepper month={month} onChange={props.onMonth} />
      <Text className="section-title">选择缴费党员（本月未交）</Text>
      <PagedView list={list} empty="这个月没有未交党费的党员">
        {(items) => (
          <View className="card offline-members">
            {items.map((row) => (
              <View
                key={row.billId}
                className="offline-member"
                onClick={() => props.onPick({ memberId: row.memberId, name: row.name })}
              >
                <Text className="offline-member-name">{row.name}</Text>
                <Text className="offline-member-amount">{yuan(row.amountFen)}</Text>
                <Text className="offline-member-arrow">选择 ›</Text>
              </View>
            ))}
          </View>
        )}
      </PagedView>
    </>
  );
}

import { Text, View } from '@tarojs/components';
import { formatYuan } from '../../../../../shared/dues/money';
import { formatShanghai } from '../../../../../shared/time';
import type { transfersApi } from '../../../api/transfers';
import { monthsText, monthText, roleLabel, waitedDays } from '../components/labels';

type Detail = Awaited<ReturnType<typeof transfersApi.get>>;

/** Who must act now, since when and by when; past the 7 days, in red. */
export function PendingCard({ pending, nowMs }: { pending: NonNullable<Detail['pending']>; nowMs: number }) {
  const days = waitedDays(pending.since, nowMs);
  return (
    <View className={`card detail-pending${pending.overdue ? ' detail-pending--over' : ''}`}>
      <Text className="detail-card-title">{pending.overdue ? '当前步骤已超期' : '当前步骤'}</Text>
      <View className="transfer-line">
        <Text className="transfer-line-label">办理单位</Text>
        <Text className="transfer-line-value">{pending.approverOrgName}</Text>
      </View>
      <View className="transfer-line">
        <Text className="transfer-line-label">办理人</Text>
        <Text className="transfer-line-value">{roleLabel(pending.approverRole)}</Text>
      </View>
      <View className="transfer-line">
        <Text className="transfer-line-label">送达时间</Text>
        <Text className="transfer-line-value">
          {formatShanghai(pending.since)}（{days === 0 ? '今天' : `${days} 天前`}）
        </Text>
      </View>
      <View className="transfer-line">
        <Text className="transfer-line-label">办理期限</Text>
        <Text className={`transfer-line-value${pending.overdue ? ' transfer-line-value--over' : ''}`}>
          {formatShanghai(pending.dueAt)} 前{pending.overdue ? '（已超期）' : ''}
        </Text>
      </View>
    </View>
  );
}

/**
 * For the approvers: dues the member still owes stay with the branch they leave (§6.1: history is not moved), and
 * the month the letter will say 党费交至.
 */
export function DuesWarnings({ warnings }: { warnings: Detail['warnings'] }) {
  const unpaid = warnings.unpaidBills;
  if (!unpaid && !warnings.duesPaidThrough) return null;
  return (
    <View className="transfer-warning detail-dues">
      <Text className="transfer-warning-title">党费情况（审批前请核对）</Text>
      <Text className="transfer-warning-line">
        党费交至：{warnings.duesPaidThrough ? monthText(warnings.duesPaidThrough) : '未缴'}
      </Text>
      {unpaid && unpaid.count > 0 ? (
        <>
          <Text className="transfer-warning-line">
            未交 {unpaid.count} 个月，共 {formatYuan(unpaid.totalFen)} 元：{monthsText(unpaid.months)}
          </Text>
          <Text className="transfer-warning-line">转出后，这些欠费仍由转出支部收缴。</Text>
        </>
      ) : (
        <Text className="transfer-warning-line">
          {warnings.duesPaidThrough ? '没有未交的党费账单。' : '还没有党费账单记录。'}
        </Text>
      )}
    </View>
  );
}

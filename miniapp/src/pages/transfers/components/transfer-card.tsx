import { Text, View } from '@tarojs/components';
import { formatShanghai } from '../../../../../shared/time';
import type { Transfer } from '../../../../../shared/transfers/schemas';
import { go } from '../../../lib/nav';
import { isPendingState, KIND_LABELS, routeText, STATE_LABELS, stateTag } from './labels';

/**
 * One transfer in a list (待我审批, 我的转接, 转接管理): the member, where from and where to, its state, and — while
 * a step waits — since when and by when, in red once the 7 days have passed. A tap opens its detail.
 */
export function TransferCard({ transfer, showMember = true }: { transfer: Transfer; showMember?: boolean }) {
  const { from, to } = routeText(transfer);
  const waiting = isPendingState(transfer.state) && transfer.pendingSince && transfer.dueAt;
  return (
    <View
      className={`card transfer-card${transfer.overdue && waiting ? ' transfer-card--overdue' : ''}`}
      onClick={() => go('transferDetail', { id: transfer.id })}
    >
      <View className="transfer-card-head">
        <Text className="transfer-card-name">{showMember ? transfer.memberName : KIND_LABELS[transfer.kind]}</Text>
        <Text className={stateTag(transfer.state)}>{STATE_LABELS[transfer.state]}</Text>
      </View>
      <RouteLine from={from} to={to} />
      <View className="muted transfer-card-meta">
        {showMember ? <Text className="transfer-card-piece">{KIND_LABELS[transfer.kind]} ·</Text> : null}
        <Text className="transfer-card-piece">{formatShanghai(transfer.createdAt, 'YYYY年M月D日')}申请</Text>
      </View>
      {waiting ? (
        <Text className={`transfer-card-due${transfer.overdue ? ' transfer-card-due--over' : ''}`}>
          {transfer.overdue ? '已超期：应于' : '请于'} {formatShanghai(transfer.dueAt!, 'M月D日')} 前办理
        </Text>
      ) : null}
      <Text className="transfer-card-arrow">›</Text>
    </View>
  );
}

/** 内科第一党支部 → 外科党支部, breaking only between the names (never inside one). */
export function RouteLine({ from, to, className = '' }: { from: string; to: string; className?: string }) {
  return (
    <View className={`transfer-route ${className}`}>
      <Text className="transfer-route-org">{from}</Text>
      <Text className="transfer-route-arrow">→</Text>
      <Text className="transfer-route-org">{to}</Text>
    </View>
  );
}

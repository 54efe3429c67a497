import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { transfersApi } from '../../../api/transfers';
import { ActionButton } from '../../../components/action-button';
import { remoteStatus, StatusView } from '../../../components/status-view';
import { go } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { useSession } from '../../../store/session';
import { TransferCard } from '../components/transfer-card';
import { TransferPage } from '../components/transfer-page';
import '../components/transfers.scss';
import './index.scss';

/**
 * 组织关系 (我的 › 组织关系): my branch, the transfer under way on top, the earlier ones below, and 申请转接 when
 * none is open (a member has at most one).
 */
export default function MyTransfersPage() {
  const member = useSession((state) => state.member);
  const branchName = useSession((state) => state.branchName);
  const mine = useRemote(() => transfersApi.mine(), { immediate: false });
  useDidShow(() => void mine.reload());
  const data = mine.data;
  const history = data ? data.transfers.filter((transfer) => transfer.id !== data.open?.id) : [];
  return (
    <TransferPage className="my-transfers">
      <View className="card mine-branch">
        <Text className="muted">我的组织关系现在</Text>
        <Text className="mine-branch-name">{branchName ?? member?.orgName ?? ''}</Text>
      </View>
      <StatusView {...remoteStatus(mine)}>
        {data ? (
          <>
            <Text className="section-title">正在办理</Text>
            {data.open ? (
              <TransferCard transfer={data.open} showMember={false} />
            ) : (
              <>
                <View className="card">
                  <Text className="mine-none">没有正在办理的转接。</Text>
                  <Text className="muted mine-none-note">
                    要转到本系统的其他支部，或转出本系统（开具组织关系介绍信），可以在这里申请。
                  </Text>
                </View>
                <View className="actions mine-apply">
                  <ActionButton onClick={() => go('transferApply')}>申请转接</ActionButton>
                </View>
              </>
            )}
            {history.length ? (
              <>
                <Text className="section-title">以往的转接</Text>
                {history.map((transfer) => (
                  <TransferCard key={transfer.id} transfer={transfer} showMember={false} />
                ))}
              </>
            ) : null}
          </>
        ) : null}
      </StatusView>
    </TransferPage>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CATEGORY_LABELS } from '../../../../../shared/org/rules';
import { authApi } from '../../../api/auth';
import { ActionButton } from '../../../components/action-button';
import { StatusView } from '../../../components/status-view';
import { roleLabels } from '../../../lib/format';
import { go, restart } from '../../../lib/nav';
import { useProfile } from '../../../lib/use-profile';
import { hasAnyRole, useSession } from '../../../store/session';
import './index.scss';

export default function MePage() {
  const { member, branchName, loading, error, reload } = useProfile();

  async function logout() {
    const answer = await Taro.showModal({
      title: '退出登录',
      content: '确定要退出当前账号吗？',
      confirmColor: '#c8161d',
    });
    if (!answer.confirm) return;
    // Best effort: the server forgets the refresh token; signing out here does not wait for it.
    const { refreshToken } = useSession.getState();
    if (refreshToken) authApi.logout(refreshToken).catch(() => {});
    useSession.getState().signOut();
    restart('login');
  }

  return (
    <View className="page me">
      <StatusView loading={loading} error={error} hasData={!!member} onRetry={() => void reload()}>
        {member ? (
          <View className="me-profile">
            <Text className="me-avatar">{member.name.slice(-2)}</Text>
            <View className="me-info">
              <Text className="me-name">{member.name}</Text>
              <Text className="me-branch">{branchName ?? member.orgName}</Text>
              <View className="me-roles">
                {roleLabels(member.roles).map((label) => (
                  <Text key={label} className="me-role">
                    {label}
                  </Text>
                ))}
                <Text className="me-role">{CATEGORY_LABELS[member.category]}</Text>
              </View>
            </View>
          </View>
        ) : null}
        {hasAnyRole(member, ['secretary', 'committee']) ? (
          <View className="card me-menu">
            {hasAnyRole(member, ['secretary']) ? (
              <View className="me-menu-item" onClick={() => go('roster')}>
                <Text>本支部花名册</Text>
                <Text className="me-arrow">›</Text>
              </View>
            ) : null}
            {hasAnyRole(member, ['committee']) ? (
              <View className="me-menu-item" onClick={() => go('orgTree')}>
                <Text>组织架构与花名册</Text>
                <Text className="me-arrow">›</Text>
              </View>
            ) : null}
          </View>
        ) : null}
        <View className="actions">
          <ActionButton kind="plain" onClick={() => void logout()}>
            退出登录
          </ActionButton>
        </View>
      </StatusView>
    </View>
  );
}

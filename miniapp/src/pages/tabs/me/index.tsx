import { Cell, CellGroup, Switch } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CATEGORY_LABELS } from '../../../../../shared/org/rules';
import { authApi } from '../../../api/auth';
import { ActionButton } from '../../../components/action-button';
import { EntryIcon } from '../../../components/entry-icon';
import { PageRoot } from '../../../components/page-root';
import { StatusView } from '../../../components/status-view';
import { roleLabels } from '../../../lib/format';
import { entriesFor } from '../../../lib/menu';
import { go, restart } from '../../../lib/nav';
import { useProfile } from '../../../lib/use-profile';
import { useSession } from '../../../store/session';
import { useSettings } from '../../../store/settings';
import { useUnreadBadge } from '../../../store/unread';
import './index.scss';

/** The member's own records; the rest of 我的's entries are what their roles let them manage. */
const MINE: ReadonlySet<string> = new Set(['myAttendance', 'myStudy', 'myMessages', 'myDues', 'myTransfers']);

/** 我的: who I am, my own records, what my roles let me manage, and this phone's settings. */
export default function MePage() {
  const { member, branchName, loading, error, reload } = useProfile();
  const largeText = useSettings((state) => state.largeText);
  const unread = useUnreadBadge();
  const entries = entriesFor('me', member);
  const mine = entries.filter((entry) => MINE.has(entry.page));
  const managing = entries.filter((entry) => !MINE.has(entry.page));

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
    <PageRoot className="me">
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
        {[
          { title: '我的', items: mine },
          { title: '管理', items: managing },
        ].map((group) =>
          group.items.length ? (
            <CellGroup key={group.title} title={group.title} className="me-group">
              {group.items.map((entry) => (
                <Cell
                  key={entry.text}
                  className="me-menu-item"
                  clickable
                  align="center"
                  title={
                    <View className="me-menu-title">
                      <EntryIcon name={entry.icon} size={20} color="#c8161d" />
                      <Text className="me-menu-text">{entry.text}</Text>
                    </View>
                  }
                  extra={
                    <View className="me-menu-extra">
                      {entry.page === 'myMessages' && unread > 0 ? (
                        <Text className="me-unread">{unread > 99 ? '99+' : unread}</Text>
                      ) : null}
                      <Text className="me-arrow">›</Text>
                    </View>
                  }
                  onClick={() => go(entry.page)}
                />
              ))}
            </CellGroup>
          ) : null,
        )}
        <CellGroup title="设置" className="me-group">
          <Cell
            className="me-menu-item me-large-text"
            align="center"
            title={<Text className="me-menu-text">大字模式</Text>}
            description="放大全部页面的文字"
            extra={
              <Switch
                checked={largeText}
                onChange={(on: boolean) => useSettings.getState().setLargeText(on)}
                className="me-large-text-switch"
              />
            }
          />
        </CellGroup>
        <View className="actions">
          <ActionButton kind="plain" onClick={() => void logout()}>
            退出登录
          </ActionButton>
        </View>
      </StatusView>
    </PageRoot>
  );
}

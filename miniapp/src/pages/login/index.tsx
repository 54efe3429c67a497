import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { authApi } from '../../api/auth';
import { ActionButton } from '../../components/action-button';
import { PageRoot } from '../../components/page-root';
import { errorMessage } from '../../lib/errors';
import { go, restart } from '../../lib/nav';
import { useSession } from '../../store/session';
import { DEMO_GROUPS } from './demo-accounts';
import './index.scss';

/** Where a session goes: a bound member to 首页, an unbound WeChat user to the bind page. */
function enter(bound: boolean): void {
  if (bound) restart('home');
  else go('bind');
}

export default function LoginPage() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lastAttempt, setLastAttempt] = useState<string | null>(null);
  const [openid, setOpenid] = useState('');

  useDidShow(() => {
    const { token, member } = useSession.getState();
    if (token && member) restart('home');
  });

  /** `code` is a wx.login code, or in local mode `mock-<openid>`; null = ask WeChat for one. */
  async function signIn(key: string, code: string | null) {
    if (busy) return;
    setBusy(key);
    setError(null);
    setLastAttempt(key);
    try {
      const loginCode = code ?? (await Taro.login()).code;
      const answer = await authApi.login(loginCode);
      useSession.getState().signIn(answer, answer.member);
      enter(answer.member !== null);
    } catch (caught) {
      setError(errorMessage(caught));
      // The message is shown above the accounts: bring it into view after a tap further down.
      Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => {});
    } finally {
      setBusy(null);
    }
  }

  function retry() {
    if (!lastAttempt) return;
    void signIn(lastAttempt, lastAttempt === 'wechat' ? null : `mock-${lastAttempt}`);
  }

  return (
    <PageRoot className="login">
      <View className="login-hero">
        <Text className="login-logo">先锋</Text>
        <Text className="login-subtitle">医院党建工作平台</Text>
      </View>

      {error ? (
        <View className="login-error">
          <Text>{error}</Text>
          <View className="login-error-retry" onClick={retry}>
            重试
          </View>
        </View>
      ) : null}

      {LOCAL_MODE ? (
        <View className="login-demo">
          <Text className="section-title">本地演示账号（点击即可登录）</Text>
          {DEMO_GROUPS.map((group) => (
            <View key={group.title} className="card login-group">
              <Text className="login-group-title">{group.title}</Text>
              <View className="login-accounts">
                {group.accounts.map((account) => (
                  <View
                    key={account.openid}
                    className={`login-account${busy === account.openid ? ' login-account--busy' : ''}`}
                    onClick={() => void signIn(account.openid, `mock-${account.openid}`)}
                  >
                    <Text className="login-account-label">{account.label}</Text>
                    <Text className="login-account-id">{account.openid}</Text>
                  </View>
                ))}
              </View>
            </View>
          ))}
          <View className="card">
            <Text className="login-group-title">其他账号</Text>
            <Input
              className="login-openid"
              value={openid}
              placeholder="输入 openid，如 demo-member-20"
              onInput={(event) => setOpenid(event.detail.value.trim())}
            />
            <ActionButton
              kind="secondary"
              busy={busy === openid && openid !== ''}
              disabled={!openid || !!busy}
              onClick={() => void signIn(openid, `mock-${openid}`)}
            >
              登录
            </ActionButton>
          </View>
        </View>
      ) : (
        <View className="actions">
          <ActionButton busy={busy === 'wechat'} onClick={() => void signIn('wechat', null)}>
            微信一键登录
          </ActionButton>
          <Text className="login-hint">首次登录需输入支部书记发放的绑定码</Text>
        </View>
      )}
    </PageRoot>
  );
}

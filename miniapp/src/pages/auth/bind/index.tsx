import { Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { authApi } from '../../../api/auth';
import { ActionButton } from '../../../components/action-button';
import { PageRoot } from '../../../components/page-root';
import { errorMessage } from '../../../lib/errors';
import { restart } from '../../../lib/nav';
import { useSession } from '../../../store/session';
import './index.scss';

const CODE_LENGTH = 8;

/** First login of a WeChat user: link it to a member record with the secretary's 8-character 绑定码. */
export default function BindPage() {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useDidShow(() => {
    const { token, member } = useSession.getState();
    if (!token) restart('login');
    else if (member) restart('home');
  });

  async function submit() {
    if (busy) return;
    if (code.length !== CODE_LENGTH) {
      setError('绑定码为 8 位字母或数字');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await authApi.bind(code);
      useSession.getState().signIn(answer, answer.member);
      restart('home');
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  function switchAccount() {
    useSession.getState().signOut();
    restart('login');
  }

  return (
    <PageRoot className="bind">
      <View className="card bind-card">
        <Text className="bind-title">请输入绑定码</Text>
        <Text className="muted">首次使用需绑定党员身份。绑定码由所在支部书记生成，24 小时内有效，仅可使用一次。</Text>
        <Input
          className="bind-input"
          value={code}
          maxlength={CODE_LENGTH}
          placeholder="8 位绑定码"
          onInput={(event) => {
            setCode(event.detail.value.replace(/\s/g, '').toUpperCase());
            // The message was about the code as it was: a changed code has not been checked yet.
            setError(null);
          }}
        />
        {error ? <Text className="form-error bind-error">{error}</Text> : null}
      </View>
      <View className="actions">
        <ActionButton busy={busy} onClick={() => void submit()}>
          绑定
        </ActionButton>
        <ActionButton kind="plain" onClick={switchAccount}>
          返回登录
        </ActionButton>
      </View>
    </PageRoot>
  );
}

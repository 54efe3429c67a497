import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatShanghai } from '../../../../../shared/time';
import { authApi } from '../../../api/auth';
import { ActionButton } from '../../../components/action-button';
import { PageRoot } from '../../../components/page-root';
import { errorMessage } from '../../../lib/errors';
import { queryValue } from '../../../lib/nav';
import './index.scss';

/** Issues a single-use, 24-hour 绑定码 for one member, to be read out or sent to them. */
export default function BindingCodePage() {
  const params = useRouter().params;
  const memberId = params.memberId ?? '';
  const name = queryValue(params.name);
  const [issued, setIssued] = useState<{ bindingCode: string; expiresAt: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function issue() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setIssued(await authApi.issueBindingCode(memberId));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <PageRoot className="binding-code">
      <View className="card binding-card">
        <Text className="binding-name">{name}</Text>
        {issued ? (
          <>
            <Text className="binding-code-text" selectable userSelect>
              {issued.bindingCode}
            </Text>
            <Text className="muted">
              有效期至 {formatShanghai(issued.expiresAt, 'M月D日 HH:mm')}，仅可使用一次；重新生成后此码作废
            </Text>
          </>
        ) : (
          <Text className="muted binding-hint">生成后请把绑定码告知该党员：在小程序首次登录后输入即可绑定身份。</Text>
        )}
        {error ? <Text className="form-error binding-error">{error}</Text> : null}
      </View>
      <View className="actions">
        {issued ? (
          <ActionButton onClick={() => void Taro.setClipboardData({ data: issued.bindingCode })}>
            复制绑定码
          </ActionButton>
        ) : null}
        <ActionButton kind={issued ? 'secondary' : 'primary'} busy={busy} onClick={() => void issue()}>
          {issued ? '重新生成' : '生成绑定码'}
        </ActionButton>
      </View>
    </PageRoot>
  );
}

import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { newIdempotencyKey } from '../../../api/client';
import { orgApi } from '../../../api/org';
import { ActionButton } from '../../../components/action-button';
import { PageRoot } from '../../../components/page-root';
import { errorMessage } from '../../../lib/errors';
import { queryValue, replace } from '../../../lib/nav';
import { useSession } from '../../../store/session';
import {
  MemberForm,
  type MemberFormErrors,
  type MemberFormValue,
  recheckErrors,
  serverFieldErrors,
  validateMember,
} from '../components/member-form';
import './index.scss';

const EMPTY: MemberFormValue = {
  name: '',
  gender: 'male',
  phone: '',
  idNumber: '',
  category: 'full',
  joinedAt: '',
  roles: [],
};

/** 添加党员: the create form, checked with the shared schemas' messages before it is sent. */
export default function MemberAddPage() {
  const params = useRouter().params;
  const member = useSession((state) => state.member);
  const orgId = params.orgId ?? member?.orgId ?? '';
  const orgName = queryValue(params.orgName) || member?.orgName || '';
  const [form, setForm] = useState<MemberFormValue>(EMPTY);
  const [errors, setErrors] = useState<MemberFormErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per filled-in form: a retry after a lost answer does not create the person twice.
  const key = useRef(newIdempotencyKey());

  function change(patch: Partial<MemberFormValue>) {
    const next = { ...form, ...patch };
    setForm(next);
    key.current = newIdempotencyKey();
    // An error clears as soon as its field is fixed.
    setErrors((previous) => recheckErrors(previous, patch, next, 'add'));
  }

  async function save() {
    if (busy) return;
    const found = validateMember(form, 'add');
    setErrors(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const { member: created } = await orgApi.create(
        orgId,
        {
          name: form.name.trim(),
          gender: form.gender,
          phone: form.phone.trim(),
          idNumber: form.idNumber.trim(),
          category: form.category,
          joinedAt: form.joinedAt,
          ...(form.roles.length ? { roles: form.roles } : {}),
        },
        key.current,
      );
      void Taro.showToast({ title: '已添加', icon: 'success' });
      replace('memberDetail', { id: created.id, orgId, name: created.name });
    } catch (caught) {
      setErrors(serverFieldErrors(caught));
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <PageRoot className="member-add">
      <Text className="section-title">添加到 {orgName}</Text>
      <MemberForm mode="add" value={form} errors={errors} onChange={change} />
      <Text className="muted member-add-note">添加后可生成绑定码，让该党员在小程序中绑定身份。</Text>
      {error ? <Text className="form-error">{error}</Text> : null}
      <View className="actions">
        <ActionButton busy={busy} onClick={() => void save()}>
          保存
        </ActionButton>
      </View>
    </PageRoot>
  );
}

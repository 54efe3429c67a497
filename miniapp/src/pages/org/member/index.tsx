import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { CATEGORY_LABELS, GENDER_LABELS } from '../../../../../shared/org/rules';
import { LEAVE_REASON_LABELS, type LeaveReason, type RosterMember } from '../../../../../shared/org/schemas';
import { formatShanghai } from '../../../../../shared/time';
import { authApi } from '../../../api/auth';
import { findRosterMember, orgApi } from '../../../api/org';
import { ActionButton } from '../../../components/action-button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { PageRoot } from '../../../components/page-root';
import { ErrorBlock, LoadingBlock } from '../../../components/status-view';
import { errorCode, errorMessage, type FailureKind, failureKind } from '../../../lib/errors';
import { roleLabels } from '../../../lib/format';
import { go, queryValue } from '../../../lib/nav';
import { useSession } from '../../../store/session';
import {
  MemberForm,
  type MemberFormErrors,
  type MemberFormValue,
  recheckErrors,
  serverFieldErrors,
  validateMember,
} from '../components/member-form';
import { BindingCodeSection, LeaveSection } from './sections';
import './index.scss';

type BranchRole = 'secretary' | 'organizer';
const branchRoles = (member: RosterMember) =>
  member.roles.filter((role): role is BranchRole => role === 'secretary' || role === 'organizer');

function formOf(member: RosterMember): MemberFormValue {
  return {
    name: member.name,
    gender: member.gender,
    phone: '',
    idNumber: '',
    category: member.category,
    joinedAt: member.joinedAt,
    roles: branchRoles(member),
  };
}

/** One member: edit, 停用 with a reason, and their 绑定码 (a new one replaces the old). */
export default function MemberDetailPage() {
  const params = useRouter().params;
  const me = useSession((state) => state.member);
  const memberId = params.id ?? '';
  const orgId = params.orgId ?? me?.orgId ?? '';
  const [name, setName] = useState(queryValue(params.name));
  const canManage = Boolean(me?.roles.some((role) => role === 'secretary' || role === 'committee'));

  const [member, setMember] = useState<RosterMember | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<{ message: string; failure: FailureKind } | null>(null);
  const [form, setForm] = useState<MemberFormValue | null>(null);
  const [errors, setErrors] = useState<MemberFormErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'leave' | 'restore' | 'code' | 'revoke' | null>(null);
  const [reason, setReason] = useState<LeaveReason | null>(null);
  const [note, setNote] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [code, setCode] = useState<{ bindingCode: string; expiresAt: string } | null>(null);

  async function load(as = name) {
    setLoading(true);
    try {
      const found = await findRosterMember(orgId, memberId, as);
      if (!found) {
        setLoadError({ message: '该党员不在本支部花名册中', failure: 'leave' });
        return;
      }
      setMember(found);
      setName(found.name);
      setForm(formOf(found));
      setErrors({});
      setLoadError(null);
    } catch (caught) {
      setLoadError({ message: errorMessage(caught), failure: failureKind(caught) });
    } finally {
      setLoading(false);
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once per member
  useEffect(() => {
    void load();
  }, [memberId]);

  /** A stale version: say so, then show what is stored now. */
  async function failed(caught: unknown) {
    if (errorCode(caught) === 'MEMBER_VERSION_CONFLICT') {
      await Taro.showModal({ title: '信息已更新', content: errorMessage(caught), showCancel: false });
      await load();
      setMessage(errorMessage(caught));
      return;
    }
    setErrors(serverFieldErrors(caught));
    setMessage(errorMessage(caught));
  }

  function change(patch: Partial<MemberFormValue>) {
    if (!form) return;
    const next = { ...form, ...patch };
    setForm(next);
    setErrors((previous) => recheckErrors(previous, patch, next, 'edit'));
  }

  async function save() {
    if (!member || !form || busy) return;
    const found = validateMember(form, 'edit');
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length > 0) return;
    const roles = [...form.roles].sort();
    const patch = {
      ...(form.name.trim() !== member.name ? { name: form.name.trim() } : {}),
      ...(form.gender !== member.gender ? { gender: form.gender } : {}),
      ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      ...(form.category !== member.category ? { category: form.category } : {}),
      ...(roles.join() !== branchRoles(member).sort().join() ? { roles } : {}),
    };
    if (Object.keys(patch).length === 0) {
      setMessage('没有需要保存的修改');
      return;
    }
    setBusy('save');
    try {
      const { member: saved } = await orgApi.update(member.id, { ...patch, version: member.version });
      setMember(saved);
      setForm(formOf(saved));
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (caught) {
      await failed(caught);
    } finally {
      setBusy(null);
    }
  }

  /** 停用 asks first (NutUI dialog): the name and the reason, so the secretary sees exactly what will happen. */
  function askToDeactivate() {
    if (!member || busy) return;
    if (!reason) {
      setReasonError('请选择停用原因');
      return;
    }
    setConfirming(true);
  }

  async function deactivate() {
    setConfirming(false);
    if (!member || busy || !reason) return;
    setBusy('leave');
    setMessage(null);
    try {
      const { member: saved } = await orgApi.update(member.id, {
        status: 'inactive',
        leaveReason: reason,
        ...(note.trim() ? { leaveNote: note.trim() } : {}),
        version: member.version,
      });
      setMember(saved);
      setForm(formOf(saved));
      void Taro.showToast({ title: '已停用', icon: 'success' });
    } catch (caught) {
      await failed(caught);
    } finally {
      setBusy(null);
    }
  }

  async function restore() {
    if (!member || busy) return;
    setBusy('restore');
    try {
      const { member: saved } = await orgApi.update(member.id, { status: 'active', version: member.version });
      setMember(saved);
      setForm(formOf(saved));
      setReason(null);
      setNote('');
    } catch (caught) {
      await failed(caught);
    } finally {
      setBusy(null);
    }
  }

  async function issueCode() {
    if (!member || busy) return;
    setBusy('code');
    setMessage(null);
    try {
      setCode(await authApi.issueBindingCode(member.id));
    } catch (caught) {
      setMessage(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  async function revokeCode() {
    if (!member || busy) return;
    setBusy('revoke');
    setMessage(null);
    try {
      const { revoked } = await authApi.revokeBindingCode(member.id);
      setCode(null);
      void Taro.showToast({ title: revoked ? '绑定码已作废' : '没有可作废的绑定码', icon: 'none' });
    } catch (caught) {
      setMessage(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  if (!member || !form) {
    return (
      <PageRoot className="member-detail">
        {loadError ? (
          <ErrorBlock message={loadError.message} failure={loadError.failure} onRetry={() => void load()} />
        ) : loading ? (
          <LoadingBlock />
        ) : null}
      </PageRoot>
    );
  }

  const active = member.status === 'active';
  const self = member.id === me?.id;
  return (
    <PageRoot className="member-detail">
      <View className="card member-head">
        <View className="member-head-line">
          <Text className="member-head-name">{member.name}</Text>
          {roleLabels(member.roles).map((label) => (
            <Text key={label} className="tag">
              {label}
            </Text>
          ))}
          {!active ? (
            <Text className="tag tag--grey">已停用</Text>
          ) : member.bound ? (
            <Text className="tag tag--ok">已绑定</Text>
          ) : (
            <Text className="tag tag--warn">未绑定</Text>
          )}
        </View>
        <Text className="muted member-head-line2">
          {GENDER_LABELS[member.gender]} · {CATEGORY_LABELS[member.category]} · 入党 {member.joinedAt}
        </Text>
        <Text className="muted member-head-line2">手机 {member.phoneMasked}</Text>
        <Text className="muted member-head-line2">身份证 {member.idNumberMasked}</Text>
        {!active && member.leaveReason ? (
          <Text className="member-head-leave">
            停用原因：{LEAVE_REASON_LABELS[member.leaveReason]}
            {member.leaveNote ? `（${member.leaveNote}）` : ''}
            {member.leftAt ? ` · ${formatShanghai(member.leftAt, 'YYYY-MM-DD')}` : ''}
          </Text>
        ) : null}
      </View>

      <View className="card member-dues" onClick={() => go('myDues', { memberId: member.id, name: member.name })}>
        <Text className="member-dues-text">党费</Text>
        <Text className="muted member-dues-more">基数、缴费记录 ›</Text>
      </View>

      {message ? <Text className="form-error">{message}</Text> : null}

      {canManage ? (
        <>
          <Text className="section-title">修改信息</Text>
          <MemberForm mode="edit" value={form} errors={errors} phoneMasked={member.phoneMasked} onChange={change} />
          <View className="actions">
            <ActionButton busy={busy === 'save'} onClick={() => void save()}>
              保存修改
            </ActionButton>
          </View>

          {active && !member.bound ? (
            <BindingCodeSection
              code={code}
              busy={busy}
              onIssue={() => void issueCode()}
              onRevoke={() => void revokeCode()}
            />
          ) : null}

          {active && !self ? (
            <LeaveSection
              reason={reason}
              reasonError={reasonError}
              note={note}
              busy={busy === 'leave'}
              onReason={(value) => {
                setReason(value);
                setReasonError(null);
              }}
              onNote={setNote}
              onLeave={askToDeactivate}
            />
          ) : null}

          {!active ? (
            <View className="actions">
              <ActionButton kind="secondary" busy={busy === 'restore'} onClick={() => void restore()}>
                恢复在册
              </ActionButton>
            </View>
          ) : null}
        </>
      ) : null}
      <ConfirmDialog
        question={
          confirming && reason
            ? {
                title: '停用党员',
                content: `确定停用「${member.name}」（${LEAVE_REASON_LABELS[reason]}）？停用后不能再登录和签到，记录保留。`,
                confirmText: '停用',
              }
            : null
        }
        onConfirm={() => void deactivate()}
        onCancel={() => setConfirming(false)}
      />
    </PageRoot>
  );
}

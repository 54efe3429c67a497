import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { APPLICANTS } from '../../../../../shared/transfers/access';
import { ApiError, newIdempotencyKey } from '../../../api/client';
import { transfersApi } from '../../../api/transfers';
import { ActionButton } from '../../../components/action-button';
import { Choices } from '../../../components/choices';
import { remoteStatus, StatusView } from '../../../components/status-view';
import { TextField } from '../../../components/text-field';
import { errorCode, errorMessage } from '../../../lib/errors';
import { go, queryValue, replace } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { hasAnyRole, useSession } from '../../../store/session';
import { TransferPage } from '../components/transfer-page';
import { DestinationPicker } from './destination-picker';
import { type ApplyErrors, type ApplyForm, checkForm, EMPTY_FORM, formFrom, REASON_MAX, serverErrors } from './form';
import { MemberPicker } from './member-picker';
import '../components/transfers.scss';
import './index.scss';

const KINDS = [
  ['internal', '转到本系统内的支部'],
  ['outbound', '转出本系统'],
] as const;

/**
 * 申请转接: to a branch of the system (picked from the org tree) or to an organisation outside it (its name and a
 * contact), with a reason. A secretary may apply for a member of the branch. ?previousId= resubmits a rejected,
 * withdrawn or expired transfer with its answers filled in. One Idempotency-Key per filled-in form: repeated
 * taps, or a retry after a lost answer, create one transfer.
 */
export default function TransferApplyPage() {
  const previousId = queryValue(useRouter().params.previousId) || undefined;
  const member = useSession((state) => state.member);
  const secretary = hasAnyRole(member, ['secretary']);
  const [form, setForm] = useState<ApplyForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<ApplyErrors>({});
  const [failure, setFailure] = useState<{ code: string | undefined; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const previous = useRemote(() => transfersApi.get(previousId ?? ''), { immediate: !!previousId });

  // 重新申请: the earlier answers, once, when they are read (a profile refresh later must not undo edits).
  const filled = useRef(false);
  useEffect(() => {
    if (!previous.data || !member || filled.current) return;
    filled.current = true;
    setForm(formFrom(previous.data.transfer, member.id));
  }, [previous.data, member]);

  function change(patch: Partial<ApplyForm>) {
    setForm((current) => ({ ...current, ...patch }));
    // Another request now: a new key, so it is not taken for a retry of the last one.
    key.current = newIdempotencyKey();
    setErrors((current) => {
      const next = { ...current };
      for (const field of Object.keys(patch)) delete next[field as keyof ApplyErrors];
      return next;
    });
  }

  async function submit() {
    if (busy) return;
    setFailure(null);
    const checked = checkForm(form, previousId);
    if (!checked.body) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      const { transfer } = await transfersApi.apply(checked.body, key.current);
      void Taro.showToast({ title: '已提交申请', icon: 'success' });
      replace('transferDetail', { id: transfer.id });
    } catch (caught) {
      setErrors(serverErrors(caught instanceof ApiError ? caught.fields : undefined));
      setFailure({ code: errorCode(caught), message: errorMessage(caught) });
    } finally {
      setBusy(false);
    }
  }

  const count = [...form.reason.trim()].length;
  return (
    <TransferPage className="transfer-apply" roles={APPLICANTS}>
      {previousId ? (
        <StatusView {...remoteStatus(previous)}>
          <Text className="transfer-warning">重新申请：已填入上次的内容，请核对后提交。</Text>
        </StatusView>
      ) : null}

      {secretary ? (
        <>
          <Text className="section-title">为谁申请</Text>
          <View className="transfer-form-card apply-who">
            <Choices
              options={[
                ['self', '本人'],
                ['other', '本支部其他党员'],
              ]}
              selected={[form.forOther ? 'other' : 'self']}
              onTap={(value) => change({ forOther: value === 'other', member: null })}
            />
            {form.forOther && form.member ? (
              <View className="apply-chosen">
                <Text className="apply-chosen-name">{form.member.name}</Text>
                <Text className="transfer-link" onClick={() => change({ member: null })}>
                  重新选择
                </Text>
              </View>
            ) : null}
          </View>
          {form.forOther && !form.member ? (
            <>
              {errors.member ? <Text className="form-error">{errors.member}</Text> : null}
              <MemberPicker orgId={member?.orgId ?? ''} onPick={(picked) => change({ member: picked })} />
            </>
          ) : null}
        </>
      ) : null}

      <Text className="section-title">转往哪里</Text>
      <View className="transfer-form-card">
        <View className="apply-kinds">
          <Choices options={KINDS} selected={[form.kind]} onTap={(kind) => change({ kind })} />
        </View>
        {form.kind === 'internal' ? (
          <DestinationPicker picked={form.toOrg} error={errors.toOrg} onPick={(toOrg) => change({ toOrg })} />
        ) : (
          <>
            <TextField
              label="接收组织"
              placeholder="如：某某单位党委"
              value={form.destinationName}
              error={errors.destinationName}
              maxLength={100}
              onInput={(destinationName) => change({ destinationName })}
            />
            <TextField
              label="联系方式"
              placeholder="联系人、电话（可不填）"
              value={form.destinationContact}
              error={errors.destinationContact}
              maxLength={100}
              onInput={(destinationContact) => change({ destinationContact })}
            />
          </>
        )}
      </View>
      {form.kind === 'outbound' ? (
        <Text className="muted apply-note">
          转出本系统：党委审批同意后开具组织关系介绍信，请凭介绍信到接收组织报到。
        </Text>
      ) : null}

      <Text className="section-title">转接原因</Text>
      <View className="apply-reason">
        <View className={`transfer-textarea-box${errors.reason ? ' transfer-textarea-box--bad' : ''}`}>
          <Textarea
            className="transfer-textarea"
            value={form.reason}
            maxlength={REASON_MAX + 20}
            autoHeight
            placeholder="如：工作调动到外科"
            onInput={(event) => change({ reason: event.detail.value })}
          />
          <Text className={`transfer-counter${count > REASON_MAX ? ' transfer-counter--over' : ''}`}>
            {count}/{REASON_MAX}
          </Text>
        </View>
        {errors.reason ? <Text className="transfer-field-error">{errors.reason}</Text> : null}
      </View>

      {failure ? (
        <View className="transfer-alert">
          <Text>{failure.message}</Text>
          {failure.code === 'TRANSFER_ALREADY_OPEN' ? (
            <Text
              className="transfer-link apply-open-link"
              onClick={() => (form.forOther ? go('orgTransfers') : go('myTransfers'))}
            >
              查看正在办理的转接 ›
            </Text>
          ) : null}
        </View>
      ) : null}

      <View className="actions">
        <ActionButton busy={busy} onClick={() => void submit()}>
          提交申请
        </ActionButton>
      </View>
      <Text className="muted apply-note">提交后依次由转出支部书记、党委、转入支部书记办理，每一步您都能看到进度。</Text>
    </TransferPage>
  );
}

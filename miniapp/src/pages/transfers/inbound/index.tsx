import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { CATEGORY_LABELS, GENDER_LABELS } from '../../../../../shared/org/rules';
import { shanghaiDay } from '../../../../../shared/time';
import { RECEIVERS } from '../../../../../shared/transfers/access';
import { ApiError, newIdempotencyKey } from '../../../api/client';
import { transfersApi } from '../../../api/transfers';
import { ActionButton } from '../../../components/action-button';
import { Choices } from '../../../components/choices';
import { TextField } from '../../../components/text-field';
import { errorCode, errorMessage } from '../../../lib/errors';
import { go } from '../../../lib/nav';
import { useSession } from '../../../store/session';
import { TransferPage } from '../components/transfer-page';
import {
  checkInbound,
  EMPTY_INBOUND,
  type InboundErrors,
  type InboundField,
  type InboundForm,
  serverErrors,
} from './form';
import '../components/transfers.scss';
import './index.scss';

type Registered = Awaited<ReturnType<typeof transfersApi.inbound>>;

/** The refusals that belong to one field: the ID number or the letter already in the system. */
const FIELD_OF_CODE: Record<string, InboundField> = {
  ID_NUMBER_TAKEN: 'idNumber',
  TRANSFER_LETTER_REGISTERED: 'letterNumber',
};

/**
 * 转入登记 (a branch secretary): a member arriving from outside the system with a 介绍信 — their details and the
 * letter's number, issuing organisation and date. Registered at once into this branch; then 生成绑定码 lets them
 * bind WeChat.
 */
export default function TransferInboundPage() {
  const branch = useSession((state) => state.member?.orgName ?? '');
  const today = shanghaiDay(Date.now());
  const [form, setForm] = useState<InboundForm>(EMPTY_INBOUND);
  const [errors, setErrors] = useState<InboundErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Registered | null>(null);
  const key = useRef(newIdempotencyKey());

  function change(patch: Partial<InboundForm>) {
    setForm((current) => ({ ...current, ...patch }));
    key.current = newIdempotencyKey();
    setError(null);
    setErrors((current) => {
      const next = { ...current };
      for (const field of Object.keys(patch)) delete next[field as InboundField];
      return next;
    });
  }

  async function save() {
    if (busy) return;
    const checked = checkInbound(form);
    setErrors(checked.errors);
    setError(null);
    if (!checked.body) return;
    setBusy(true);
    try {
      setDone(await transfersApi.inbound(checked.body, key.current));
      // The result replaces the long form: show it from its top.
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    } catch (caught) {
      const field = FIELD_OF_CODE[errorCode(caught) ?? ''];
      setErrors({
        ...serverErrors(caught instanceof ApiError ? caught.fields : undefined),
        ...(field ? { [field]: errorMessage(caught) } : {}),
      });
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  function again() {
    setDone(null);
    setForm(EMPTY_INBOUND);
    setErrors({});
    key.current = newIdempotencyKey();
  }

  if (done) {
    return (
      <TransferPage className="transfer-inbound" roles={RECEIVERS}>
        <View className="card inbound-done">
          <Text className="inbound-done-title">已登记转入</Text>
          <Text className="inbound-done-name">{done.member.name}</Text>
          <Text className="muted inbound-done-line">已加入 {branch}，请生成绑定码交给本人，在小程序中绑定身份。</Text>
        </View>
        <View className="actions">
          <ActionButton onClick={() => go('bindingCode', { memberId: done.member.id, name: done.member.name })}>
            生成绑定码
          </ActionButton>
          <ActionButton kind="secondary" onClick={() => go('transferDetail', { id: done.transfer.id })}>
            查看转接记录
          </ActionButton>
          <ActionButton kind="plain" onClick={again}>
            继续登记
          </ActionButton>
        </View>
      </TransferPage>
    );
  }

  return (
    <TransferPage className="transfer-inbound" roles={RECEIVERS}>
      <Text className="muted inbound-intro">从系统外转入本支部（{branch}）的党员，凭组织关系介绍信登记。</Text>
      <Text className="section-title">党员信息</Text>
      <View className="transfer-form-card">
        <TextField
          label="姓名"
          placeholder="党员姓名"
          value={form.name}
          error={errors.name}
          onInput={(name) => change({ name })}
        />
        <View className="field">
          <Text className="field-label">性别</Text>
          <Choices
            options={(['male', 'female'] as const).map((gender) => [gender, GENDER_LABELS[gender]])}
            selected={[form.gender]}
            onTap={(gender) => change({ gender })}
          />
        </View>
        <TextField
          label="手机号"
          placeholder="11 位手机号"
          type="number"
          value={form.phone}
          error={errors.phone}
          onInput={(phone) => change({ phone })}
        />
        <TextField
          label="身份证号"
          placeholder="18 位身份证号"
          type="idcard"
          value={form.idNumber}
          error={errors.idNumber}
          onInput={(idNumber) => change({ idNumber })}
        />
        <View className="field">
          <Text className="field-label">类别</Text>
          <Choices
            options={(['full', 'probationary'] as const).map((category) => [category, CATEGORY_LABELS[category]])}
            selected={[form.category]}
            onTap={(category) => change({ category })}
          />
        </View>
        <DateField
          label="入党日期"
          value={form.joinedAt}
          end={today}
          error={errors.joinedAt}
          onPick={(joinedAt) => change({ joinedAt })}
        />
      </View>

      <Text className="section-title">介绍信</Text>
      <View className="transfer-form-card">
        <TextField
          label="编号"
          placeholder="介绍信上的编号"
          value={form.letterNumber}
          error={errors.letterNumber}
          maxLength={40}
          onInput={(letterNumber) => change({ letterNumber })}
        />
        <TextField
          label="转出组织"
          placeholder="开具介绍信的党组织"
          value={form.letterFrom}
          error={errors.letterFrom}
          maxLength={100}
          onInput={(letterFrom) => change({ letterFrom })}
        />
        <DateField
          label="开具日期"
          value={form.letterIssuedAt}
          end={today}
          error={errors.letterIssuedAt}
          onPick={(letterIssuedAt) => change({ letterIssuedAt })}
        />
      </View>
      {error ? <Text className="form-error">{error}</Text> : null}
      <View className="actions">
        <ActionButton busy={busy} onClick={() => void save()}>
          登记转入
        </ActionButton>
      </View>
    </TransferPage>
  );
}

/** A date row opening the platform's date picker (not after `end`), with its error under it. */
function DateField(props: {
  label: string;
  value: string;
  end: string;
  error: string | undefined;
  onPick(value: string): void;
}) {
  return (
    <>
      <Picker
        mode="date"
        value={props.value || props.end}
        end={props.end}
        onChange={(event) => props.onPick(String(event.detail.value))}
      >
        <View className={`field${props.error ? ' field--bad' : ''}`}>
          <Text className="field-label">{props.label}</Text>
          <Text className={`field-value${props.value ? '' : ' placeholder'}`}>{props.value || '请选择'}</Text>
        </View>
      </Picker>
      {props.error ? <Text className="field-error">{props.error}</Text> : null}
    </>
  );
}

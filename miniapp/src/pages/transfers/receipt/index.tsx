import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { shanghaiDay } from '../../../../../shared/time';
import { COMMITTEE } from '../../../../../shared/transfers/access';
import { ReceiptRequest } from '../../../../../shared/transfers/admin-schemas';
import { ApiError, newIdempotencyKey } from '../../../api/client';
import { transfersApi } from '../../../api/transfers';
import { ActionButton } from '../../../components/action-button';
import { remoteStatus, StatusView } from '../../../components/status-view';
import { TextField } from '../../../components/text-field';
import { errorMessage } from '../../../lib/errors';
import { queryValue, replace } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import { TransferPage } from '../components/transfer-page';
import '../components/transfers.scss';
import './index.scss';

type Field = 'receivedBy' | 'receivedAt';

/**
 * 登记回执 (?id=): who at the receiving organisation signed the 回执 and the day it arrived there (not after
 * today). The letter's number and validity are shown for checking; the server refuses a receipt for an expired
 * letter. One key per filled-in form.
 */
export default function TransferReceiptPage() {
  const id = queryValue(useRouter().params.id);
  const letter = useRemote(() => transfersApi.letter(id));
  const today = shanghaiDay(Date.now());
  const [receivedBy, setReceivedBy] = useState('');
  const [receivedAt, setReceivedAt] = useState(today);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());

  function edited() {
    key.current = newIdempotencyKey();
    setErrors({});
    setError(null);
  }

  async function save() {
    if (busy) return;
    const parsed = ReceiptRequest.safeParse({ receivedBy, receivedAt });
    const found: Partial<Record<Field, string>> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) found[issue.path[0] as Field] ??= issue.message;
    if (receivedAt > today) found.receivedAt = '收到日期不能晚于今天';
    setErrors(found);
    if (!parsed.success || Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    try {
      await transfersApi.receipt(id, parsed.data, key.current);
      void Taro.showToast({ title: '已登记回执', icon: 'success' });
      replace('transferDetail', { id });
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fields : undefined;
      const server: Partial<Record<Field, string>> = {};
      for (const field of fields ?? []) server[field.path as Field] ??= field.message;
      setErrors(server);
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  const data = letter.data?.letter;
  return (
    <TransferPage className="transfer-receipt" roles={COMMITTEE}>
      <StatusView {...remoteStatus(letter)}>
        {data ? (
          <View className="card receipt-letter">
            <Text className="receipt-member">{data.memberName}</Text>
            <Text className="muted receipt-line">介绍信 {data.number}</Text>
            <Text className="muted receipt-line">转往 {data.destinationName}</Text>
          </View>
        ) : null}
      </StatusView>
      <Text className="section-title">回执</Text>
      <View className="transfer-form-card">
        <TextField
          label="接收人"
          placeholder="签收回执的组织或人"
          value={receivedBy}
          error={errors.receivedBy}
          maxLength={100}
          onInput={(value) => {
            setReceivedBy(value);
            edited();
          }}
        />
        <Picker
          mode="date"
          value={receivedAt}
          end={today}
          onChange={(event) => {
            setReceivedAt(String(event.detail.value));
            edited();
          }}
        >
          <View className={`field${errors.receivedAt ? ' field--bad' : ''}`}>
            <Text className="field-label">收到日期</Text>
            <Text className="field-value">{receivedAt}</Text>
            <Text className="receipt-switch">更改 ▾</Text>
          </View>
        </Picker>
        {errors.receivedAt ? <Text className="field-error">{errors.receivedAt}</Text> : null}
      </View>
      {error ? <Text className="form-error">{error}</Text> : null}
      <View className="actions">
        <ActionButton busy={busy} onClick={() => void save()}>
          登记回执
        </ActionButton>
      </View>
    </TransferPage>
  );
}

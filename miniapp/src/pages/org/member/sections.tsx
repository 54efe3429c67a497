import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LEAVE_REASON_LABELS, type LeaveReason } from '../../../../../shared/org/schemas';
import { formatShanghai } from '../../../../../shared/time';
import { ActionButton } from '../../../components/action-button';

const REASONS = Object.entries(LEAVE_REASON_LABELS) as [LeaveReason, string][];

/** 绑定码 for a member not yet bound: issue (the previous code dies), copy, revoke. */
export function BindingCodeSection({
  code,
  busy,
  onIssue,
  onRevoke,
}: {
  code: { bindingCode: string; expiresAt: string } | null;
  busy: string | null;
  onIssue(): void;
  onRevoke(): void;
}) {
  return (
    <>
      <Text className="section-title">绑定码</Text>
      <View className="card member-code">
        {code ? (
          <>
            <Text className="member-code-text" selectable userSelect>
              {code.bindingCode}
            </Text>
            <Text className="muted">有效期至 {formatShanghai(code.expiresAt, 'M月D日 HH:mm')}，仅可使用一次</Text>
          </>
        ) : null}
        <Text className="muted member-code-note">
          生成新的绑定码后，之前发出的绑定码立即作废。请把绑定码告知该党员，在小程序首次登录后输入。
        </Text>
      </View>
      <View className="actions">
        {code ? (
          <ActionButton onClick={() => void Taro.setClipboardData({ data: code.bindingCode })}>复制</ActionButton>
        ) : null}
        <ActionButton kind={code ? 'secondary' : 'primary'} busy={busy === 'code'} onClick={onIssue}>
          {code ? '重新生成（旧码作废）' : '生成绑定码'}
        </ActionButton>
        <ActionButton kind="plain" busy={busy === 'revoke'} onClick={onRevoke}>
          作废绑定码
        </ActionButton>
      </View>
    </>
  );
}

/** 停用: a reason (转出 / 去世 / 出党 / 其他) and an optional note, then 停用该党员 (which asks first). */
export function LeaveSection({
  reason,
  reasonError,
  note,
  busy,
  onReason,
  onNote,
  onLeave,
}: {
  reason: LeaveReason | null;
  reasonError: string | null;
  note: string;
  busy: boolean;
  onReason(reason: LeaveReason): void;
  onNote(note: string): void;
  onLeave(): void;
}) {
  return (
    <>
      <Text className="section-title">停用</Text>
      <View className="card member-leave">
        <Text className="member-leave-label">停用原因</Text>
        <View className="member-leave-reasons">
          {REASONS.map(([value, label]) => (
            <View
              key={value}
              className={`member-leave-reason${reason === value ? ' member-leave-reason--on' : ''}`}
              onClick={() => onReason(value)}
            >
              {label}
            </View>
          ))}
        </View>
        {reasonError ? <Text className="member-leave-error">{reasonError}</Text> : null}
        <Input
          className="member-leave-note"
          placeholder="说明（可选，如转入单位）"
          maxlength={100}
          value={note}
          onInput={(event) => onNote(event.detail.value)}
        />
      </View>
      <View className="actions">
        <ActionButton kind="secondary" busy={busy} onClick={onLeave}>
          停用该党员
        </ActionButton>
      </View>
    </>
  );
}

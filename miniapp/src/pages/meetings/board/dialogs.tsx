import { Input, Text, View } from '@tarojs/components';
import { Choices } from '../../../components/choices';

/** What 补签 asks: 出席 or 迟到, and why it is entered by hand (required, audited). */
export interface ManualDraft {
  readonly memberId: string;
  readonly name: string;
  readonly status: 'present' | 'late';
  readonly reason: string;
  readonly error: string | null;
}

const STATUS_OPTIONS = [
  ['present', '出席'],
  ['late', '迟到'],
] as const;

export function ManualForm({ draft, onChange }: { draft: ManualDraft; onChange(next: ManualDraft): void }) {
  return (
    <View className="board-dialog">
      <Text className="board-dialog-text">为没有手机或无法扫码的党员登记，记录登记人和原因。</Text>
      <Choices options={STATUS_OPTIONS} selected={[draft.status]} onTap={(status) => onChange({ ...draft, status })} />
      <Input
        className="board-dialog-input"
        value={draft.reason}
        maxlength={200}
        placeholder="原因（必填），如：未带手机"
        onInput={(event) => onChange({ ...draft, reason: event.detail.value, error: null })}
      />
      {draft.error ? <Text className="board-dialog-error">{draft.error}</Text> : null}
    </View>
  );
}

export interface CancelDraft {
  readonly reason: string;
  readonly error: string | null;
}

export function CancelForm({ draft, onChange }: { draft: CancelDraft; onChange(next: CancelDraft): void }) {
  return (
    <View className="board-dialog">
      <Text className="board-dialog-text">取消后党员不能再签到或请假，并会看到取消原因。</Text>
      <Input
        className="board-dialog-input"
        value={draft.reason}
        maxlength={200}
        placeholder="取消原因（必填）"
        onInput={(event) => onChange({ reason: event.detail.value, error: null })}
      />
      {draft.error ? <Text className="board-dialog-error">{draft.error}</Text> : null}
    </View>
  );
}

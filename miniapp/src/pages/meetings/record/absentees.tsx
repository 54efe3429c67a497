import { Input, Picker, Text, View } from '@tarojs/components';

export interface Absentee {
  readonly memberId: string;
  readonly name: string;
  readonly reason: string;
}

/**
 * 缺席人员 with reasons: each row's reason is editable, × removes it; 添加 picks another expected attendee.
 * `showEmpty` marks rows whose reason is still empty after a save was tried.
 */
export function Absentees(props: {
  value: readonly Absentee[];
  candidates: readonly { memberId: string; name: string }[];
  showEmpty: boolean;
  onChange(next: Absentee[]): void;
}) {
  const { value, onChange } = props;
  const others = props.candidates.filter((c) => !value.some((a) => a.memberId === c.memberId));
  const set = (memberId: string, reason: string) =>
    onChange(value.map((a) => (a.memberId === memberId ? { ...a, reason } : a)));

  return (
    <View className="record-absentees">
      {value.length === 0 ? <Text className="muted record-absentees-empty">无人缺席</Text> : null}
      {value.map((absentee) => {
        const bad = props.showEmpty && !absentee.reason.trim();
        return (
          <View key={absentee.memberId} className={`record-absentee${bad ? ' field--bad' : ''}`}>
            <Text className="record-absentee-name">{absentee.name}</Text>
            <Input
              className="record-absentee-reason"
              value={absentee.reason}
              maxlength={100}
              placeholder="缺席原因"
              onInput={(event) => set(absentee.memberId, event.detail.value)}
            />
            <View
              className="record-absentee-remove"
              aria-label={`移除 ${absentee.name}`}
              onClick={() => onChange(value.filter((a) => a.memberId !== absentee.memberId))}
            >
              ×
            </View>
          </View>
        );
      })}
      {others.length ? (
        <Picker
          mode="selector"
          range={others.map((c) => c.name)}
          onChange={(event) => {
            const picked = others[Number(event.detail.value)];
            if (picked) onChange([...value, { memberId: picked.memberId, name: picked.name, reason: '' }]);
          }}
        >
          <View className="record-absentees-add">＋ 添加缺席人员</View>
        </Picker>
      ) : null}
    </View>
  );
}

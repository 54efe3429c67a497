import { Text, View } from '@tarojs/components';
import { formatShanghai } from '../../../../../shared/time';
import type { TimelineEntry } from '../../../../../shared/transfers/schemas';
import { actionLabel, roleLabel } from '../components/labels';

/** 办理记录: every step taken — who, in which role, when, what they said — oldest first. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <View className="card detail-timeline">
      {entries.map((entry) => (
        <View key={`${entry.at}-${entry.action}-${entry.actorId}`} className="detail-entry">
          <View className="detail-entry-head">
            <Text className="detail-entry-action">{actionLabel(entry)}</Text>
            <Text className="muted detail-entry-time">{formatShanghai(entry.at, 'YYYY年M月D日 HH:mm')}</Text>
          </View>
          <Text className="detail-entry-who">
            {entry.actorName}（{roleLabel(entry.role)}）
          </Text>
          {entry.comment ? <Text className="detail-entry-comment prose">“{entry.comment}”</Text> : null}
        </View>
      ))}
    </View>
  );
}

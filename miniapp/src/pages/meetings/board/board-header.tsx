import { Text, View } from '@tarojs/components';
import type { BoardResponse } from '../../../../../shared/meetings/views';

type Tone = 'ok' | 'warn' | 'bad' | 'leave';

/**
 * Every figure of the board, as the server counted them over the same rows the lists show: 应到 = 已签到 +
 * 请假 + 已补学 + 未签到; 迟到 and 早退 are within 已签到.
 */
export function BoardHeader({ data }: { data: BoardResponse }) {
  const figures: { label: string; value: number; tone?: Tone }[] = [
    { label: '应到', value: data.total },
    { label: '已签到', value: data.checkedIn, tone: 'ok' },
    { label: '迟到', value: data.late, tone: 'warn' },
    { label: '早退', value: data.leftEarly, tone: 'warn' },
    { label: '请假', value: data.onLeave, tone: 'leave' },
    { label: '已补学', value: data.madeUp, tone: 'leave' },
    { label: '未签到', value: data.missing, tone: 'bad' },
  ];
  return (
    <View className="board-stats">
      {figures.map((figure) => (
        <View key={figure.label} className={`board-stat${figure.tone ? ` board-stat--${figure.tone}` : ''}`}>
          <Text className="board-stat-value">{figure.value}</Text>
          <Text className="board-stat-label">{figure.label}</Text>
        </View>
      ))}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import './index.scss';

export interface Figure {
  readonly label: string;
  readonly value: string | number;
}

/**
 * A row of figures, number over label (首页's branch totals, 我的签到's month). In 大字模式 it wraps to two a
 * row, so a five-character label like 本月出勤率 never breaks.
 */
export function Figures({ figures, accent = false }: { figures: readonly Figure[]; accent?: boolean }) {
  return (
    <View className={`card figures${accent ? ' figures--accent' : ''}`}>
      {figures.map((figure) => (
        <View key={figure.label} className="figure">
          <Text className="figure-value">{figure.value}</Text>
          <Text className="figure-label">{figure.label}</Text>
        </View>
      ))}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { COMPLIANCE_KINDS, type Frequency } from '../../../../../shared/meetings/frequency';
import { MEETING_KIND_NAMES } from '../../../../../shared/meetings/kinds';
import type { MeetingStatsResponse } from '../../../../../shared/meetings/stats-schemas';

const FREQUENCY_TEXT: Record<Frequency, string> = {
  month: '每月',
  quarter: '每季度',
  half_year: '每半年',
  year: '每年',
};

export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/**
 * 三会一课落实率: per kind, held / required and a bar as long as the share (a plain CSS bar: no chart library
 * in the package). A kind not due within the period (a quarterly meeting in a month view) says so.
 */
export function Compliance({ stats }: { stats: Pick<MeetingStatsResponse, 'byKind' | 'rule'> }) {
  return (
    <View className="card stats-compliance">
      {COMPLIANCE_KINDS.map((kind) => {
        const figures = stats.byKind[kind];
        const due = figures.required > 0;
        const share = due ? Math.min(1, figures.held / figures.required) : 0;
        return (
          <View key={kind} className={`stats-kind stats-kind--${kind}`}>
            <View className="stats-kind-head">
              <Text className="stats-kind-name">{MEETING_KIND_NAMES[kind]}</Text>
              <Text className="muted stats-kind-frequency">{FREQUENCY_TEXT[stats.rule.frequencies[kind]]}</Text>
              <Text
                className={`stats-kind-figure${!due ? ' stats-kind-figure--none' : share < 1 ? ' stats-kind-figure--short' : ''}`}
              >
                {due ? `${figures.held}/${figures.required} · ${percent(figures.rate)}` : '本期不考核'}
              </Text>
            </View>
            <View className="stats-bar">
              <View
                className={`stats-bar-fill${share >= 1 ? ' stats-bar-fill--full' : ''}`}
                style={{ width: `${Math.round(share * 100)}%` }}
              />
            </View>
          </View>
        );
      })}
    </View>
  );
}

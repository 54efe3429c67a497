import { Text, View } from '@tarojs/components';
import { isRecentMonth, shanghaiMonth, shiftMonth } from '../../../../shared/time';
import './index.scss';

/**
 * ‹ 上月  2026年11月  下月 › — a month view's switcher. It stops where the server's RecentMonth stops: not
 * after this month, not before the oldest month the figures are kept for, so no tap ends in an error.
 */
export function MonthStepper({ month, onChange }: { month: string; onChange(month: string): void }) {
  const now = Date.now();
  const previous = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  const canBack = isRecentMonth(previous, now);
  const canForward = month < shanghaiMonth(now);
  const [year, monthNumber] = month.split('-');
  return (
    <View className="card month-stepper">
      <View
        className={`month-stepper-step${canBack ? '' : ' month-stepper-step--off'}`}
        onClick={() => (canBack ? onChange(previous) : undefined)}
      >
        ‹ 上月
      </View>
      <Text className="month-stepper-title">
        {year}年{Number(monthNumber)}月
      </Text>
      <View
        className={`month-stepper-step${canForward ? '' : ' month-stepper-step--off'}`}
        onClick={() => (canForward ? onChange(next) : undefined)}
      >
        下月 ›
      </View>
    </View>
  );
}

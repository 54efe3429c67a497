import { Picker, Text, View } from '@tarojs/components';
import { addDays } from '../../../../../shared/meetings/schedule';

const WEEK = ['日', '一', '二', '三', '四', '五', '六'];

/** 2026-10-01 → 10月1日（周四） */
function dayLabel(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日（周${WEEK[weekday]}）`;
}

/** 节假日不安排: the dates as chips with ×, and a date picker to add one (today to a year ahead). */
export function SkipDates(props: {
  dates: readonly string[];
  today: string;
  error?: string | undefined;
  onChange(dates: string[]): void;
}) {
  const { dates, today } = props;
  return (
    <View className={`skip-dates${props.error ? ' field--bad' : ''}`}>
      {dates.length ? (
        <View className="skip-dates-chips">
          {dates.map((date) => (
            <View key={date} className="skip-date">
              <Text className="skip-date-text">
                {date.slice(0, 4) === today.slice(0, 4) ? dayLabel(date) : `${date.slice(0, 4)}年${dayLabel(date)}`}
              </Text>
              <View
                className="skip-date-remove"
                aria-label={`删除 ${date}`}
                onClick={() => props.onChange(dates.filter((d) => d !== date))}
              >
                ×
              </View>
            </View>
          ))}
        </View>
      ) : (
        <Text className="muted skip-dates-empty">没有休息日：每周照常安排</Text>
      )}
      <Picker
        mode="date"
        value={today}
        start={today}
        end={addDays(today, 366)}
        onChange={(event) => {
          const date = String(event.detail.value);
          if (!dates.includes(date)) props.onChange([...dates, date].sort());
        }}
      >
        <View className="skip-dates-add">＋ 添加休息日</View>
      </Picker>
      {props.error ? <Text className="skip-dates-error">{props.error}</Text> : null}
    </View>
  );
}

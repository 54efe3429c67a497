import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Business calendars (days, weeks, "Tuesday night") are Asia/Shanghai; storage is ISO-8601 UTC. */
export const BUSINESS_TZ = 'Asia/Shanghai';

export function toShanghai(at: string | number | Date) {
  return dayjs(at).tz(BUSINESS_TZ);
}

/** The Asia/Shanghai calendar day of an instant, YYYY-MM-DD. */
export function shanghaiDay(at: string | number | Date): string {
  return toShanghai(at).format('YYYY-MM-DD');
}

/** 11月23日 19:00 — how the app shows a time. */
export function formatShanghai(at: string | number | Date, pattern = 'M月D日 HH:mm'): string {
  return toShanghai(at).format(pattern);
}

/** An instant given as Asia/Shanghai wall-clock time (`2026-11-24 19:00`) → ISO UTC. */
export function fromShanghai(wallClock: string): string {
  return dayjs.tz(wallClock, BUSINESS_TZ).toISOString();
}

export { dayjs };

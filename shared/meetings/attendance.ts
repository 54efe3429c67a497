/**
 * 我的签到 (GET /v1/me/attendance, DESIGN §5.2): a member's meetings of one month and their status in each.
 * Pure: activities and the member's check-ins in, the month's rows and totals out. Months are Asia/Shanghai
 * calendar months (DESIGN §4); instants are ISO-8601 UTC, as stored.
 */
import { monthRange } from '../time';
import { CHECKIN_OPENS_MINUTES_BEFORE } from './checkin-rules';

/**
 * Where the check-ins for the month's activities can lie: a check-in happens in [start − 30 min, end], and an
 * activity lasts at most `maxActivityHours`, so a meeting starting at 23:50 on the last day may be checked in
 * to on the next day. Rows are still chosen by the activity's start.
 */
export function checkinBounds(month: string, maxActivityHours: number): { from: string; to: string } {
  const { from, to } = monthRange(month);
  return {
    from: new Date(Date.parse(from) - CHECKIN_OPENS_MINUTES_BEFORE * 60_000).toISOString(),
    to: new Date(Date.parse(to) + maxActivityHours * 3600_000).toISOString(),
  };
}

export type AttendanceStatus = 'present' | 'late' | 'absent' | 'upcoming' | 'ongoing_missing';

/** What the page needs of an activity (of the member's branch, or of a former branch they checked in to). */
export interface AttendanceActivity {
  readonly id: string;
  readonly orgId: string;
  readonly orgName: string;
  readonly title: string;
  readonly startAt: string;
  readonly endAt: string;
  readonly placeName?: string | undefined;
}

/** The member's check-in as recorded: its time and whether it was late then (history is never recomputed). */
export interface AttendanceCheckin {
  readonly activityId: string;
  readonly at: string;
  readonly late: boolean;
}

/**
 * One activity's status for the member, from its times, `now` and their check-in only. A check-in decides
 * (present or late, as recorded); without one: before the start upcoming, until the end (inclusive, as the
 * check-in window) ongoing_missing, after it absent.
 */
export function attendanceStatus(
  activity: Pick<AttendanceActivity, 'startAt' | 'endAt'>,
  checkin: Pick<AttendanceCheckin, 'late'> | null | undefined,
  nowMs: number,
): AttendanceStatus {
  if (checkin) return checkin.late ? 'late' : 'present';
  if (nowMs < Date.parse(activity.startAt)) return 'upcoming';
  if (nowMs <= Date.parse(activity.endAt)) return 'ongoing_missing';
  return 'absent';
}

export interface AttendanceItem {
  readonly activityId: string;
  readonly orgId: string;
  readonly orgName: string;
  readonly title: string;
  readonly startAt: string;
  readonly endAt: string;
  readonly placeName?: string;
  readonly status: AttendanceStatus;
  readonly checkedInAt?: string;
  readonly late: boolean;
}

/**
 * Counts per status: `present` is on time only, so activities = present + late + absent + upcoming +
 * ongoingMissing, and checked in = present + late.
 */
export interface AttendanceTotals {
  readonly activities: number;
  readonly present: number;
  readonly late: number;
  readonly absent: number;
  readonly upcoming: number;
  readonly ongoingMissing: number;
}

export interface MonthAttendance {
  readonly month: string;
  readonly items: AttendanceItem[];
  readonly totals: AttendanceTotals;
}

export interface MonthAttendanceInput {
  readonly month: string;
  /** The branch's activities and those of the member's check-ins; duplicates and other months are dropped. */
  readonly activities: readonly AttendanceActivity[];
  readonly checkins: readonly AttendanceCheckin[];
  readonly nowMs: number;
}

const newestFirst = (a: AttendanceItem, b: AttendanceItem) =>
  a.startAt !== b.startAt ? (a.startAt < b.startAt ? 1 : -1) : a.activityId < b.activityId ? 1 : -1;

/**
 * The month's rows, newest first: every activity starting in the month exactly once, with the member's check-in
 * to it (if any); check-ins of activities not given are dropped. Totals are counted from the rows.
 */
export function monthAttendance(input: MonthAttendanceInput): MonthAttendance {
  const { from, to } = monthRange(input.month);
  const [fromMs, toMs] = [Date.parse(from), Date.parse(to)];
  const checkins = new Map<string, AttendanceCheckin>();
  for (const checkin of input.checkins) {
    const seen = checkins.get(checkin.activityId);
    if (!seen || checkin.at < seen.at) checkins.set(checkin.activityId, checkin);
  }
  const rows = new Map<string, AttendanceItem>();
  for (const activity of input.activities) {
    const startMs = Date.parse(activity.startAt);
    if (rows.has(activity.id) || !(startMs >= fromMs && startMs < toMs)) continue;
    const checkin = checkins.get(activity.id);
    const status = attendanceStatus(activity, checkin, input.nowMs);
    rows.set(activity.id, {
      activityId: activity.id,
      orgId: activity.orgId,
      orgName: activity.orgName,
      title: activity.title,
      startAt: activity.startAt,
      endAt: activity.endAt,
      ...(activity.placeName ? { placeName: activity.placeName } : {}),
      status,
      ...(checkin ? { checkedInAt: checkin.at } : {}),
      late: status === 'late',
    });
  }
  const items = [...rows.values()].sort(newestFirst);
  const count = (status: AttendanceStatus) => items.filter((item) => item.status === status).length;
  return {
    month: input.month,
    items,
    totals: {
      activities: items.length,
      present: count('present'),
      late: count('late'),
      absent: count('absent'),
      upcoming: count('upcoming'),
      ongoingMissing: count('ongoing_missing'),
    },
  };
}

/**
 * 我的签到 (GET /v1/me/attendance, DESIGN §5.2): a member's meetings of one month and their status in each.
 * Pure: activities and the member's check-ins in, the month's rows and totals out. Months are Asia/Shanghai
 * calendar months (DESIGN §4); instants are ISO-8601 UTC, as stored.
 */
import { monthRange } from '../time';
import type { AttendeeFacts } from './attendee';
import { CHECKIN_OPENS_MINUTES_BEFORE } from './checkin-rules';
import type { MeetingKind } from './kinds';

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

export type AttendanceStatus =
  | 'present'
  | 'late'
  | 'left_early'
  | 'on_leave'
  | 'made_up'
  | 'absent'
  | 'upcoming'
  | 'ongoing_missing'
  | 'cancelled';

/** What the page needs of an activity (of the member's branch, or of a former branch they checked in to). */
export interface AttendanceActivity {
  readonly id: string;
  readonly orgId: string;
  readonly orgName: string;
  readonly title: string;
  readonly startAt: string;
  readonly endAt: string;
  readonly placeName?: string | undefined;
  readonly kind?: MeetingKind | undefined;
  readonly status?: 'scheduled' | 'cancelled' | undefined;
  readonly requireCheckout?: boolean | undefined;
}

/**
 * The member's facts at one meeting as recorded (their attendee item): the check-in's time and lateness,
 * 签退, leave, 补学 — history is never recomputed.
 */
export interface AttendanceCheckin extends AttendeeFacts {
  readonly activityId: string;
}

/**
 * One activity's status for the member, from its times, `now` and their facts only. A cancelled meeting is
 * cancelled; a check-in decides (present or late, as recorded; 早退 without the required 签退 after the end);
 * then 补学, then an approved leave; otherwise before the start upcoming, until the end (inclusive, as the
 * check-in window) ongoing_missing, after it absent.
 */
export function attendanceStatus(
  activity: Pick<AttendanceActivity, 'startAt' | 'endAt' | 'status' | 'requireCheckout'>,
  facts: AttendeeFacts | null | undefined,
  nowMs: number,
): AttendanceStatus {
  if (activity.status === 'cancelled') return 'cancelled';
  if (facts?.at) {
    if (activity.requireCheckout && !facts.checkedOutAt && nowMs > Date.parse(activity.endAt)) return 'left_early';
    return facts.late ? 'late' : 'present';
  }
  if (facts?.madeUpAt) return 'made_up';
  if (facts?.leave?.status === 'approved') return 'on_leave';
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
  readonly kind: MeetingKind;
  readonly status: AttendanceStatus;
  readonly checkedInAt?: string;
  readonly late: boolean;
  /** 补签 by hand, not by the member's phone. */
  readonly manual?: boolean;
  readonly leaveStatus?: 'pending' | 'approved' | 'rejected';
}

/**
 * Counts per status: `present` is on time only, so activities = present + late + leftEarly + onLeave + madeUp +
 * absent + upcoming + ongoingMissing + cancelled, and checked in = present + late + leftEarly.
 */
export interface AttendanceTotals {
  readonly activities: number;
  readonly present: number;
  readonly late: number;
  readonly leftEarly: number;
  readonly onLeave: number;
  readonly madeUp: number;
  readonly absent: number;
  readonly upcoming: number;
  readonly ongoingMissing: number;
  readonly cancelled: number;
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
    if (!seen || (checkin.at ?? '~') < (seen.at ?? '~')) checkins.set(checkin.activityId, checkin);
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
      kind: activity.kind ?? 'theme_day',
      status,
      ...(checkin?.at ? { checkedInAt: checkin.at } : {}),
      late: checkin?.at !== undefined && checkin.late === true,
      ...(checkin?.at && checkin.manual ? { manual: true } : {}),
      ...(checkin?.leave ? { leaveStatus: checkin.leave.status } : {}),
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
      leftEarly: count('left_early'),
      onLeave: count('on_leave'),
      madeUp: count('made_up'),
      absent: count('absent'),
      upcoming: count('upcoming'),
      ongoingMissing: count('ongoing_missing'),
      cancelled: count('cancelled'),
    },
  };
}

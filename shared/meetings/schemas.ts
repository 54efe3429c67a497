import * as z from 'zod';
import { RecentMonth } from '../http/month';
import { safeText } from '../http/text';
import { MeetingKind } from './kinds';
import { ActivityIdParams, Id } from './params';
import { CHECKIN_CODE_PATTERN } from './qr';

export { ActivityIdParams, Id };

export const MAX_ACTIVITY_HOURS = 24;

export const Place = z.strictObject({
  name: safeText(1, 50),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** Check-in radius; 20 m is about GPS accuracy indoors, 5 km is a whole campus. */
  radiusM: z.number().int().min(20).max(5000),
});
export type Place = z.infer<typeof Place>;

/**
 * The place as an activity shows it. Runners see the coordinates and radius; members only the name (and that
 * a location is needed), so the geofence cannot be read off the API and spoofed exactly (issue #6).
 */
export const PlaceView = z.object({
  name: z.string(),
  lat: z.number().optional(),
  lng: z.number().optional(),
  radiusM: z.number().int().optional(),
});
export type PlaceView = z.infer<typeof PlaceView>;

/**
 * QR slot length: 30 s by default; 10 s for large meetings, so a forwarded code dies sooner. A payload is
 * accepted in its own slot and the one after it.
 */
export const QR_SLOT_CHOICES = [10, 30] as const;
export const DEFAULT_QR_SLOT_SECONDS = 30;
export const QrSlotSeconds = z.union([z.literal(10), z.literal(30)]);

/** Activities are planned or recorded within a year either side of today; year 0000 is a typo, not a plan. */
export const ACTIVITY_RANGE_DAYS = 366;

/** Study items attached to one meeting as its material (补学 asks for every one of them). */
export const MAX_MATERIAL_ITEMS = 10;

export const Instant = z.iso.datetime({
  offset: true,
  message: '时间格式应为 ISO-8601，例如 2026-11-24T19:00:00+08:00',
});

export const Activity = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  place: PlaceView.nullable(),
  /** Seconds per QR code (10 or 30); older activities without it use 30. */
  qrSlotSeconds: z.number().int().optional(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Maintained aggregates, updated in the same transaction as each check-in. */
  checkedIn: z.number().int(),
  late: z.number().int(),
  /**
   * Expected attendees: before the start the branch's active members then; from the start the fixed set (the
   * roster at the start plus later joiners), which every counter below counts within.
   */
  expected: z.number().int().optional(),
  kind: MeetingKind,
  topic: z.string().optional(),
  host: z.string().optional(),
  materialItemIds: z.array(z.string()),
  requireCheckout: z.boolean(),
  allowInApp: z.boolean(),
  status: z.enum(['scheduled', 'cancelled']),
  cancelReason: z.string().optional(),
  cancelledAt: z.string().optional(),
  /** Approved leaves of members not checked in; 补学 done; 签退 done; 补签 by hand (within checkedIn). */
  onLeave: z.number().int(),
  madeUp: z.number().int(),
  checkedOut: z.number().int(),
  manual: z.number().int(),
  /** When the expected set was fixed (the first access at or after the start). */
  frozenAt: z.string().optional(),
  /** The 周二夜学 schedule's date (YYYY-MM-DD, Asia/Shanghai) that generated this session. */
  scheduleDate: z.string().optional(),
  /** The meeting record (纪要), when saved: its time, author and whether it was entered after the meeting (补录). */
  record: z.object({ savedAt: z.string(), savedBy: z.string(), savedByName: z.string(), late: z.boolean() }).optional(),
});
export type Activity = z.infer<typeof Activity>;

export const Checkin = z.object({
  id: z.string(),
  memberId: z.string(),
  at: z.string(),
  late: z.boolean(),
  /** 补签 by hand: who recorded it, when and why (shown as such on the board and in 我的签到). */
  manual: z.object({ by: z.string(), byName: z.string(), reason: z.string(), at: z.string() }).optional(),
});
export type Checkin = z.infer<typeof Checkin>;

export const ActivityResponse = z.object({ activity: Activity });

export const ActivityListQuery = z.strictObject({
  orgId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(512).optional(),
});
export const ActivityListResponse = z.object({ items: z.array(Activity), nextCursor: z.string().nullable() });

export const ReportedLocation = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** wx.getLocation's accuracy, metres: kept for the secretary's review. */
  accuracy: z.number().min(0).max(100_000).optional(),
});
export type ReportedLocation = z.infer<typeof ReportedLocation>;

/**
 * Scanned (`qr`: the whole payload) or typed (`code`: its 6-digit form, DESIGN §5.2); at most one of them,
 * and neither only where the meeting allows checking in from the app (`allowInApp`; else 422 QR_REQUIRED).
 */
export const CheckinRequest = z
  .strictObject({
    qr: z.string().trim().min(1).max(256).optional(),
    code: z.string().trim().regex(CHECKIN_CODE_PATTERN, '签到码应为 6 位数字').optional(),
    location: ReportedLocation.optional(),
  })
  .refine((body) => body.qr === undefined || body.code === undefined, {
    message: '二维码和 6 位签到码只需提供一个',
  });
export type CheckinRequest = z.infer<typeof CheckinRequest>;
export const CheckinResponse = z.object({ checkin: Checkin });

/** `month` defaults to the current Asia/Shanghai month. */
export const MyAttendanceQuery = z.strictObject({ month: RecentMonth.optional() });

export const AttendanceStatus = z.enum([
  'present',
  'late',
  'left_early',
  'on_leave',
  'made_up',
  'absent',
  'upcoming',
  'ongoing_missing',
  'cancelled',
]);

export const MyAttendanceItem = z.object({
  activityId: z.string(),
  /** The branch the activity belongs to: the member's branch then, which a later move does not change. */
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  placeName: z.string().optional(),
  kind: MeetingKind,
  /** ongoing_missing: started, not ended, no check-in yet; left_early: no 签退 where one was required. */
  status: AttendanceStatus,
  checkedInAt: z.string().optional(),
  /** Late as recorded at the check-in (also when the member then left early). */
  late: z.boolean(),
  manual: z.boolean().optional(),
  leaveStatus: z.enum(['pending', 'approved', 'rejected']).optional(),
});

export const MyAttendanceResponse = z.object({
  /** YYYY-MM, Asia/Shanghai. */
  month: z.string(),
  /** Activities starting in the month, newest first. */
  items: z.array(MyAttendanceItem),
  /** Counts per status (`present` is on time only; see shared/meetings/attendance.ts AttendanceTotals). */
  totals: z.object({
    activities: z.number().int(),
    present: z.number().int(),
    late: z.number().int(),
    leftEarly: z.number().int(),
    onLeave: z.number().int(),
    madeUp: z.number().int(),
    absent: z.number().int(),
    upcoming: z.number().int(),
    ongoingMissing: z.number().int(),
    cancelled: z.number().int(),
  }),
  /** Present (true) only when the month had more activities or check-ins than one read takes. */
  truncated: z.boolean().optional(),
});
export type MyAttendanceResponse = z.infer<typeof MyAttendanceResponse>;

/** What the board, the meeting page and the leave lists show (responses; requests: ./attendance-schemas.ts). */
import * as z from 'zod';
import { Activity, Checkin, PlaceView, ReportedLocation } from './schemas';

export const Leave = z.object({
  id: z.string(),
  activityId: z.string(),
  memberId: z.string(),
  name: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  reason: z.string(),
  requestedAt: z.string(),
  decidedAt: z.string().optional(),
  decidedByName: z.string().optional(),
  comment: z.string().optional(),
  /** The meeting's title and start, for lists across meetings. */
  title: z.string().optional(),
  startAt: z.string().optional(),
});
export type Leave = z.infer<typeof Leave>;

export const BoardStatus = z.enum(['checked_in', 'late', 'left_early', 'on_leave', 'made_up', 'missing']);

/** A member's standing at a meeting, as the board and the meeting page show it. */
export const AttendeeView = z.object({
  memberId: z.string(),
  name: z.string(),
  status: BoardStatus,
  at: z.string().nullable(),
  /** Late at check-in, as recorded (also when the member then left early: status left_early). */
  late: z.boolean().optional(),
  manual: Checkin.shape.manual,
  checkedOutAt: z.string().optional(),
  madeUpAt: z.string().optional(),
  leave: Leave.pick({ id: true, status: true, reason: true, requestedAt: true, decidedAt: true, comment: true })
    .extend({ decidedByName: z.string().optional() })
    .optional(),
});
export type AttendeeView = z.infer<typeof AttendeeView>;

export const MyMeetingStatus = AttendeeView.extend({
  /** Whether 补学 is the member's to do now, and until when. */
  makeup: z.object({ open: z.boolean(), needed: z.boolean(), until: z.string() }),
  checkout: z.enum(['not_open', 'open', 'closed']),
});

export const ActivityDetailResponse = z.object({
  activity: Activity,
  phase: z.enum(['upcoming', 'ongoing', 'ended']),
  window: z.enum(['not_open', 'open', 'closed']),
  myCheckin: Checkin.nullable(),
  /** The caller's standing at the meeting (leave, 签退, 补学), null for committee staff outside the branch. */
  me: MyMeetingStatus.nullable(),
});
export type ActivityDetailResponse = z.infer<typeof ActivityDetailResponse>;

/**
 * The board: one row per expected attendee (before the start: the branch's active members now), and counts
 * taken from those rows — so they always agree. checkedIn includes late and left_early;
 * total = checkedIn + onLeave + madeUp + missing.
 */
export const BoardResponse = z.object({
  total: z.number().int(),
  checkedIn: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  onLeave: z.number().int(),
  madeUp: z.number().int(),
  leftEarly: z.number().int(),
  checkedOut: z.number().int(),
  manual: z.number().int(),
  pendingLeaves: z.number().int(),
  /** True once the expected set is fixed (from the start). */
  frozen: z.boolean(),
  members: z.array(
    AttendeeView.extend({
      /** What the phone reported at check-in, for review: position, its accuracy and the distance to the place. */
      location: ReportedLocation.nullable().optional(),
      distanceM: z.number().nullable().optional(),
    }),
  ),
});
export type BoardResponse = z.infer<typeof BoardResponse>;
export { PlaceView };

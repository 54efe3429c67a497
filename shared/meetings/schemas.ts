import * as z from 'zod';
import { ID_PATTERN } from '../http/route';

const Id = z.string().regex(ID_PATTERN, '编号格式不正确');

export const MAX_ACTIVITY_HOURS = 24;

export const Place = z.strictObject({
  name: z.string().trim().min(1).max(50),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** Check-in radius; 20 m is about GPS accuracy indoors, 5 km is a whole campus. */
  radiusM: z.number().int().min(20).max(5000),
});
export type Place = z.infer<typeof Place>;

const Instant = z.iso.datetime({ offset: true, message: '时间格式应为 ISO-8601，例如 2026-11-24T19:00:00+08:00' });

export const CreateActivityRequest = z
  .strictObject({
    orgId: Id,
    title: z.string().trim().min(1, '请填写活动主题').max(60, '主题最多 60 个字'),
    startAt: Instant,
    endAt: Instant,
    place: Place.optional(),
  })
  .refine(
    (a) => {
      const span = Date.parse(a.endAt) - Date.parse(a.startAt);
      return span > 0 && span <= MAX_ACTIVITY_HOURS * 3600_000;
    },
    { message: '结束时间须晚于开始时间，且活动不超过 24 小时', path: ['endAt'] },
  );
export type CreateActivityRequest = z.infer<typeof CreateActivityRequest>;

export const Activity = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  place: Place.nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Maintained aggregates, updated in the same transaction as each check-in. */
  checkedIn: z.number().int(),
  late: z.number().int(),
});
export type Activity = z.infer<typeof Activity>;

export const Checkin = z.object({
  id: z.string(),
  memberId: z.string(),
  at: z.string(),
  late: z.boolean(),
});
export type Checkin = z.infer<typeof Checkin>;

export const ActivityResponse = z.object({ activity: Activity });
export const ActivityDetailResponse = z.object({
  activity: Activity,
  phase: z.enum(['upcoming', 'ongoing', 'ended']),
  window: z.enum(['not_open', 'open', 'closed']),
  myCheckin: Checkin.nullable(),
});
export type ActivityDetailResponse = z.infer<typeof ActivityDetailResponse>;

export const ActivityIdParams = z.strictObject({ id: Id });
export const ActivityListQuery = z.strictObject({
  orgId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(512).optional(),
});
export const ActivityListResponse = z.object({ items: z.array(Activity), nextCursor: z.string().nullable() });

export const CheckinRequest = z.strictObject({
  qr: z.string().trim().min(1).max(256),
  location: z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
});
export const CheckinResponse = z.object({ checkin: Checkin });

export const QrResponse = z.object({
  payload: z.string(),
  /** When this payload stops being accepted. */
  expiresAt: z.string(),
  /** When the screen should fetch the next one. */
  refreshAt: z.string(),
});

export const BoardMemberStatus = z.enum(['checked_in', 'late', 'missing']);
export const BoardResponse = z.object({
  total: z.number().int(),
  checkedIn: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  members: z.array(
    z.object({ memberId: z.string(), name: z.string(), status: BoardMemberStatus, at: z.string().nullable() }),
  ),
});
export type BoardResponse = z.infer<typeof BoardResponse>;

/** Schemas of the runners' routes of a meeting itself (./runner-routes.ts): creating one, its QR code. */
import * as z from 'zod';
import { safeText } from '../http/text';
import { MeetingKind } from './kinds';
import {
  ACTIVITY_RANGE_DAYS,
  Id,
  Instant,
  MAX_ACTIVITY_HOURS,
  MAX_MATERIAL_ITEMS,
  Place,
  QrSlotSeconds,
} from './schemas';

export const CreateActivityRequest = z
  .strictObject({
    orgId: Id,
    title: safeText(1, 60, { min: '请填写活动主题', max: '主题最多 60 个字' }),
    startAt: Instant,
    endAt: Instant,
    place: Place.optional(),
    qrSlotSeconds: QrSlotSeconds.optional(),
    /** Defaults keep today's behaviour: a 主题党日 with QR check-in only and no 签退. */
    kind: MeetingKind.optional(),
    topic: safeText(1, 200, { max: '议题最多 200 个字' }).optional(),
    /** 主持人: a name as written on the record. */
    host: safeText(1, 20, { max: '主持人姓名最多 20 个字' }).optional(),
    /** 学习材料: study items a member on leave or absent completes for 补学. */
    materialItemIds: z.array(Id).max(MAX_MATERIAL_ITEMS, `学习材料最多 ${MAX_MATERIAL_ITEMS} 项`).optional(),
    requireCheckout: z.boolean().optional(),
    allowInApp: z.boolean().optional(),
  })
  .refine((a) => Math.abs(Date.parse(a.startAt) - Date.now()) <= ACTIVITY_RANGE_DAYS * 86_400_000, {
    message: '活动时间须在今天前后一年之内',
    path: ['startAt'],
  })
  .refine(
    (a) => {
      const span = Date.parse(a.endAt) - Date.parse(a.startAt);
      return span > 0 && span <= MAX_ACTIVITY_HOURS * 3600_000;
    },
    { message: '结束时间须晚于开始时间，且活动不超过 24 小时', path: ['endAt'] },
  );
export type CreateActivityRequest = z.infer<typeof CreateActivityRequest>;

/** Which code the secretary's screen shows: 签到 (default) or 签退 (when the meeting requires it). */
export const QrQuery = z.strictObject({ purpose: z.enum(['checkin', 'checkout']).optional() });

export const QrResponse = z.object({
  payload: z.string(),
  /** The same slot's 6-digit code, for members who type instead of scanning. */
  code: z.string(),
  /** When this payload stops being accepted. */
  expiresAt: z.string(),
  /** When the screen should fetch the next one. */
  refreshAt: z.string(),
});

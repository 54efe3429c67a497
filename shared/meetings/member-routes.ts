/**
 * The members' attendance routes beyond the check-in (DESIGN §5.2): 签退, 请假, 补学 — apart from the runners'
 * (./attendance-routes.ts) so the mini-program's main package loads only what a member's pages call.
 */
import * as z from 'zod';
import { defineRoute } from '../http/route';
import { safeText } from '../http/text';
import { MEMBERS } from './access';
import { CHECKIN_CODE_PATTERN } from './qr';
import { ActivityIdParams } from './schemas';
import { Leave } from './views';

/** 签退: the scanned 签退 payload or its typed 6 digits; exactly one. */
export const CheckoutRequest = z
  .strictObject({
    qr: z.string().trim().min(1).max(256).optional(),
    code: z.string().trim().regex(CHECKIN_CODE_PATTERN, '签退码应为 6 位数字').optional(),
  })
  .refine((body) => (body.qr === undefined) !== (body.code === undefined), {
    message: '请扫描签退二维码或输入 6 位签退码（只需一个）',
  });

export const CheckoutResponse = z.object({
  checkout: z.object({ memberId: z.string(), at: z.string(), checkinAt: z.string().optional() }),
});

export const LeaveRequest = z.strictObject({
  reason: safeText(1, 200, { min: '请填写原因', max: '原因最多 200 个字', multiline: true }),
});
export const LeaveResponse = z.object({ leave: Leave });

export const MakeupResponse = z.object({
  makeup: z.object({ activityId: z.string(), memberId: z.string(), at: z.string() }),
});

export const checkOut = defineRoute({
  id: 'meetings.checkOut',
  domain: 'meetings',
  method: 'post',
  path: '/v1/activities/{id}/checkouts',
  summary: '扫码签退；重复签退返回同一条记录（200）',
  access: MEMBERS,
  scoped: true,
  params: ActivityIdParams,
  body: CheckoutRequest,
  response: CheckoutResponse,
  status: 201,
  // As the check-in: the roster is checked inside the write, and the route counts its own refusals.
  rosterCheck: 'transaction',
  ownRateLimit: true,
});

export const requestLeave = defineRoute({
  id: 'meetings.requestLeave',
  domain: 'meetings',
  method: 'post',
  path: '/v1/activities/{id}/leaves',
  summary: '请假（会议开始前，须填原因）；重复提交返回同一条（200）',
  access: MEMBERS,
  scoped: true,
  params: ActivityIdParams,
  body: LeaveRequest,
  response: LeaveResponse,
  status: 201,
});

export const makeUp = defineRoute({
  id: 'meetings.makeUp',
  domain: 'meetings',
  method: 'post',
  path: '/v1/activities/{id}/makeups',
  summary: '补学：学完本次会议的学习材料后提交（会议结束后 7 天内）',
  access: MEMBERS,
  scoped: true,
  params: ActivityIdParams,
  response: MakeupResponse,
  status: 201,
});

export const memberAttendanceRoutes = [checkOut, requestLeave, makeUp] as const;

/** Schemas of attendance beyond the check-in: 补签, 签退, leave, 补学, reminders and changes to a meeting. */
import * as z from 'zod';
import { ID_PATTERN } from '../http/route';
import { safeText } from '../http/text';
import { MAX_MATERIAL_ITEMS } from './schemas';
import { Leave } from './views';

const Id = z.string().regex(ID_PATTERN, '编号格式不正确');
const Instant = z.iso.datetime({ offset: true, message: '时间格式应为 ISO-8601，例如 2026-11-24T19:00:00+08:00' });
const Reason = safeText(1, 200, { min: '请填写原因', max: '原因最多 200 个字', multiline: true });

/** Cancel with a reason, or change times (before the start) and details. */
export const PatchActivityRequest = z
  .strictObject({
    status: z.literal('cancelled', { message: '只能把会议改为已取消（cancelled）' }).optional(),
    reason: Reason.optional(),
    startAt: Instant.optional(),
    endAt: Instant.optional(),
    title: safeText(1, 60, { min: '请填写会议主题', max: '主题最多 60 个字' }).optional(),
    topic: safeText(1, 200, { max: '议题最多 200 个字' }).optional(),
    host: safeText(1, 20, { max: '主持人姓名最多 20 个字' }).optional(),
    materialItemIds: z.array(Id).max(MAX_MATERIAL_ITEMS, `学习材料最多 ${MAX_MATERIAL_ITEMS} 项`).optional(),
    requireCheckout: z.boolean().optional(),
    allowInApp: z.boolean().optional(),
  })
  .refine((body) => body.status === undefined || body.reason !== undefined, {
    message: '取消会议请填写原因',
    path: ['reason'],
  })
  .refine((body) => (body.startAt === undefined) === (body.endAt === undefined), {
    message: '改时间请同时给出开始和结束时间',
    path: ['endAt'],
  })
  .refine((body) => Object.keys(body).length > 0, { message: '没有要修改的内容' });
export type PatchActivityRequest = z.infer<typeof PatchActivityRequest>;

export const ManualAttendanceRequest = z.strictObject({
  memberId: Id,
  status: z.enum(['present', 'late'], { message: '补签状态应为 present（出席）或 late（迟到）' }),
  reason: Reason,
});

export const LeavesResponse = z.object({ items: z.array(Leave) });
export const LeaveIdParams = z.strictObject({ id: Id });
export const LeaveDecisionRequest = z.strictObject({
  approve: z.boolean({ message: '请选择批准或不批准' }),
  comment: safeText(1, 200, { max: '意见最多 200 个字', multiline: true }).optional(),
});
export const BranchLeavesParams = z.strictObject({ orgId: Id });
export const BranchLeavesQuery = z.strictObject({
  status: z.enum(['pending', 'approved', 'rejected']).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().max(512).optional(),
});
export const BranchLeavesResponse = z.object({ items: z.array(Leave), nextCursor: z.string().nullable() });

export const RemindResponse = z.object({ sent: z.number().int(), skipped: z.number().int() });

export { LeaveRequest, LeaveResponse } from './member-routes';

import * as z from 'zod';
import { Role } from '../auth/roles';
import { RecentMonth } from '../http/month';
import { ID_PATTERN } from '../http/route';
import { safeText } from '../http/text';
import { isCalendarDate, isValidIdNumber, isValidPhone } from './rules';

export const OrgKind = z.enum(['committee', 'general_branch', 'branch']);
export type OrgKind = z.infer<typeof OrgKind>;

export const OrgNode = z.object({
  id: z.string(),
  name: z.string(),
  kind: OrgKind,
  parentId: z.string().nullable(),
  path: z.string(),
  /** Active members directly in this org (a maintained aggregate). */
  memberCount: z.number().int(),
  /** Active members in this org and every org below it (computed from the tree, see ./tree.ts). */
  totalMembers: z.number().int(),
});
export type OrgNode = z.infer<typeof OrgNode>;

export const OrgTreeResponse = z.object({ nodes: z.array(OrgNode) });

export const OrgIdParams = z.strictObject({ orgId: z.string().regex(ID_PATTERN, '编号格式不正确') });
export const MemberIdParams = z.strictObject({ id: z.string().regex(ID_PATTERN, '编号格式不正确') });

export const MemberName = z
  .string()
  .trim()
  .min(2, '姓名至少 2 个字')
  .max(20, '姓名最多 20 个字')
  .regex(/^[\u4e00-\u9fa5·A-Za-z ]+$/, '姓名只能包含汉字、字母和间隔号');
export const Gender = z.enum(['male', 'female']);
export const Phone = z.string().trim().refine(isValidPhone, '手机号应为 11 位中国大陆手机号');
export const IdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidIdNumber, '身份证号无效（位数、出生日期或校验位不对）');
export const MemberCategory = z.enum(['full', 'probationary']);
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, '日期不存在');
/** The Party was founded on 1921-07-01: nobody joined before, and nobody joins in the future. */
export const FIRST_JOIN_DATE = '1921-07-01';
export const JoinedAt = IsoDate.refine(
  (date) => date >= FIRST_JOIN_DATE && date <= todayInChina(),
  '入党日期须在 1921-07-01 至今天之间',
);

/** Today in China: UTC+8 all year (no DST), so plain arithmetic; dayjs' tz costs ~0.1 ms a call, per row. */
function todayInChina(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
/** Branch roles a secretary or committee can grant; `member` is implied, `committee` is set by the committee. */
export const BranchRole = z.enum(['secretary', 'organizer']);

export const CreateMemberRequest = z.strictObject({
  name: MemberName,
  gender: Gender,
  phone: Phone,
  idNumber: IdNumber,
  category: MemberCategory,
  joinedAt: JoinedAt,
  roles: z.array(BranchRole).max(2).optional(),
});
export type CreateMemberRequest = z.infer<typeof CreateMemberRequest>;

/** Why a member left the active roster (停用): 转出 / 去世 / 出党 / 其他. */
export const LeaveReason = z.enum(['transferred_out', 'deceased', 'expelled', 'other']);
export type LeaveReason = z.infer<typeof LeaveReason>;
export const LEAVE_REASON_LABELS: Record<LeaveReason, string> = {
  transferred_out: '转出',
  deceased: '去世',
  expelled: '出党',
  other: '其他',
};

export const UpdateMemberRequest = z
  .strictObject({
    name: MemberName.optional(),
    gender: Gender.optional(),
    phone: Phone.optional(),
    category: MemberCategory.optional(),
    roles: z.array(BranchRole).max(2).optional(),
    /** 'inactive' = 停用 (left, transferred out, deceased); the record stays for history. */
    status: z.enum(['active', 'inactive']).optional(),
    /** With `status: 'inactive'`: why the member left (the app requires it; absent → 'other'). */
    leaveReason: LeaveReason.optional(),
    leaveNote: safeText(1, 100, { max: '说明最多 100 个字' }).optional(),
    /** The version the editor saw: a stale edit is refused, not merged. */
    version: z.number().int().min(1),
  })
  // A reason is asked for by the app, but not required here: clients of the original contract deactivate with
  // `{status:'inactive', version}` alone, and that keeps working (recorded as 其他).
  .refine((v) => Object.keys(v).length > 1, { message: '至少修改一项' });
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequest>;

export const RosterMember = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  gender: Gender,
  phoneMasked: z.string(),
  idNumberMasked: z.string(),
  category: MemberCategory,
  joinedAt: z.string(),
  roles: z.array(Role),
  status: z.enum(['active', 'inactive']),
  bound: z.boolean(),
  version: z.number().int(),
  /** Set when the member was deactivated (停用): why, and when. */
  leaveReason: LeaveReason.optional(),
  leaveNote: z.string().optional(),
  leftAt: z.string().optional(),
});
export type RosterMember = z.infer<typeof RosterMember>;

export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(512).optional(),
});
export const RosterQuery = ListQuery.extend({
  status: z.enum(['active', 'inactive', 'all']).optional(),
  /** Name contains (搜索姓名). */
  q: safeText(1, 20, { min: '请输入要搜索的姓名', max: '搜索词最多 20 个字' }).optional(),
});

export const RosterResponse = z.object({ items: z.array(RosterMember), nextCursor: z.string().nullable() });
export const MemberResponse = z.object({ member: RosterMember });
export const ImportResponse = z.object({ imported: z.number().int(), members: z.array(RosterMember) });
/** Export answers with the workbook itself (xlsx), described here for OpenAPI. */
export const XlsxFile = z.string().describe('xlsx workbook');

/** `month` defaults to the current Asia/Shanghai month. */
export const OverviewQuery = z.strictObject({ month: RecentMonth.optional() });

/** One row of the 首页 overview (a branch, or the totals): counts, and attendance over started activities. */
export const OverviewFigures = z.object({
  /** Active members now (the maintained memberCount the org tree shows). */
  members: z.number().int(),
  /** Activities starting today (Asia/Shanghai); 0 when `month` is not the current month. */
  todayActivities: z.number().int(),
  monthActivities: z.number().int(),
  /** Over the month's activities that have started: members expected, checked in, and late among them. */
  expected: z.number().int(),
  present: z.number().int(),
  late: z.number().int(),
  /** present / expected, 0..1 rounded to 3 decimals; null when nobody was expected. */
  rate: z.number().min(0).max(1).nullable(),
});
export type OverviewFigures = z.infer<typeof OverviewFigures>;

export const OrgOverviewBranch = OverviewFigures.extend({
  orgId: z.string(),
  name: z.string(),
  /** Present (true) only when the branch had more activities in the month than one overview reads. */
  truncated: z.boolean().optional(),
});
export type OrgOverviewBranch = z.infer<typeof OrgOverviewBranch>;

export const OrgOverviewResponse = z.object({
  orgId: z.string(),
  /** YYYY-MM, Asia/Shanghai. */
  month: z.string(),
  /** YYYY-MM-DD, Asia/Shanghai. */
  today: z.string(),
  /** Sums over `branches` (rate from the summed counts). */
  totals: OverviewFigures,
  /** Every branch in the org's subtree, in tree order; a secretary's own branch alone. */
  branches: z.array(OrgOverviewBranch),
});
export type OrgOverviewResponse = z.infer<typeof OrgOverviewResponse>;

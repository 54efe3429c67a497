/** The 组织关系转接 contract (DESIGN §5.2 组织关系转接). Listed fields are the contract; the rest are additions. */
import * as z from 'zod';
import { ID_PATTERN } from '../http/route';
import { safeText } from '../http/text';
import { MONTH_PATTERN } from '../time';
import { TRANSFER_STATES } from './state';

export const Id = z.string().regex(ID_PATTERN, '编号格式不正确');
export const Month = z.string().regex(MONTH_PATTERN, '月份格式应为 YYYY-MM，例如 2026-11');
export const IdParams = z.strictObject({ id: Id });
export const OrgIdParams = z.strictObject({ orgId: Id });

export const TransferState = z.enum(TRANSFER_STATES);
export type TransferStateValue = z.infer<typeof TransferState>;
/** `inbound`: a member registered from a letter of an organisation outside the system (no approvals). */
export const TransferKind = z.enum(['internal', 'outbound', 'inbound']);
export type TransferKindValue = z.infer<typeof TransferKind>;

export const REASON_MAX = 500;
const Reason = safeText(1, REASON_MAX, { min: '请填写原因', max: `原因最多 ${REASON_MAX} 个字`, multiline: true });
const Comment = safeText(0, REASON_MAX, { max: `意见最多 ${REASON_MAX} 个字`, multiline: true });
const Version = z.number().int().min(1);

/** An organisation outside the system the member goes to. */
export const Destination = z.strictObject({
  name: safeText(2, 100, { min: '请填写接收组织名称', max: '接收组织名称最多 100 个字' }),
  contact: safeText(0, 100, { max: '联系方式最多 100 个字' }).optional(),
});

export const ApplyTransferRequest = z
  .strictObject({
    /** Omitted: the caller themself. A secretary names a member of their branch. */
    memberId: Id.optional(),
    kind: z.enum(['internal', 'outbound'], { message: '转接类型须为 系统内(internal) 或 转出系统(outbound)' }),
    toOrgId: Id.optional(),
    destination: Destination.optional(),
    reason: Reason,
    /** Resubmitting after a rejection or withdrawal: the earlier transfer, linked both ways. */
    previousId: Id.optional(),
  })
  .refine((b) => b.kind !== 'internal' || b.toOrgId !== undefined, {
    message: '系统内转接须选择转入支部',
    path: ['toOrgId'],
  })
  .refine((b) => b.kind !== 'outbound' || b.destination !== undefined, {
    message: '转出系统须填写接收组织名称',
    path: ['destination'],
  });
export type ApplyTransferRequest = z.infer<typeof ApplyTransferRequest>;

export const ApproveRequest = z
  .strictObject({
    version: Version.optional(),
    comment: Comment.optional(),
    /** The committee issuing a 介绍信 although dues are not paid up to the month of transfer: why. */
    duesOverride: z
      .strictObject({ reason: safeText(2, 200, { min: '请填写原因', max: '原因最多 200 个字' }) })
      .optional(),
  })
  .default({});
export const RejectRequest = z.strictObject({ version: Version.optional(), reason: Reason });
/** Withdraw and approve need no body at all: every field is optional (an empty POST is `{}`). */
export const WithdrawRequest = z.strictObject({ version: Version.optional(), reason: Comment.optional() }).default({});

export const Actor = z.object({ id: z.string(), name: z.string(), role: z.string() });

export const LetterSummary = z.object({
  number: z.string(),
  issuedAt: z.string(),
  validUntil: z.string(),
  /** YYYY-MM, or null when nothing was ever paid. */
  duesPaidThrough: Month.nullable(),
});

export const Transfer = z.object({
  id: z.string(),
  kind: TransferKind,
  state: TransferState,
  version: z.number().int(),
  memberId: z.string(),
  memberName: z.string(),
  fromOrgId: z.string().nullable(),
  fromOrgName: z.string().nullable(),
  toOrgId: z.string().nullable(),
  toOrgName: z.string().nullable(),
  destination: z.object({ name: z.string(), contact: z.string().optional() }).nullable(),
  /** Who approves the middle step: the lowest committee over both branches (outbound: the tree's 党委). */
  committeeOrgId: z.string().nullable(),
  committeeOrgName: z.string().nullable(),
  reason: z.string(),
  appliedBy: Actor,
  previousId: z.string().nullable(),
  nextId: z.string().nullable(),
  /** Since when the current step waits, by when it should be done, and whether that has passed (7 days). */
  pendingSince: z.string().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  letter: LetterSummary.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Transfer = z.infer<typeof Transfer>;

export const TimelineEntry = z.object({
  state: TransferState,
  action: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  role: z.string(),
  at: z.string(),
  comment: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Pending = z.object({
  state: TransferState,
  approverOrgId: z.string(),
  approverOrgName: z.string(),
  /** Which role at that org acts: the branch's secretary, or the committee's staff. */
  approverRole: z.enum(['secretary', 'committee']),
  since: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
});

export const UnpaidBills = z.object({ count: z.number().int(), months: z.array(Month), totalFen: z.number().int() });

export const TransferResponse = z.object({ transfer: Transfer });
export const TransferDetailResponse = z.object({
  transfer: Transfer,
  timeline: z.array(TimelineEntry),
  pending: Pending.nullable(),
  /** For the approvers: unpaid bills stay with the out-branch; 党费交至 for the letter. */
  warnings: z.object({ unpaidBills: UnpaidBills.nullable(), duesPaidThrough: Month.nullable() }),
});

export const ListQuery = z.strictObject({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});
export const TodoResponse = z.object({
  transfers: z.array(Transfer),
  nextCursor: z.string().nullable(),
  /** Steps waiting for the caller (the 首页 badge), a maintained count. */
  count: z.number().int(),
});
export const MyTransfersResponse = z.object({ transfers: z.array(Transfer), open: Transfer.nullable() });

/** Where a member may transfer to: every org of their tree (branches selectable; the rest give the picker its shape). */
export const DestinationsResponse = z.object({
  orgs: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.string(), parentId: z.string().nullable(), path: z.string() }),
  ),
  /** The caller's (or named member's) current branch: not a destination. */
  currentOrgId: z.string(),
});

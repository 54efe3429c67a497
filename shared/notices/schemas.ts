import * as z from 'zod';
import { ID_PATTERN } from '../http/route';
import { safeText, UNSAFE_TEXT_MESSAGE } from '../http/text';
import { hasMarkup, isPlainBody, NOTICE_BODY_MAX, NOTICE_TITLE_MAX } from './body';

const Id = z.string().regex(ID_PATTERN, '编号格式不正确');

/** 党建新闻 (news) or 信息发布 (notice). */
export const NoticeKind = z.enum(['news', 'notice']);
export type NoticeKind = z.infer<typeof NoticeKind>;
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = { news: '党建新闻', notice: '信息发布' };

/** At most this many target orgs per notice (a committee picks a few branches, or its whole subtree). */
export const MAX_NOTICE_TARGETS = 20;

export const NoticeBody = z
  .string()
  .trim()
  .min(1, '请填写正文')
  .max(NOTICE_BODY_MAX, `正文最多 ${NOTICE_BODY_MAX} 字`)
  .refine((body) => !hasMarkup(body), { message: '正文只能是纯文本，不能包含 HTML 标签或脚本', abort: true })
  .refine(isPlainBody, UNSAFE_TEXT_MESSAGE);

export const CreateNoticeRequest = z.strictObject({
  kind: NoticeKind,
  title: safeText(1, NOTICE_TITLE_MAX, { min: '请填写标题', max: `标题最多 ${NOTICE_TITLE_MAX} 个字` }),
  body: NoticeBody,
  /** Target orgs within the author's subtree; omitted: the author's own org (and so its whole subtree). */
  orgIds: z
    .array(Id)
    .min(1, '请至少选择一个发布范围')
    .max(MAX_NOTICE_TARGETS, `发布范围最多 ${MAX_NOTICE_TARGETS} 个组织`)
    .optional(),
});
export type CreateNoticeRequest = z.infer<typeof CreateNoticeRequest>;

export const NoticeTarget = z.object({ orgId: z.string(), orgName: z.string() });

export const Notice = z.object({
  id: z.string(),
  kind: NoticeKind,
  title: z.string(),
  body: z.string(),
  /** The publishing org (the author's) and its name, shown as the source. */
  orgId: z.string(),
  orgName: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  targets: z.array(NoticeTarget),
  publishedAt: z.string(),
  /** Members the notice was aimed at when published (the author excepted): the receipts' denominator. */
  audience: z.number().int(),
  /** Of them, how many have read it: a maintained counter, moved in the same transaction as each receipt. */
  readCount: z.number().int(),
});
export type Notice = z.infer<typeof Notice>;

export const NoticeResponse = z.object({ notice: Notice });

export const NoticeDetailResponse = z.object({
  notice: Notice,
  /** The caller has read it (this request recorded the receipt, or an earlier one did). */
  read: z.boolean(),
  readAt: z.string().nullable(),
  /** The caller may see its receipts and remind the unread (secretary / committee over every target). */
  canManage: z.boolean(),
});
export type NoticeDetailResponse = z.infer<typeof NoticeDetailResponse>;

export const NoticeSummary = z.object({
  id: z.string(),
  kind: NoticeKind,
  title: z.string(),
  excerpt: z.string(),
  orgName: z.string(),
  authorName: z.string(),
  publishedAt: z.string(),
  /** Whether the caller has read it. */
  read: z.boolean(),
});
export type NoticeSummary = z.infer<typeof NoticeSummary>;

export const NoticeIdParams = z.strictObject({ id: Id });

export const NoticeListQuery = z.strictObject({
  kind: NoticeKind.optional(),
  /** Another org's view (what its members see): committee staff over their subtree; default the caller's org. */
  orgId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
  cursor: z.string().max(512).optional(),
});

export const NoticeListResponse = z.object({
  items: z.array(NoticeSummary),
  /** The caller's notices not yet read (of `kind`, when given), among those aimed at them when published. */
  unread: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type NoticeListResponse = z.infer<typeof NoticeListResponse>;

export const UnreadMember = z.object({
  memberId: z.string(),
  name: z.string(),
  orgId: z.string(),
});

export const NoticeReadsResponse = z.object({
  /** The audience (fixed at publication), of whom `read` have read it: total = read + unread.length. */
  total: z.number().int(),
  read: z.number().int(),
  unread: z.array(UnreadMember),
});
export type NoticeReadsResponse = z.infer<typeof NoticeReadsResponse>;

export const RemindResponse = z.object({
  /** Reminders created now: one message to each unread member. */
  sent: z.number().int(),
  /** Unread members already reminded of this notice today (one reminder per member per day). */
  skipped: z.number().int(),
});
export type RemindResponse = z.infer<typeof RemindResponse>;

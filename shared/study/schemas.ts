/** 党建知识 library: categories and items (DESIGN §5.2 Study). Sessions, check-ins and figures: ./progress-schemas.ts. */
import * as z from 'zod';
import { ID_PATTERN } from '../http/route';
import { safeText } from '../http/text';
import { StudyCheckin } from './progress-schemas';
import { isHttpsUrl, MAX_BODY_CHARS, MAX_IMAGE_URL_CHARS } from './rich-text';

const Id = z.string().regex(ID_PATTERN, '编号格式不正确');

/** The categories a new library starts with (DESIGN §5.2); the table holds the live list (GET categories). */
export const SEED_CATEGORIES = [
  { code: 'theory', name: '理论学习' },
  { code: 'rules', name: '党章党规' },
  { code: 'ethics', name: '医德医风' },
  { code: 'models', name: '先进典型' },
  { code: 'current', name: '时政要闻' },
] as const;

export const CATEGORY_CODE_PATTERN = /^[a-z][a-z0-9_]{1,23}$/;
export const CategoryCode = z.string().regex(CATEGORY_CODE_PATTERN, '栏目代码格式不正确');

export const StudyCategory = z.object({ code: z.string(), name: z.string() });
export type StudyCategory = z.infer<typeof StudyCategory>;
export const StudyCategoriesResponse = z.object({ categories: z.array(StudyCategory) });

export const StudyItemKind = z.enum(['article', 'video']);
export type StudyItemKind = z.infer<typeof StudyItemKind>;

export const MIN_STUDY_MINUTES = 1;
export const MAX_STUDY_MINUTES = 120;
/** Most targets one item may name: a 党委's branches fit many times over. */
export const MAX_STUDY_TARGETS = 50;

const Title = safeText(1, 80, { min: '请填写标题', max: '标题最多 80 个字' });
const MinMinutes = z
  .number('最低学习时长须为 1–120 分钟的整数')
  .int('最低学习时长须为整数分钟')
  .min(MIN_STUDY_MINUTES, `最低学习时长至少 ${MIN_STUDY_MINUTES} 分钟`)
  .max(MAX_STUDY_MINUTES, `最低学习时长最多 ${MAX_STUDY_MINUTES} 分钟`);
/** HTML limited to headings, paragraphs, bold and https images (./rich-text.ts rewrites it on the server). */
const Body = z.string().max(MAX_BODY_CHARS, `正文最多 ${MAX_BODY_CHARS} 个字符`);
const VideoUrl = z
  .string()
  .trim()
  .max(MAX_IMAGE_URL_CHARS, `视频链接最多 ${MAX_IMAGE_URL_CHARS} 个字符`)
  .refine(isHttpsUrl, '视频链接须为 https 开头的网址');
const OrgIds = z
  .array(Id)
  .min(1, '请至少选择一个发布范围')
  .max(MAX_STUDY_TARGETS, `发布范围最多 ${MAX_STUDY_TARGETS} 个组织`)
  .refine((ids) => new Set(ids).size === ids.length, '发布范围有重复的组织');

/** What an article or a video needs, whichever way the fields arrived (creation, or a patch merged in). */
export function itemShapeIssues(item: {
  kind?: StudyItemKind | undefined;
  body?: string | null | undefined;
  videoUrl?: string | null | undefined;
}): { path: 'body' | 'videoUrl'; message: string }[] {
  if (item.kind === 'article' && !item.body?.trim()) return [{ path: 'body', message: '图文学习内容须填写正文' }];
  if (item.kind === 'video' && !item.videoUrl) return [{ path: 'videoUrl', message: '视频学习内容须填写视频链接' }];
  return [];
}

export const CreateStudyItemRequest = z
  .strictObject({
    title: Title,
    /** A code from GET /v1/study/categories. */
    category: CategoryCode,
    kind: StudyItemKind,
    /** Article text; for a video, an optional introduction. */
    body: Body.optional(),
    videoUrl: VideoUrl.optional(),
    minMinutes: MinMinutes,
    /** Target orgs within the author's subtree; default: the author's own org (and everything below it). */
    orgIds: OrgIds.optional(),
    /** false keeps it as a draft only its publishers see; default true. */
    published: z.boolean().optional(),
  })
  .superRefine((item, ctx) => {
    for (const issue of itemShapeIssues(item)) ctx.addIssue({ code: 'custom', ...issue, path: [issue.path] });
  });
export type CreateStudyItemRequest = z.infer<typeof CreateStudyItemRequest>;

/** Any field of the creation, `published: false` to unpublish; `version` (optional) refuses a stale edit. */
export const UpdateStudyItemRequest = z
  .strictObject({
    title: Title.optional(),
    category: CategoryCode.optional(),
    kind: StudyItemKind.optional(),
    /** null removes a video's introduction. */
    body: Body.nullable().optional(),
    videoUrl: VideoUrl.nullable().optional(),
    minMinutes: MinMinutes.optional(),
    orgIds: OrgIds.optional(),
    published: z.boolean().optional(),
    version: z.number().int().min(1).optional(),
  })
  .refine((patch) => Object.keys(patch).some((key) => key !== 'version'), { message: '请至少修改一项内容' });
export type UpdateStudyItemRequest = z.infer<typeof UpdateStudyItemRequest>;

export const StudyTarget = z.object({ orgId: z.string(), name: z.string() });

export const StudyItem = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  categoryName: z.string(),
  kind: StudyItemKind,
  /** Sanitised HTML (./rich-text.ts): only h2–h4, p, strong, br and https img. */
  body: z.string().nullable(),
  videoUrl: z.string().nullable(),
  /** The body's first words, plain text. */
  summary: z.string(),
  minMinutes: z.number().int(),
  /** minMinutes × the server's STUDY_SECONDS_PER_MINUTE: the credited time 完成学习 needs. */
  requiredSeconds: z.number().int(),
  targets: z.array(StudyTarget),
  ownerOrgId: z.string(),
  ownerOrgName: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  published: z.boolean(),
  /** When it was first published; null for a draft never published. */
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type StudyItem = z.infer<typeof StudyItem>;

export const StudyItemSummary = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  categoryName: z.string(),
  kind: StudyItemKind,
  minMinutes: z.number().int(),
  summary: z.string(),
  ownerOrgName: z.string(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  /** 已学: the caller has a check-in for it today (Asia/Shanghai). */
  studiedToday: z.boolean(),
});
export type StudyItemSummary = z.infer<typeof StudyItemSummary>;

export const StudyItemIdParams = z.strictObject({ id: Id });
export const StudyItemResponse = z.object({ item: StudyItem });
export const StudyItemDetailResponse = z.object({
  item: StudyItem,
  /** The caller's check-in for this item today (Asia/Shanghai), or null: 已学. */
  todayCheckin: StudyCheckin.nullable(),
  /** The caller may edit or unpublish it (its publisher's secretary, or committee staff above). */
  canManage: z.boolean(),
});
export type StudyItemDetailResponse = z.infer<typeof StudyItemDetailResponse>;

const Limit = z.coerce.number().int().min(1).max(50).optional();
const Cursor = z.string().max(1024).optional();

export const StudyItemListQuery = z.strictObject({
  category: CategoryCode.optional(),
  /** Title search: a bounded read of the member's feed (at most a few hundred entries per page). */
  q: safeText(1, 30, { min: '请输入搜索词', max: '搜索词最多 30 个字' }).optional(),
  limit: Limit,
  cursor: Cursor,
});
export type StudyItemListQuery = z.infer<typeof StudyItemListQuery>;
export const StudyItemListResponse = z.object({ items: z.array(StudyItemSummary), nextCursor: z.string().nullable() });

export const OrgStudyItemsQuery = z.strictObject({ limit: Limit, cursor: Cursor });

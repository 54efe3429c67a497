/**
 * The 党建知识 library: publishing (secretaries their branch, committee staff their subtree), the member's
 * feed, an item as its reader or publisher sees it. Who sees what: a published item reaches every org at or
 * below its targets, so a member sees the items aimed at their branch or any ancestor of it; its publishers
 * (the owner org's secretary, committee staff above) also see it unpublished.
 */
import { authorize, isWithin, type MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { sanitizeArticle, summaryOf } from '../../shared/study/rich-text';
import {
  type CreateStudyItemRequest,
  itemShapeIssues,
  SEED_CATEGORIES,
  type StudyCategory,
  type StudyItem,
  type StudyItemKind,
  type StudyItemSummary,
  type UpdateStudyItemRequest,
} from '../../shared/study/schemas';
import { newId } from '../commons/ids';
import * as org from '../org/service';
import { studySecondsPerMinute } from './config';
import type { FeedEntry, OwnedItem, StudyItemRecord, StudyTargetRecord } from './store';
import * as store from './store';

/** Who publishes and manages items. */
export const PUBLISHERS = ['secretary', 'committee'] as const;

/** Categories change rarely: a warm container keeps them a minute. */
const CATEGORY_CACHE_MS = 60_000;
let categoryCache: { list: StudyCategory[]; until: number } | undefined;

/** The live categories (the table's), or the seed list while the table has none (a fresh deployment). */
export async function categories(nowMs = Date.now()): Promise<StudyCategory[]> {
  if (categoryCache && categoryCache.until > nowMs) return categoryCache.list;
  const stored = await store.listCategories();
  const list = stored.length
    ? [...stored].sort((a, b) => a.order - b.order).map(({ code, name }) => ({ code, name }))
    : SEED_CATEGORIES.map(({ code, name }) => ({ code, name }));
  categoryCache = { list, until: nowMs + CATEGORY_CACHE_MS };
  return list;
}

export function forgetCategories(): void {
  categoryCache = undefined;
}

async function requireCategory(code: string): Promise<void> {
  if ((await categories()).some((category) => category.code === code)) return;
  throw new DomainError('STUDY_CATEGORY_UNKNOWN', {
    details: { fields: [{ path: 'category', message: `栏目 ${code} 不存在` }] },
  });
}

const nameOf = (list: StudyCategory[], code: string) => list.find((c) => c.code === code)?.name ?? code;

/** The item reaches an org at `orgPath` when one of its targets is that org or above it. */
export function reaches(item: Pick<StudyItemRecord, 'targets'>, orgPath: string): boolean {
  return item.targets.some((target) => isWithin(orgPath, target.orgPath));
}

export function canManage(claims: MemberClaims, item: StudyItemRecord): boolean {
  return authorize(claims, PUBLISHERS, { orgId: item.ownerOrgId, orgPath: item.ownerOrgPath }) === 'ok';
}

/** What a member may study: published and aimed at their org or above. Anything else is 404. */
export async function requireStudyableItem(id: string, claims: MemberClaims): Promise<StudyItemRecord> {
  const item = await store.getItem(id);
  if (!item?.published || !reaches(item, claims.orgPath)) throw new DomainError('STUDY_ITEM_NOT_FOUND');
  return item;
}

/** What the caller may open: studyable, or theirs to manage (drafts and unpublished ones too). */
export async function requireVisibleItem(id: string, claims: MemberClaims, consistent = false) {
  const item = await store.getItem(id, consistent);
  const studyable = item?.published && reaches(item, claims.orgPath);
  if (!item || !(studyable || canManage(claims, item))) throw new DomainError('STUDY_ITEM_NOT_FOUND');
  return item;
}

export async function toStudyItem(record: StudyItemRecord): Promise<StudyItem> {
  const list = await categories();
  const { ownerOrgPath: _path, targets, ...item } = record;
  return {
    ...item,
    categoryName: nameOf(list, record.category),
    requiredSeconds: record.minMinutes * studySecondsPerMinute(),
    targets: targets.map(({ orgId, name }) => ({ orgId, name })),
  };
}

export async function toSummaries(
  entries: readonly (FeedEntry | OwnedItem)[],
  studiedToday: ReadonlySet<string>,
): Promise<StudyItemSummary[]> {
  const list = await categories();
  return entries.map((entry) => {
    const id = 'itemId' in entry ? entry.itemId : entry.id;
    return {
      id,
      title: entry.title,
      category: entry.category,
      categoryName: nameOf(list, entry.category),
      kind: entry.kind,
      minMinutes: entry.minMinutes,
      summary: entry.summary,
      ownerOrgName: entry.ownerOrgName,
      published: 'published' in entry ? entry.published : true,
      publishedAt: entry.publishedAt,
      studiedToday: studiedToday.has(id),
    };
  });
}

/** The stored content: the body rewritten to the allow-list (or refused), and the list's summary. */
function content(kind: StudyItemKind, body: string | null, videoUrl: string | null) {
  const issues = itemShapeIssues({ kind, body, videoUrl });
  if (issues.length > 0) {
    throw new DomainError(kind === 'article' ? 'STUDY_BODY_REQUIRED' : 'STUDY_VIDEO_URL_REQUIRED', {
      details: { fields: issues },
    });
  }
  if (body === null || body.trim() === '') return { body: null, videoUrl, summary: '' };
  const clean = sanitizeArticle(body);
  if (!clean.ok) {
    const code = clean.problem === 'unsafe' ? 'STUDY_BODY_UNSAFE' : 'STUDY_IMAGE_URL_INVALID';
    throw new DomainError(code, { details: { fields: [{ path: 'body', message: `不允许的内容：${clean.detail}` }] } });
  }
  if (kind === 'article' && clean.text === '' && clean.images === 0) {
    throw new DomainError('STUDY_BODY_REQUIRED', { details: { fields: [{ path: 'body', message: '正文没有文字' }] } });
  }
  return { body: clean.html, videoUrl: kind === 'video' ? videoUrl : null, summary: summaryOf(clean.text) };
}

/** Each target: an org that exists and lies within the author's reach (a secretary: their branch). */
async function resolveTargets(orgIds: readonly string[], claims: MemberClaims): Promise<StudyTargetRecord[]> {
  const orgs = await Promise.all(orgIds.map((id) => org.requireOrg(id)));
  for (const target of orgs) {
    if (authorize(claims, PUBLISHERS, org.scopeOf(target)) !== 'ok') {
      throw new DomainError('STUDY_TARGET_OUT_OF_SCOPE', {
        details: { fields: [{ path: 'orgIds', message: `${target.name} 不在您的管辖范围内` }] },
      });
    }
  }
  return orgs.map((target) => ({ orgId: target.id, orgPath: target.path, name: target.name }));
}

/** Every org a published item reaches: its targets and everything below them. */
async function reachedOrgIds(targets: readonly StudyTargetRecord[]): Promise<string[]> {
  const reached = new Set<string>();
  for (const target of targets) {
    const node = await org.requireOrg(target.orgId);
    const subtree = node.kind === 'branch' ? [node] : await org.listSubtree(node);
    for (const found of subtree) reached.add(found.id);
  }
  return [...reached];
}

function feedEntries(item: StudyItemRecord, orgIds: readonly string[]): FeedEntry[] {
  if (!item.published || !item.publishedAt) return [];
  const publishedAt = item.publishedAt;
  return orgIds.map((orgId) => ({
    itemId: item.id,
    orgId,
    title: item.title,
    titleKey: item.title.toLowerCase(),
    category: item.category,
    kind: item.kind,
    minMinutes: item.minMinutes,
    summary: item.summary,
    ownerOrgName: item.ownerOrgName,
    publishedAt,
  }));
}

export async function createItem(
  input: CreateStudyItemRequest,
  claims: MemberClaims,
  nowMs: number,
  id = newId('si'),
): Promise<StudyItemRecord> {
  await requireCategory(input.category);
  const stored = content(input.kind, input.body ?? null, input.videoUrl ?? null);
  const [owner, targets] = await Promise.all([
    org.requireOrg(claims.orgId),
    resolveTargets(input.orgIds ?? [claims.orgId], claims),
  ]);
  const now = new Date(nowMs).toISOString();
  const published = input.published ?? true;
  const item: StudyItemRecord = {
    id,
    title: input.title,
    category: input.category,
    kind: input.kind,
    ...stored,
    minMinutes: input.minMinutes,
    targets,
    ownerOrgId: owner.id,
    ownerOrgPath: owner.path,
    ownerOrgName: owner.name,
    authorId: claims.memberId,
    authorName: claims.name,
    published,
    publishedAt: published ? now : null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const reached = published ? await reachedOrgIds(targets) : [];
  const outcome = await store.saveItem(item, null, { put: feedEntries(item, reached), remove: [] });
  if (outcome !== 'saved') throw new DomainError('STUDY_ITEM_VERSION_CONFLICT');
  return item;
}

/** An edit, an unpublish (`published: false`) or a republish, on the version read (or the one the caller saw). */
export async function updateItem(
  item: StudyItemRecord,
  patch: UpdateStudyItemRequest,
  claims: MemberClaims,
  nowMs: number,
): Promise<StudyItemRecord> {
  if (patch.version !== undefined && patch.version !== item.version) {
    throw new DomainError('STUDY_ITEM_VERSION_CONFLICT');
  }
  if (patch.category !== undefined) await requireCategory(patch.category);
  const kind = patch.kind ?? item.kind;
  const contentChanged = patch.kind !== undefined || patch.body !== undefined || patch.videoUrl !== undefined;
  const stored = contentChanged
    ? content(
        kind,
        patch.body !== undefined ? patch.body : item.body,
        patch.videoUrl !== undefined ? patch.videoUrl : item.videoUrl,
      )
    : { body: item.body, videoUrl: item.videoUrl, summary: item.summary };
  const targets = patch.orgIds ? await resolveTargets(patch.orgIds, claims) : item.targets;
  const published = patch.published ?? item.published;
  const now = new Date(nowMs).toISOString();
  const next: StudyItemRecord = {
    ...item,
    title: patch.title ?? item.title,
    category: patch.category ?? item.category,
    kind,
    ...stored,
    minMinutes: patch.minMinutes ?? item.minMinutes,
    targets,
    published,
    publishedAt: item.publishedAt ?? (published ? now : null),
    updatedAt: now,
    version: item.version + 1,
  };
  const [current, reached] = await Promise.all([
    store.feedOrgIds(item.id),
    published ? reachedOrgIds(targets) : Promise.resolve([]),
  ]);
  const keep = new Set(reached);
  const outcome = await store.saveItem(next, item.version, {
    put: feedEntries(next, reached),
    remove: current.filter((orgId) => !keep.has(orgId)),
  });
  if (outcome !== 'saved') throw new DomainError('STUDY_ITEM_VERSION_CONFLICT');
  return next;
}

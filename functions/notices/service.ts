/** 党建新闻 / 信息发布: publishing within the author's subtree, the member's list, and the detail. */
import { authorize, type MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { mergeFeeds } from '../../shared/notices/feed';
import type { CreateNoticeRequest, Notice, NoticeKind, NoticeSummary } from '../../shared/notices/schemas';
import {
  canTarget,
  defaultTargetIds,
  feedOrgIds,
  isAimedAt,
  normalizeTargets,
  PUBLISHERS,
} from '../../shared/notices/targeting';
import { cursorInvalid, decodeCursor, encodeCursor } from '../commons/cursor';
import { newId } from '../commons/ids';
import * as org from '../org/service';
import * as audience from './audience-store';
import { audienceOf, publishNotice } from './publish';
import { recordRead } from './receipts';
import type { FeedRecord, NoticeRecord } from './store';
import * as store from './store';

export function toNotice(record: NoticeRecord): Notice {
  return {
    id: record.id,
    kind: record.kind,
    title: record.title,
    body: record.body,
    orgId: record.orgId,
    orgName: record.orgName,
    authorId: record.authorId,
    authorName: record.authorName,
    targets: record.targets.map((target) => ({ orgId: target.orgId, orgName: target.orgName })),
    publishedAt: record.publishedAt,
    audience: record.audience,
    readCount: record.readCount,
  };
}

/** Secretary or committee staff with every target of the notice in their scope: they see receipts, remind. */
export function canManage(claims: MemberClaims, notice: NoticeRecord): boolean {
  return notice.targets.every((target) => authorize(claims, PUBLISHERS, target) === 'ok');
}

/**
 * The org records of the requested targets, each within the author's subtree (an unknown org is refused the
 * same way, telling nothing about orgs outside it); then without targets inside other targets.
 */
async function resolveTargets(author: MemberClaims, orgIds: readonly string[]): Promise<org.OrgRecord[]> {
  const ids = [...new Set(orgIds)];
  const found = await Promise.all(ids.map((id) => org.findOrg(id)));
  const allowed = found.filter((node): node is org.OrgRecord => node !== null && canTarget(author, node));
  if (allowed.length < ids.length) {
    const refused = ids.filter((id) => !allowed.some((node) => node.id === id));
    throw new DomainError('NOTICE_TARGET_OUT_OF_SCOPE', {
      details: { fields: refused.map((id) => ({ path: 'orgIds', message: `${id} 不在您可发布的范围内` })) },
    });
  }
  return normalizeTargets(allowed);
}

export async function createNotice(input: CreateNoticeRequest, author: MemberClaims, nowMs: number) {
  const [own, targets] = await Promise.all([
    org.requireOrg(author.orgId),
    resolveTargets(author, input.orgIds ?? defaultTargetIds(author)),
  ]);
  const draft: NoticeRecord = {
    id: newId('n'),
    kind: input.kind,
    title: input.title,
    body: input.body,
    orgId: own.id,
    orgPath: own.path,
    orgName: own.name,
    authorId: author.memberId,
    authorName: author.name,
    targets: targets.map((target) => ({ orgId: target.id, orgPath: target.path, orgName: target.name })),
    publishedAt: new Date(nowMs).toISOString(),
    state: 'publishing',
    audience: 0,
    readCount: 0,
  };
  return publishNotice(draft, await audienceOf(targets, author.memberId), nowMs);
}

function toSummary(entry: FeedRecord, read: boolean): NoticeSummary {
  return {
    id: entry.id,
    kind: entry.kind,
    title: entry.title,
    excerpt: entry.excerpt,
    orgName: entry.orgName,
    authorName: entry.authorName,
    publishedAt: entry.publishedAt,
    read,
  };
}

export const DEFAULT_PAGE = 20;

/**
 * What a member of `view` sees (the caller's own org, or one a committee picked): the feeds of every org on
 * its path, merged newest first. `read` and `unread` are the caller's own.
 */
export async function listNotices(
  claims: MemberClaims,
  view: { orgId: string; orgPath: string },
  query: { kind?: NoticeKind; limit?: number; cursor?: string },
) {
  const list = `notices.list|org=${view.orgId}|kind=${query.kind ?? ''}`;
  const key = await decodeCursor(query.cursor, list);
  const before = key?.before;
  if (before !== undefined && (typeof before !== 'string' || before.length > 200)) throw cursorInvalid();
  if (key && before === undefined) throw cursorInvalid();
  const limit = query.limit ?? DEFAULT_PAGE;
  const pages = await Promise.all(
    feedOrgIds(view.orgPath).map((orgId) => store.feedPage(orgId, query.kind, before, limit)),
  );
  const merged = mergeFeeds(pages, limit);
  const [read, unread] = await Promise.all([
    audience.readNoticeIds(
      merged.items.map((entry) => entry.id),
      claims.memberId,
    ),
    audience.unreadCount(claims.memberId, query.kind),
  ]);
  return {
    items: merged.items.map((entry) => toSummary(entry, read.has(entry.id) || entry.authorId === claims.memberId)),
    unread,
    nextCursor: await encodeCursor(merged.before ? { before: merged.before } : undefined, list),
  };
}

/**
 * A notice as the caller may see it: aimed at their org (or an ancestor), theirs, or theirs to manage; else
 * 404 like a missing one. Reading one aimed at the caller records their receipt (once).
 */
export async function readNotice(id: string, claims: MemberClaims, nowMs: number) {
  const notice = await requireNotice(id);
  const own = notice.authorId === claims.memberId;
  const aimed = isAimedAt(
    notice.targets.map((target) => ({ path: target.orgPath })),
    claims.orgPath,
  );
  const manage = canManage(claims, notice);
  if (!aimed && !own && !manage) throw new DomainError('NOTICE_NOT_FOUND');
  const receipt = aimed && !own ? await recordRead(notice, claims, nowMs) : null;
  const shown = receipt?.counted ? { ...notice, readCount: notice.readCount + 1 } : notice;
  return { notice: toNotice(shown), read: receipt !== null || own, readAt: receipt?.at ?? null, canManage: manage };
}

/** A published notice (one still being published is seen by nobody). */
export async function requireNotice(id: string): Promise<NoticeRecord> {
  const notice = await store.getNotice(id);
  if (notice?.state !== 'published') throw new DomainError('NOTICE_NOT_FOUND');
  return notice;
}

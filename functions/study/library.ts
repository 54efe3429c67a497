/** Reading the library: a member's feed (one Query a page), an item's detail with 已学 today, an org's own items. */
import type { MemberClaims } from '../../shared/auth/roles';
import type { StudyItemDetailResponse, StudyItemListQuery, StudyItemSummary } from '../../shared/study/schemas';
import { shanghaiDay } from '../../shared/time';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import type { OrgRecord } from '../org/service';
import { canManage, categories, requireVisibleItem, toStudyItem, toSummaries } from './items';
import * as progress from './progress-store';
import * as store from './store';

export const DEFAULT_PAGE = 20;

/** The items the caller studied today (Asia/Shanghai): one Query on their own check-ins of the day. */
/** 已学 for a page's items: one BatchGetItem on their keys, so a list page stays one Query (issue 8 bench). */
function studiedToday(memberId: string, nowMs: number, itemIds: readonly string[]): Promise<Set<string>> {
  return progress.checkedIn(memberId, shanghaiDay(nowMs), itemIds);
}

/**
 * The member's library: their org's feed (items aimed at it or any org above it), newest first, by category
 * and title. The cursor is bound to the org and every filter.
 */
export async function feed(
  claims: MemberClaims,
  query: StudyItemListQuery,
  nowMs: number,
): Promise<{ items: StudyItemSummary[]; nextCursor: string | null }> {
  if (query.category !== undefined && !(await categories()).some((c) => c.code === query.category)) {
    return { items: [], nextCursor: null };
  }
  const q = query.q?.toLowerCase();
  const list = `study.feed|org=${claims.orgId}|category=${query.category ?? ''}|q=${q ?? ''}`;
  const startKey = await decodeCursor(query.cursor, list);
  const page = await store.feedPage(claims.orgId, {
    ...(query.category ? { category: query.category } : {}),
    ...(q !== undefined ? { q } : {}),
    limit: query.limit ?? DEFAULT_PAGE,
    ...(startKey ? { startKey } : {}),
  });
  const today = await studiedToday(
    claims.memberId,
    nowMs,
    page.entries.map((entry) => entry.itemId),
  );
  return { items: await toSummaries(page.entries, today), nextCursor: await encodeCursor(page.lastKey, list) };
}

export async function itemDetail(claims: MemberClaims, id: string, nowMs: number): Promise<StudyItemDetailResponse> {
  const item = await requireVisibleItem(id, claims);
  const today = await progress.getCheckin(claims.memberId, shanghaiDay(nowMs), item.id);
  return {
    item: await toStudyItem(item),
    todayCheckin: today
      ? { id: today.id, itemId: today.itemId, day: today.day, seconds: today.seconds, at: today.at }
      : null,
    canManage: canManage(claims, item),
  };
}

/** The items an org publishes (drafts and unpublished ones too), newest first: its publishers' list. */
export async function orgItems(
  owner: OrgRecord,
  claims: MemberClaims,
  query: { limit?: number | undefined; cursor?: string | undefined },
  nowMs: number,
) {
  const list = `study.owned|org=${owner.id}`;
  const page = await store.ownedPage(owner.id, query.limit ?? DEFAULT_PAGE, await decodeCursor(query.cursor, list));
  const today = await studiedToday(
    claims.memberId,
    nowMs,
    page.items.map((item) => item.id),
  );
  return { items: await toSummaries(page.items, today), nextCursor: await encodeCursor(page.lastKey, list) };
}

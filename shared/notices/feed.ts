/**
 * A member's notice list is the newest-first merge of the feeds of every org on their path (DESIGN §4: one
 * Query per feed, no Scan). Each feed entry sorts by `<publishedAt>#<noticeId>`; the next page continues
 * strictly before the last key shown, so a page never repeats an entry and never skips one.
 */

export interface FeedEntry {
  readonly id: string;
  /** `<publishedAt ISO>#<id>`: unique per notice, the same in every feed the notice is in. */
  readonly sortKey: string;
}

export interface FeedPage<T extends FeedEntry> {
  readonly entries: readonly T[];
  /** The feed had more entries than the query returned. */
  readonly more: boolean;
}

export function feedSortKey(publishedAt: string, id: string): string {
  return `${publishedAt}#${id}`;
}

/**
 * Up to `limit` entries, newest first, each notice once (one aimed at two orgs on the path is in two feeds).
 * `before` is the sort key to continue from, when there is more to read: past the shown entries, or when a
 * feed was cut short by its own query limit.
 */
export function mergeFeeds<T extends FeedEntry>(
  pages: readonly FeedPage<T>[],
  limit: number,
): { items: T[]; before: string | null } {
  const byId = new Map<string, T>();
  for (const page of pages) for (const entry of page.entries) byId.set(entry.id, entry);
  const sorted = [...byId.values()].sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
  const items = sorted.slice(0, limit);
  const more = sorted.length > limit || pages.some((page) => page.more);
  const last = items.at(-1);
  return { items, before: more && last ? last.sortKey : null };
}

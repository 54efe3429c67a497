import fc from 'fast-check';
import { type FeedEntry, feedSortKey, mergeFeeds } from './feed';

/** Feeds of a few orgs; a notice may be in several (aimed at two orgs on the member's path). */
const feeds = fc
  .array(fc.record({ minute: fc.nat(100_000), in: fc.subarray([0, 1, 2, 3], { minLength: 1 }) }), { maxLength: 60 })
  .map((notices) => {
    const entries = notices.map((n, i) => ({
      id: `n${i}`,
      sortKey: feedSortKey(new Date(Date.UTC(2026, 0, 1) + n.minute * 60_000).toISOString(), `n${i}`),
      in: n.in,
    }));
    return [0, 1, 2, 3].map((f) =>
      entries.filter((e) => e.in.includes(f)).sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1)),
    );
  });

/** One feed's Query: newest first, below `before`, at most `limit`, and whether it had more. */
function query(feed: FeedEntry[], before: string | null, limit: number) {
  const below = feed.filter((e) => before === null || e.sortKey < before);
  return { entries: below.slice(0, limit), more: below.length > limit };
}

describe('Rule: merging notice feeds', () => {
  it('pages through every notice once, newest first, whatever the page size', () => {
    fc.assert(
      fc.property(feeds, fc.integer({ min: 1, max: 7 }), (all, limit) => {
        const seen: FeedEntry[] = [];
        let before: string | null = null;
        for (let page = 0; page < 200; page++) {
          const merged = mergeFeeds(
            all.map((feed) => query(feed, before, limit)),
            limit,
          );
          expect(merged.items.length).toBeLessThanOrEqual(limit);
          seen.push(...merged.items);
          if (!merged.before) break;
          before = merged.before;
        }
        const expected = [...new Map(all.flat().map((e) => [e.id, e])).values()].sort((a, b) =>
          a.sortKey < b.sortKey ? 1 : -1,
        );
        expect(seen.map((e) => e.id)).toEqual(expected.map((e) => e.id));
      }),
    );
  });

  it('says there is no next page when every feed is exhausted', () => {
    const entry = { id: 'n1', sortKey: feedSortKey('2026-11-01T00:00:00.000Z', 'n1') };
    expect(mergeFeeds([{ entries: [entry], more: false }], 5)).toEqual({ items: [entry], before: null });
  });
});

/**
 * What other domains read of meetings' figures (the org overview): a branch's activities of a range with their
 * maintained counters. Its own module, so the org Lambda bundles the store's reads and nothing of attendance.
 */
import * as store from './store';

/** One overview reads at most this many activities of a branch per month: 5 pages of 100. */
export const MONTH_ACTIVITY_BOUNDS = { pageSize: 100, maxPages: 5 } as const;

/**
 * A branch's activities starting in [fromIso, toIso) with their counters. Bounded: `complete` is false when the
 * branch had more than the bounds allow.
 */
export function activityCountersBetween(orgId: string, fromIso: string, toIso: string) {
  return store.activitiesStartingBetween(orgId, fromIso, toIso, MONTH_ACTIVITY_BOUNDS);
}

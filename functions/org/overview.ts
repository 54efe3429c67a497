/**
 * The committee's 首页 overview (issue 7): every branch of an org's subtree with its members, today's and the
 * month's activities and their attendance. Members come from the org items (the maintained memberCount the
 * tree shows); activities from the meetings service, one bounded GSI1 range Query per branch.
 */
import { authorize, type MemberClaims } from '../../shared/auth/roles';
import { branchOverview, overviewTotals } from '../../shared/org/overview';
import type { OrgOverviewBranch, OrgOverviewResponse } from '../../shared/org/schemas';
import { monthRange, shanghaiDay, shanghaiMonth } from '../../shared/time';
import { mapWithConcurrency } from '../commons/concurrency';
import * as meetings from '../meetings/counters';
import { scopeOf } from './service';
import type { OrgRecord } from './store';
import * as store from './store';

/** Branch queries in flight at once: a 党委 of a few dozen branches answers in a few round trips. */
export const OVERVIEW_CONCURRENCY = 8;

const byPath = (a: OrgRecord, b: OrgRecord) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * The branches the caller sees under `target` (already authorised): committee staff every branch of its
 * subtree, in tree order (path order is depth-first, as in the org tree); anyone else the target itself
 * when it is a branch (a secretary: their own).
 */
export async function overviewBranches(target: OrgRecord, claims: MemberClaims): Promise<OrgRecord[]> {
  const seesSubtree = target.kind !== 'branch' && authorize(claims, ['committee'], scopeOf(target)) === 'ok';
  const nodes = seesSubtree ? await store.listSubtree(target) : [target];
  return nodes.filter((node) => node.kind === 'branch').sort(byPath);
}

export async function orgOverview(
  target: OrgRecord,
  claims: MemberClaims,
  month: string | undefined,
  nowMs: number,
): Promise<OrgOverviewResponse> {
  const period = month ?? shanghaiMonth(nowMs);
  const { from, to } = monthRange(period);
  const branches = await overviewBranches(target, claims);
  const rows = await mapWithConcurrency(branches, OVERVIEW_CONCURRENCY, async (branch) => {
    const { items, complete } = await meetings.activityCountersBetween(branch.id, from, to);
    const figures = branchOverview({ members: branch.memberCount, activities: items, month: period, nowMs });
    const row: OrgOverviewBranch = { orgId: branch.id, name: branch.name, ...figures };
    return complete ? row : { ...row, truncated: true };
  });
  return { orgId: target.id, month: period, today: shanghaiDay(nowMs), totals: overviewTotals(rows), branches: rows };
}

/**
 * Study figures: 我的学习 (streak, today, this week, history), a branch's month from its maintained aggregate
 * (a committee's branches as rows), and who has / has not studied an item. Participation only — no ranking
 * of people anywhere (DESIGN §6.1).
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { NO_PROGRESS } from '../../shared/study/progress';
import type {
  MyStudyResponse,
  StudyCompletionsResponse,
  StudyFigures,
  StudyStatsResponse,
} from '../../shared/study/progress-schemas';
import { streakOn, weekStart } from '../../shared/study/streak';
import { shanghaiDay, shanghaiMonth } from '../../shared/time';
import { mapWithConcurrency } from '../commons/concurrency';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import type { OrgRecord } from '../org/service';
import * as org from '../org/service';
import { reaches } from './items';
import type { BranchMonthRecord } from './progress-store';
import * as store from './progress-store';
import { toCheckin } from './sessions';
import { getItem } from './store';

export async function myStudy(
  claims: MemberClaims,
  query: { limit?: number | undefined; cursor?: string | undefined },
  nowMs: number,
): Promise<MyStudyResponse> {
  const today = shanghaiDay(nowMs);
  const from = weekStart(today);
  const list = `study.history|member=${claims.memberId}`;
  const startKey = await decodeCursor(query.cursor, list);
  const [stats, week, page] = await Promise.all([
    store.getMemberStats(claims.memberId),
    store.checkinsBetween(claims.memberId, from, today),
    store.historyPage(claims.memberId, query.limit ?? 20, startKey),
  ]);
  const tally = (days: typeof week) => ({
    checkins: days.length,
    seconds: days.reduce((sum, checkin) => sum + checkin.seconds, 0),
  });
  return {
    streak: streakOn(stats ?? NO_PROGRESS, today),
    today: { day: today, ...tally(week.filter((checkin) => checkin.day === today)) },
    week: { from, ...tally(week) },
    history: page.items.map((record) => ({ ...toCheckin(record), title: record.title, category: record.category })),
    nextCursor: await encodeCursor(page.lastKey, list),
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function figures(members: number, month: BranchMonthRecord | undefined): StudyFigures {
  const checkins = month?.checkins ?? 0;
  const seconds = month?.seconds ?? 0;
  return {
    members,
    checkins,
    seconds,
    participants: month?.participants ?? 0,
    perMember: {
      checkins: members > 0 ? round2(checkins / members) : 0,
      seconds: members > 0 ? Math.round(seconds / members) : 0,
    },
  };
}

const byPath = (a: OrgRecord, b: OrgRecord) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * A branch's month: its maintained aggregate (one GetItem) and its active members now. Above a branch (a
 * committee's view): one row per branch of the subtree, in tree order, read in one BatchGetItem; the totals
 * are the rows' sums.
 */
export async function studyStats(target: OrgRecord, month: string | undefined, nowMs: number) {
  const period = month ?? shanghaiMonth(nowMs);
  const branches =
    target.kind === 'branch'
      ? [target]
      : (await org.listSubtree(target)).filter((node) => node.kind === 'branch').sort(byPath);
  const months = await store.branchMonths(
    branches.map((branch) => branch.id),
    period,
  );
  const rows = branches.map((branch) => ({
    orgId: branch.id,
    name: branch.name,
    ...figures(branch.memberCount, months.get(branch.id)),
  }));
  const sum = (pick: (row: StudyFigures) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const totals = figures(
    sum((row) => row.members),
    {
      orgId: target.id,
      month: period,
      checkins: sum((row) => row.checkins),
      seconds: sum((row) => row.seconds),
      participants: sum((row) => row.participants),
    },
  );
  const response: StudyStatsResponse = { orgId: target.id, month: period, ...totals };
  return target.kind === 'branch' ? response : { ...response, branches: rows };
}

/** Roster reads in flight at once for a committee's view of an item. */
const ROSTER_CONCURRENCY = 8;

/**
 * Who among `within`'s members (the orgs at or below it that the item reaches) has studied the item — their
 * first completion — and who has not. An item that reaches none of them is not theirs to ask about: 404.
 */
export async function completions(itemId: string, within: OrgRecord): Promise<StudyCompletionsResponse> {
  const item = await getItem(itemId);
  if (!item) throw new DomainError('STUDY_ITEM_NOT_FOUND');
  const nodes = within.kind === 'branch' ? [within] : (await org.listSubtree(within)).sort(byPath);
  const reached = nodes.filter((node) => reaches(item, node.path));
  if (reached.length === 0) throw new DomainError('STUDY_ITEM_NOT_FOUND');
  const [rosters, records] = await Promise.all([
    mapWithConcurrency(reached, ROSTER_CONCURRENCY, (node) => org.listActiveMembers(node.id)),
    store.listDone(item.id),
  ]);
  const done = new Map(records.map((record) => [record.memberId, record]));
  const members = rosters.flat();
  const result: StudyCompletionsResponse = {
    itemId: item.id,
    orgId: within.id,
    total: members.length,
    done: [],
    notDone: [],
  };
  for (const member of members) {
    const record = done.get(member.id);
    if (record) result.done.push({ memberId: member.id, name: member.name, orgId: member.orgId, at: record.firstAt });
    else result.notDone.push({ memberId: member.id, name: member.name, orgId: member.orgId });
  }
  return result;
}

/**
 * The committee's 首页 overview (issue 7): each branch's members, today's and this month's activities, and
 * attendance over the month's activities that have started. Pure: records in, figures out; the calendar is
 * Asia/Shanghai (DESIGN §4), instants are ISO-8601 UTC.
 */
import { monthRange, shanghaiDay, shanghaiMonth } from '../time';

/** What the overview reads of an activity (the maintained counters, DESIGN §4). */
export interface ActivityFigures {
  readonly startAt: string;
  /** Active members of the branch when the activity was created; absent on older activities. */
  readonly expected?: number | undefined;
  readonly checkedIn: number;
  readonly late: number;
}

export interface Attendance {
  readonly expected: number;
  readonly present: number;
  readonly late: number;
}

export interface OverviewFigures extends Attendance {
  readonly members: number;
  readonly todayActivities: number;
  readonly monthActivities: number;
  /** present / expected, 0..1 rounded to 3 decimals; null when nobody was expected. */
  readonly rate: number | null;
}

/** A counter as a count: a whole number ≥ 0 whatever the stored value (absent, negative, NaN). */
function count(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/**
 * One activity's attendance. Expected: the count recorded at creation, else the branch's active members now.
 * Someone who checked in was expected (a later joiner, DESIGN §5.2), so expected is never below present.
 */
export function attendanceOf(activity: ActivityFigures, activeMembers: number): Attendance {
  const present = count(activity.checkedIn);
  const recorded = activity.expected === undefined ? count(activeMembers) : count(activity.expected);
  return { expected: Math.max(recorded, present), present, late: Math.min(count(activity.late), present) };
}

/** present / expected in [0, 1], rounded to 3 decimals; null when nobody was expected. */
export function attendanceRate(present: number, expected: number): number | null {
  const e = count(expected);
  if (e === 0) return null;
  return Math.round((Math.min(count(present), e) / e) * 1000) / 1000;
}

export interface BranchOverviewInput {
  /** Active members now (the org's maintained memberCount). */
  readonly members: number;
  readonly activities: readonly ActivityFigures[];
  readonly month: string;
  readonly nowMs: number;
}

/**
 * A branch's figures for `month`: activities starting in it, today's among them (only while it is the
 * current month), and attendance over those that have started by `nowMs`.
 */
export function branchOverview(input: BranchOverviewInput): OverviewFigures {
  const { from, to } = monthRange(input.month);
  const [fromMs, toMs] = [Date.parse(from), Date.parse(to)];
  const today = input.month === shanghaiMonth(input.nowMs) ? shanghaiDay(input.nowMs) : null;
  const members = count(input.members);
  let todayActivities = 0;
  let monthActivities = 0;
  let expected = 0;
  let present = 0;
  let late = 0;
  for (const activity of input.activities) {
    const startMs = Date.parse(activity.startAt);
    if (!(startMs >= fromMs && startMs < toMs)) continue;
    monthActivities += 1;
    if (today !== null && shanghaiDay(startMs) === today) todayActivities += 1;
    if (startMs > input.nowMs) continue;
    const attendance = attendanceOf(activity, members);
    expected += attendance.expected;
    present += attendance.present;
    late += attendance.late;
  }
  return {
    members,
    todayActivities,
    monthActivities,
    expected,
    present,
    late,
    rate: attendanceRate(present, expected),
  };
}

/** The totals row: every count summed over the branches, the rate from the summed counts (not an average). */
export function overviewTotals(branches: readonly OverviewFigures[]): OverviewFigures {
  const sum = (pick: (b: OverviewFigures) => number) => branches.reduce((total, b) => total + pick(b), 0);
  const expected = sum((b) => b.expected);
  const present = sum((b) => b.present);
  return {
    members: sum((b) => b.members),
    todayActivities: sum((b) => b.todayActivities),
    monthActivities: sum((b) => b.monthActivities),
    expected,
    present,
    late: sum((b) => b.late),
    rate: attendanceRate(present, expected),
  };
}

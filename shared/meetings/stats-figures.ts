/**
 * The figures of GET /v1/orgs/{orgId}/meeting-stats from a branch's month rows (the maintained BranchMonth
 * aggregate, functions/meetings/aggregates.ts). Pure, so the API and the Excel export compute them alike.
 *
 * present = checkedIn (late included); absent = expected − present − onLeave − madeUp (never below 0);
 * leftEarly = check-ins at meetings requiring 签退 without one (needCheckout − checkedOut); rate = present /
 * expected. 落实率 per kind: ./frequency.ts. Participation only: nothing here ranks anyone (§6.1).
 */
import {
  COMPLIANCE_KINDS,
  type ComplianceKind,
  type FrequencyRule,
  held,
  type Period,
  rate,
  required,
} from './frequency';
import { MEETING_KINDS, type MeetingKind } from './kinds';

/** One branch-month aggregate as read: `month` and counters (absent counters are 0). */
export type MonthRow = { readonly month: string } & Readonly<Record<string, unknown>>;

export interface AttendanceFigures {
  readonly expected: number;
  readonly present: number;
  readonly late: number;
  readonly onLeave: number;
  readonly madeUp: number;
  readonly absent: number;
  readonly leftEarly: number;
  /** 补签 by hand, within present. */
  readonly manual: number;
  readonly rate: number | null;
}

export interface KindFigures {
  readonly required: number;
  readonly held: number;
  readonly rate: number | null;
  /** Meetings of the kind with a saved record in the period (may exceed `held`: two in one month count once). */
  readonly recorded: number;
}

export type ByKind = Record<ComplianceKind, KindFigures>;

export interface MeetingFigures {
  readonly byKind: ByKind;
  readonly attendance: AttendanceFigures;
  /** Meetings scheduled (not cancelled) per kind. */
  readonly meetings: Record<MeetingKind, number>;
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const total = (rows: readonly MonthRow[], name: string) => rows.reduce((sum, row) => sum + num(row[name]), 0);

/** Attendance over any set of month rows (a branch's, or a whole subtree's). */
export function attendanceOf(counts: (name: string) => number): AttendanceFigures {
  const expected = counts('expected');
  const present = counts('checkedIn');
  const onLeave = counts('onLeave');
  const madeUp = counts('madeUp');
  return {
    expected,
    present,
    late: counts('late'),
    onLeave,
    madeUp,
    absent: Math.max(0, expected - present - onLeave - madeUp),
    leftEarly: Math.max(0, counts('needCheckout') - counts('checkedOut')),
    manual: counts('manual'),
    rate: rate(present, expected),
  };
}

/** One branch's figures for `period` under `rule`, from its month rows (rows of other months are ignored). */
export function branchFigures(rows: readonly MonthRow[], period: Period, rule: FrequencyRule): MeetingFigures {
  const inPeriod = rows.filter((row) => period.months.includes(row.month));
  const byMonth = new Map(inPeriod.map((row) => [row.month, row]));
  const byKind = Object.fromEntries(
    COMPLIANCE_KINDS.map((kind) => {
      const due = required(kind, period, rule);
      const done = held(kind, period, rule, (month) => num(byMonth.get(month)?.[`held_${kind}`]));
      return [kind, { required: due, held: done, rate: rate(done, due), recorded: total(inPeriod, `held_${kind}`) }];
    }),
  ) as ByKind;
  return {
    byKind,
    attendance: attendanceOf((name) => total(inPeriod, name)),
    meetings: Object.fromEntries(MEETING_KINDS.map((kind) => [kind, total(inPeriod, `meetings_${kind}`)])) as Record<
      MeetingKind,
      number
    >,
  };
}

/** A committee's totals: the branches' figures summed (落实率 = all held / all required). */
export function sumFigures(branches: readonly MeetingFigures[]): MeetingFigures {
  const sum = (pick: (figures: MeetingFigures) => number) => branches.reduce((t, f) => t + pick(f), 0);
  const byKind = Object.fromEntries(
    COMPLIANCE_KINDS.map((kind) => {
      const due = sum((f) => f.byKind[kind].required);
      const done = sum((f) => f.byKind[kind].held);
      return [
        kind,
        { required: due, held: done, rate: rate(done, due), recorded: sum((f) => f.byKind[kind].recorded) },
      ];
    }),
  ) as ByKind;
  const counter: Record<string, (a: AttendanceFigures) => number> = {
    expected: (a) => a.expected,
    checkedIn: (a) => a.present,
    late: (a) => a.late,
    onLeave: (a) => a.onLeave,
    madeUp: (a) => a.madeUp,
    manual: (a) => a.manual,
  };
  const attendance = attendanceOf((name) => (counter[name] ? sum((f) => counter[name]!(f.attendance)) : 0));
  return {
    byKind,
    // leftEarly and absent are summed as the rows show them, so the totals row equals the rows' sum.
    attendance: {
      ...attendance,
      absent: sum((f) => f.attendance.absent),
      leftEarly: sum((f) => f.attendance.leftEarly),
    },
    meetings: Object.fromEntries(MEETING_KINDS.map((kind) => [kind, sum((f) => f.meetings[kind])])) as Record<
      MeetingKind,
      number
    >,
  };
}

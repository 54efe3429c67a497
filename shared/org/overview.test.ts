import fc from 'fast-check';
import { shanghaiMonth } from '../time';
import {
  type ActivityFigures,
  attendanceOf,
  attendanceRate,
  branchOverview,
  type OverviewFigures,
  overviewTotals,
} from './overview';
import { OverviewQuery } from './schemas';

/** 2026-11-23 10:00 in Shanghai (02:00 UTC). */
const NOW = Date.parse('2026-11-23T02:00:00Z');
const at = (shanghai: string) => new Date(`${shanghai}+08:00`).toISOString();

describe('Schema: overview query', () => {
  it('lets the query schema take no month or a valid one, and refuses the rest', () => {
    const month = shanghaiMonth(Date.now());
    expect(OverviewQuery.safeParse({}).success).toBe(true);
    expect(OverviewQuery.safeParse({ month }).success).toBe(true);
    expect(OverviewQuery.safeParse({ month: '2026-13' }).success).toBe(false);
    expect(OverviewQuery.safeParse({ month: '1999-01' }).success).toBe(false);
    expect(OverviewQuery.safeParse({ month, other: '1' }).success).toBe(false);
  });
});

describe('Rule: attendance of one activity', () => {
  it('uses the count recorded at creation, else the branch members now', () => {
    expect(attendanceOf({ startAt: at('2026-11-02T09:00'), expected: 10, checkedIn: 7, late: 2 }, 14)).toEqual({
      expected: 10,
      present: 7,
      late: 2,
    });
    expect(attendanceOf({ startAt: at('2026-11-02T09:00'), checkedIn: 7, late: 2 }, 14)).toEqual({
      expected: 14,
      present: 7,
      late: 2,
    });
  });

  it('counts a later joiner who checked in as expected, so present never exceeds expected', () => {
    expect(attendanceOf({ startAt: at('2026-11-02T09:00'), expected: 5, checkedIn: 6, late: 1 }, 14).expected).toBe(6);
  });
});

describe('Rule: attendance rate', () => {
  it('rounds to 3 decimals and is null when nobody was expected', () => {
    expect(attendanceRate(2, 3)).toBe(0.667);
    expect(attendanceRate(14, 14)).toBe(1);
    expect(attendanceRate(0, 14)).toBe(0);
    expect(attendanceRate(0, 0)).toBeNull();
  });
});

describe('Rule: branch overview', () => {
  const activities: ActivityFigures[] = [
    { startAt: at('2026-10-31T23:59:59'), expected: 10, checkedIn: 10, late: 0 }, // last month
    { startAt: at('2026-11-01T00:00:00'), expected: 10, checkedIn: 8, late: 1 },
    { startAt: at('2026-11-23T08:00:00'), expected: 12, checkedIn: 9, late: 3 }, // today, started
    { startAt: at('2026-11-23T19:00:00'), expected: 12, checkedIn: 0, late: 0 }, // today, not yet
    { startAt: at('2026-11-30T23:59:00'), checkedIn: 0, late: 0 }, // this month, later
    { startAt: at('2026-12-01T00:00:00'), expected: 12, checkedIn: 0, late: 0 }, // next month
  ];

  it("counts the month's activities, today's, and attendance over those that have started", () => {
    expect(branchOverview({ members: 12, activities, month: '2026-11', nowMs: NOW })).toEqual({
      members: 12,
      todayActivities: 2,
      monthActivities: 4,
      expected: 22,
      present: 17,
      late: 4,
      rate: 0.773,
    });
  });

  it('gives no activities of today for a past month', () => {
    const october = branchOverview({ members: 12, activities, month: '2026-10', nowMs: NOW });
    expect(october).toMatchObject({ todayActivities: 0, monthActivities: 1, expected: 10, present: 10, rate: 1 });
  });

  it('answers a branch without activities with zeros and a null rate', () => {
    expect(branchOverview({ members: 3, activities: [], month: '2026-11', nowMs: NOW })).toEqual({
      members: 3,
      todayActivities: 0,
      monthActivities: 0,
      expected: 0,
      present: 0,
      late: 0,
      rate: null,
    });
  });
});

const MONTH_START = Date.parse('2026-10-31T16:00:00Z');
const counter = fc.oneof(
  { weight: 8, arbitrary: fc.nat(300) },
  { weight: 1, arbitrary: fc.constantFrom(-1, Number.NaN, Number.POSITIVE_INFINITY, 2.5) },
);
const activity = fc.record(
  {
    startAt: fc
      .integer({ min: MONTH_START - 86_400_000, max: MONTH_START + 32 * 86_400_000 })
      .map((ms) => new Date(ms).toISOString()),
    expected: counter,
    checkedIn: counter,
    late: counter,
  },
  { requiredKeys: ['startAt', 'checkedIn', 'late'] },
);
const branch = fc.record({
  members: counter,
  activities: fc.array(activity, { maxLength: 12 }),
  nowMs: fc.integer({ min: MONTH_START, max: MONTH_START + 30 * 86_400_000 }),
});

const isCount = (n: number) => Number.isInteger(n) && n >= 0;

describe('Property: overview figures', () => {
  it('are whole counts, late ≤ present ≤ expected, rate in [0, 1] or null, never NaN', () => {
    fc.assert(
      fc.property(branch, ({ members, activities, nowMs }) => {
        const figures = branchOverview({ members, activities, month: '2026-11', nowMs });
        const { rate, ...counts } = figures;
        for (const value of Object.values(counts)) expect(isCount(value)).toBe(true);
        expect(figures.late).toBeLessThanOrEqual(figures.present);
        expect(figures.present).toBeLessThanOrEqual(figures.expected);
        expect(figures.todayActivities).toBeLessThanOrEqual(figures.monthActivities);
        if (figures.expected === 0) expect(rate).toBeNull();
        else {
          expect(rate).not.toBeNaN();
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('give totals that are the sums of the branches, with a rate from those sums', () => {
    fc.assert(
      fc.property(
        fc.array(branch, { maxLength: 8 }),
        fc.integer({ min: MONTH_START, max: MONTH_START + 30 * 86_400_000 }),
        (branches, nowMs) => {
          const rows: OverviewFigures[] = branches.map((b) => branchOverview({ ...b, month: '2026-11', nowMs }));
          const totals = overviewTotals(rows);
          const keys = ['members', 'todayActivities', 'monthActivities', 'expected', 'present', 'late'] as const;
          for (const key of keys) expect(totals[key]).toBe(rows.reduce((sum, row) => sum + row[key], 0));
          expect(totals.rate).toBe(attendanceRate(totals.present, totals.expected));
          if (totals.rate !== null) {
            expect(totals.rate).toBeGreaterThanOrEqual(0);
            expect(totals.rate).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('give a rate that is never NaN for any pair of numbers', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), (present, expected) => {
        const rate = attendanceRate(present, expected);
        if (rate !== null) {
          expect(Number.isNaN(rate)).toBe(false);
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

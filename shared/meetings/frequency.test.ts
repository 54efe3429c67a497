import fc from 'fast-check';
import { fromShanghai, shanghaiMonth } from '../time';
import {
  COMPLIANCE_KINDS,
  type ComplianceKind,
  dueForReminder,
  FREQUENCY_RULES,
  type Frequency,
  held,
  inLastWeek,
  isStatsPeriod,
  type Period,
  parsePeriod,
  periodLabel,
  periodOf,
  rate,
  required,
  ruleFor,
} from './frequency';
import { branchFigures, sumFigures } from './stats-figures';

const v1 = ruleFor('2026-11');
const period = (text: string) => parsePeriod(text)!;
const monthArb = fc
  .record({ year: fc.integer({ min: 2019, max: 2099 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);
const periodArb = fc.oneof(
  monthArb,
  monthArb.map((m) => periodOf('quarter', m).key),
  monthArb.map((m) => periodOf('half_year', m).key),
  monthArb.map((m) => m.slice(0, 4)),
);
const kindArb = fc.constantFrom(...COMPLIANCE_KINDS);

describe('Rule: 落实率 periods', () => {
  it('parses a month, a quarter, a half-year and a year into their months', () => {
    expect(period('2026-11')).toEqual({ key: '2026-11', kind: 'month', months: ['2026-11'] });
    expect(period('2026-Q4').months).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(period('2026-H1').months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(period('2026').months).toHaveLength(12);
    for (const bad of ['2026-13', '2026-Q5', '2026-Q0', '26', '2026-1', '2026-H3', '2026-11-01', ' 2026', '']) {
      expect(parsePeriod(bad)).toBeNull();
    }
  });

  it('finds the period of each length that holds a month, and it holds that month', () => {
    fc.assert(
      fc.property(monthArb, fc.constantFrom<Frequency>('month', 'quarter', 'half_year', 'year'), (month, kind) => {
        const found = periodOf(kind, month);
        expect(found.kind).toBe(kind);
        expect(found.months).toContain(month);
        expect(parsePeriod(found.key)).toEqual(found);
        // consecutive months of one year
        expect(new Set(found.months.map((m) => m.slice(0, 4))).size).toBe(1);
        expect(found.months.map((m) => Number(m.slice(5)))).toEqual(
          found.months.map((_, i) => Number(found.months[0]!.slice(5)) + i),
        );
      }),
    );
  });

  it('names a period as a person reads it', () => {
    expect(['2026-11', '2026-Q4', '2026-H2', '2026'].map((p) => periodLabel(period(p)))).toEqual([
      '2026年11月',
      '2026年第四季度',
      '2026年下半年',
      '2026年度',
    ]);
  });

  it('answers for periods that have begun, within the last 5 years, and nothing else', () => {
    const now = Date.parse('2026-11-23T02:00:00Z');
    for (const ok of ['2026-11', '2026-Q4', '2026', '2021-12', '2021', '2021-Q4'])
      expect(isStatsPeriod(ok, now)).toBe(true);
    for (const no of ['2026-12', '2027', '2027-Q1', '2021-11', '2020', '2021-Q3', 'x'])
      expect(isStatsPeriod(no, now)).toBe(false);
  });
});

describe('Rule: required and held counts (支部工作条例 2018, v1)', () => {
  const expected: Record<ComplianceKind, [number, number, number, number]> = {
    // month, quarter, half-year, year
    party_congress: [0, 1, 2, 4],
    committee_meeting: [1, 3, 6, 12],
    group_meeting: [1, 3, 6, 12],
    party_lecture: [0, 1, 2, 4],
    theme_day: [1, 3, 6, 12],
    life_meeting: [0, 0, 0, 1],
  };

  it('requires each kind as often as the rule says, in each period length', () => {
    for (const kind of COMPLIANCE_KINDS) {
      expect(['2026-11', '2026-Q4', '2026-H2', '2026'].map((p) => required(kind, period(p), v1))).toEqual(
        expected[kind],
      );
    }
  });

  it('adds up: a year requires what its quarters and its months require, wholly-contained periods only', () => {
    fc.assert(
      fc.property(kindArb, fc.integer({ min: 2019, max: 2099 }), (kind, year) => {
        const quarters = [1, 2, 3, 4].map((q) => required(kind, period(`${year}-Q${q}`), v1));
        const yearly = required(kind, period(String(year)), v1);
        if (v1.frequencies[kind] !== 'year' && v1.frequencies[kind] !== 'half_year') {
          expect(quarters.reduce((a, b) => a + b, 0)).toBe(yearly);
        }
        expect(yearly).toBe(12 / { month: 1, quarter: 3, half_year: 6, year: 12 }[v1.frequencies[kind]]);
      }),
    );
  });

  it('counts a frequency period once however many meetings it had, and never more than required', () => {
    fc.assert(
      fc.property(kindArb, periodArb, fc.func(fc.nat(3)), (kind, text, records) => {
        const p = period(text);
        const done = held(kind, p, v1, records);
        expect(done).toBeGreaterThanOrEqual(0);
        expect(done).toBeLessThanOrEqual(required(kind, p, v1));
        expect(held(kind, p, v1, () => 0)).toBe(0);
        expect(held(kind, p, v1, () => 2)).toBe(required(kind, p, v1));
      }),
    );
  });

  it('holds the quarter when any of its months had a recorded 党员大会', () => {
    const q4 = period('2026-Q4');
    expect(held('party_congress', q4, v1, (m) => (m === '2026-12' ? 1 : 0))).toBe(1);
    expect(held('committee_meeting', q4, v1, (m) => (m === '2026-12' ? 2 : 0))).toBe(1);
  });

  it('gives no rate when nothing was due, and rounds to 0.001', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(1, 3)).toBe(0.333);
    expect(rate(2, 3)).toBe(0.667);
  });
});

describe('Rule: versioned rules and a committee setting within the legal range', () => {
  it('uses v1 from October 2018 on (and for anything earlier: the oldest rule)', () => {
    expect(ruleFor('2026-11').version).toBe('v1');
    expect(ruleFor('2010-01')).toBe(FREQUENCY_RULES[0]);
  });

  it('applies a newer rule from its effective month only', () => {
    const v2 = { ...FREQUENCY_RULES[0]!, version: 'v2', effectiveFrom: '2027-01' };
    expect(ruleFor('2026-12', [], [...FREQUENCY_RULES, v2]).version).toBe('v1');
    expect(ruleFor('2027-01', [], [...FREQUENCY_RULES, v2]).version).toBe('v2');
  });

  it('lets a committee hold 党课 twice a year, names it in the version, and ignores choices outside the range', () => {
    const halfYear = { kind: 'party_lecture' as const, frequency: 'half_year' as const, effectiveFrom: '2026-01' };
    const rule = ruleFor('2026-07', [halfYear]);
    expect(rule.version).toBe('v1+party_lecture=half_year');
    expect(required('party_lecture', period('2026'), rule)).toBe(2);
    expect(ruleFor('2025-12', [halfYear]).version).toBe('v1');
    expect(ruleFor('2026-07', [{ kind: 'committee_meeting', frequency: 'year', effectiveFrom: '2026-01' }])).toBe(v1);
  });
});

describe('Rule: the period’s last week (Asia/Shanghai), for reminders', () => {
  const at = (wallClock: string) => Date.parse(fromShanghai(wallClock));

  it('is the last 7 days of the period’s last month, by the Shanghai date', () => {
    expect(inLastWeek(period('2026-11'), at('2026-11-24 00:00'))).toBe(true);
    expect(inLastWeek(period('2026-11'), at('2026-11-23 23:59'))).toBe(false);
    expect(inLastWeek(period('2026-11'), at('2026-11-30 23:59'))).toBe(true);
    expect(inLastWeek(period('2026-11'), at('2026-12-01 00:00'))).toBe(false);
    expect(inLastWeek(period('2028-02'), at('2028-02-23 08:00'))).toBe(true); // a leap February: 23rd–29th
    expect(inLastWeek(period('2026-Q4'), at('2026-11-28 12:00'))).toBe(false);
    expect(inLastWeek(period('2026'), at('2026-12-31 23:30'))).toBe(true);
  });

  it('holds exactly when a week later is already the next month', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        (date) => {
          const now = date.getTime();
          const month = periodOf('month', shanghaiMonth(now));
          expect(inLastWeek(month, now)).toBe(shanghaiMonth(now + 7 * 86_400_000) !== month.key);
        },
      ),
    );
  });

  it('asks about monthly kinds every month-end, the quarter’s, the year’s at their ends', () => {
    const keys = (due: { kind: string; period: Period }[]) => due.map((d) => `${d.kind}:${d.period.key}`);
    expect(keys(dueForReminder(at('2026-11-27 09:00'), v1))).toEqual([
      'committee_meeting:2026-11',
      'group_meeting:2026-11',
      'theme_day:2026-11',
    ]);
    expect(keys(dueForReminder(at('2026-12-28 09:00'), v1))).toEqual([
      'party_congress:2026-Q4',
      'committee_meeting:2026-12',
      'group_meeting:2026-12',
      'party_lecture:2026-Q4',
      'theme_day:2026-12',
      'life_meeting:2026',
    ]);
    expect(dueForReminder(at('2026-12-20 09:00'), v1)).toEqual([]);
  });
});

describe('Rule: statistics figures from month rows', () => {
  const rows = [
    { month: '2026-10', expected: 20, checkedIn: 15, late: 2, onLeave: 2, madeUp: 1, held_committee_meeting: 1 },
    { month: '2026-11', expected: 10, checkedIn: 9, needCheckout: 4, checkedOut: 3, held_party_congress: 2 },
    { month: '2026-12', meetings_night_study: 4, held_committee_meeting: 1 },
  ];

  it('counts attendance and 落实率 as the contract defines them', () => {
    const f = branchFigures(rows, period('2026-Q4'), v1);
    expect(f.attendance).toEqual({
      expected: 30,
      present: 24,
      late: 2,
      onLeave: 2,
      madeUp: 1,
      absent: 3,
      leftEarly: 1,
      manual: 0,
      rate: 0.8,
    });
    expect(f.byKind.committee_meeting).toEqual({ required: 3, held: 2, rate: 0.667, recorded: 2 });
    expect(f.byKind.party_congress).toEqual({ required: 1, held: 1, rate: 1, recorded: 2 });
    expect(f.byKind.life_meeting).toEqual({ required: 0, held: 0, rate: null, recorded: 0 });
    expect(f.meetings.night_study).toBe(4);
  });

  it('never shows a negative absence, and sums branches into the totals row', () => {
    const lone = branchFigures([{ month: '2026-11', checkedIn: 3 }], period('2026-11'), v1);
    expect(lone.attendance).toMatchObject({ absent: 0, rate: null });
    const empty = branchFigures([], period('2026-Q4'), v1);
    const sum = sumFigures([branchFigures(rows, period('2026-Q4'), v1), empty]);
    expect(sum.byKind.committee_meeting).toEqual({ required: 6, held: 2, rate: 0.333, recorded: 2 });
    expect(sum.attendance.present).toBe(24);
  });
});

import fc from 'fast-check';
import { monthsBetween, shiftMonth } from '../time';
import { BILL_BACK_MONTHS, billableMonth, checkMemberSelection, firstOwedMonth, prepayMonthList } from './months';
import { MAX_BACK_MONTHS, MAX_PREPAY_MONTHS } from './schemas';

const NOW = '2026-11';
const check = (months: string[], prepayMonths = 0, voluntaryFen = 0) =>
  checkMemberSelection({ months, currentMonth: NOW, prepayMonths, voluntaryFen });
const monthArb = fc
  .record({ year: fc.integer({ min: 2009, max: 2099 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);

describe('Rule: months a member may pay online', () => {
  it('needs a month, or at least a voluntary extra', () => {
    expect(check([])).toBe('DUES_NO_BILLS');
    expect(check([], 0, 100_000)).toBeNull();
    expect(check(['2026-11'])).toBeNull();
  });

  it('reaches back 6 months and no further', () => {
    expect(check(['2026-05', '2026-06', '2026-11'])).toBeNull();
    expect(check(['2026-04'])).toBe('DUES_ARREARS_TOO_OLD');
    expect(check(['2026-10', '2026-04'])).toBe('DUES_ARREARS_TOO_OLD');
    expect(
      checkMemberSelection({ months: ['2026-07'], currentMonth: '2027-01', prepayMonths: 0, voluntaryFen: 0 }),
    ).toBeNull();
    expect(
      checkMemberSelection({ months: ['2026-06'], currentMonth: '2027-01', prepayMonths: 0, voluntaryFen: 0 }),
    ).toBe('DUES_ARREARS_TOO_OLD');
  });

  it('refuses future months unless the branch allows prepayment, and then only as many as it allows', () => {
    expect(check(['2026-12'])).toBe('DUES_PREPAY_NOT_ALLOWED');
    expect(check(['2026-12'], 1)).toBeNull();
    expect(check(['2026-12', '2027-01'], 1)).toBe('DUES_TOO_MANY_MONTHS');
    expect(check(['2027-05'], 6)).toBeNull();
    expect(check(['2027-06'], 6)).toBe('DUES_TOO_MANY_MONTHS');
    // A setting beyond the legal maximum is held to it.
    expect(check(['2027-06'], 12)).toBe('DUES_TOO_MANY_MONTHS');
  });

  it('reports the oldest-month problem first', () => {
    expect(check(['2026-01', '2026-12'])).toBe('DUES_ARREARS_TOO_OLD');
  });

  it('throws on malformed months: they come from stored bills, so that is a bug', () => {
    expect(() => check(['2026-13'])).toThrow();
    expect(() =>
      checkMemberSelection({ months: [], currentMonth: '2026-1', prepayMonths: 0, voluntaryFen: 0 }),
    ).toThrow();
  });

  it('accepts exactly the window from 6 back to the allowed prepayment ahead', () => {
    fc.assert(
      fc.property(
        monthArb,
        fc.array(fc.integer({ min: -12, max: 12 }), { minLength: 1, maxLength: 13 }),
        fc.integer({ min: 0, max: 10 }),
        (current, offsets, prepay) => {
          const error = checkMemberSelection({
            months: offsets.map((o) => shiftMonth(current, o)),
            currentMonth: current,
            prepayMonths: prepay,
            voluntaryFen: 0,
          });
          const allowed = Math.min(prepay, MAX_PREPAY_MONTHS);
          const ok = offsets.every((o) => o >= -MAX_BACK_MONTHS && o <= allowed);
          expect(error === null).toBe(ok);
        },
      ),
    );
  });
});

describe('Rule: prepayment months and billable months', () => {
  it('lists the next months, across the year end', () => {
    expect(prepayMonthList('2026-11', 3)).toEqual(['2026-12', '2027-01', '2027-02']);
    expect(prepayMonthList('2026-11', 0)).toEqual([]);
    expect(prepayMonthList('2026-11', -2)).toEqual([]);
  });

  it('lists consecutive months right after the current one', () => {
    fc.assert(
      fc.property(monthArb, fc.integer({ min: 0, max: 12 }), (current, count) => {
        const list = prepayMonthList(current, count);
        expect(list).toHaveLength(count);
        expect(list.map((month) => monthsBetween(current, month))).toEqual(list.map((_, i) => i + 1));
      }),
    );
  });

  it('issues bills from 12 months back to the allowed months ahead', () => {
    expect(billableMonth('2025-11', NOW, 0)).toBe(true);
    expect(billableMonth('2025-10', NOW, 0)).toBe(false);
    expect(billableMonth('2026-11', NOW, 0)).toBe(true);
    expect(billableMonth('2026-12', NOW, 0)).toBe(false);
    expect(billableMonth('2027-05', NOW, 6)).toBe(true);
    expect(billableMonth('2027-06', NOW, 6)).toBe(false);
    expect(billableMonth('2026-13', NOW, 6)).toBe(false);
    expect(billableMonth('x', NOW, 6)).toBe(false);
    fc.assert(
      fc.property(monthArb, fc.integer({ min: -30, max: 30 }), fc.integer({ min: 0, max: 6 }), (current, by, ahead) => {
        expect(billableMonth(shiftMonth(current, by), current, ahead)).toBe(by >= -BILL_BACK_MONTHS && by <= ahead);
      }),
    );
  });
});

describe('Rule: dues are owed from the month of admission', () => {
  it('takes the month of a calendar date as written', () => {
    expect(firstOwedMonth('2026-11-01')).toBe('2026-11');
    expect(firstOwedMonth('2026-11-30')).toBe('2026-11');
  });

  it('takes the Shanghai month of an instant', () => {
    expect(firstOwedMonth('2026-11-30T16:30:00Z')).toBe('2026-12'); // 00:30 on 1 December in Shanghai
    expect(firstOwedMonth('2026-11-30T15:59:59.000Z')).toBe('2026-11');
    expect(firstOwedMonth('2026-12-01T00:10:00+08:00')).toBe('2026-12');
  });

  it('rejects what is not a date', () => {
    expect(() => firstOwedMonth('2026-13-01')).toThrow();
    expect(() => firstOwedMonth('yesterday')).toThrow();
  });
});

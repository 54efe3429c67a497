import fc from 'fast-check';
import { shiftMonth } from '../time';
import { ARREARS_WARNINGS, arrearsLevel, arrearsWarning, type BillState, unpaidRun } from './arrears';

const bill = (month: string, paid = false, amountFen = 8_100): BillState => ({ month, paid, amountFen });

describe('Rule: consecutive unpaid months (自行脱党 after six)', () => {
  it('counts back from the latest billed month until a paid one', () => {
    const bills = [bill('2026-06', true), bill('2026-07'), bill('2026-08'), bill('2026-09')];
    expect(unpaidRun(bills, '2026-11')).toEqual({ months: ['2026-07', '2026-08', '2026-09'], owedFen: 24_300 });
  });

  it('is empty when the latest billed month is paid, whatever came before', () => {
    expect(unpaidRun([bill('2026-01'), bill('2026-02'), bill('2026-03', true)], '2026-11')).toEqual({
      months: [],
      owedFen: 0,
    });
    expect(unpaidRun([], '2026-11')).toEqual({ months: [], owedFen: 0 });
  });

  it('ignores bills after uptoMonth, in any input order', () => {
    const bills = [bill('2026-12'), bill('2026-10'), bill('2026-09', true), bill('2026-11')];
    expect(unpaidRun(bills, '2026-11').months).toEqual(['2026-10', '2026-11']);
    expect(unpaidRun(bills, '2026-10').months).toEqual(['2026-10']);
    expect(unpaidRun(bills, '2026-09').months).toEqual([]);
  });

  it('lets a month without a bill neither break nor extend the run', () => {
    // 2026-08 exempt (no bill): 07 and 09 are still consecutive arrears, and 08 is not counted.
    const bills = [bill('2026-06', true), bill('2026-07'), bill('2026-09'), bill('2026-10')];
    expect(unpaidRun(bills, '2026-11').months).toEqual(['2026-07', '2026-09', '2026-10']);
    // A gap after a paid month is skipped: the paid month still ends the run.
    expect(unpaidRun([bill('2026-05'), bill('2026-06', true), bill('2026-08')], '2026-11').months).toEqual(['2026-08']);
  });

  it('sums what is owed in fen, and counts a twice-billed month paid when either bill is', () => {
    const bills = [bill('2026-09', false, 20), bill('2026-10', false, 23_000), bill('2026-11', false, 1)];
    expect(unpaidRun(bills, '2026-11').owedFen).toBe(23_021);
    expect(unpaidRun([bill('2026-10'), bill('2026-11'), bill('2026-11', true)], '2026-11').months).toEqual([]);
  });

  it('is a suffix of the billed months, all unpaid, preceded by a paid month or nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.integer({ min: 1, max: 3 }), paid: fc.boolean(), fen: fc.nat(30_000) }), {
          maxLength: 30,
        }),
        fc.integer({ min: 0, max: 60 }),
        (steps, upto) => {
          let month = '2020-01';
          const bills = steps.map((s) => {
            month = shiftMonth(month, s.gap);
            return bill(month, s.paid, s.fen);
          });
          const uptoMonth = shiftMonth('2020-01', upto);
          const billed = bills.filter((b) => b.month <= uptoMonth);
          const run = unpaidRun(bills, uptoMonth);
          const tail = billed.slice(billed.length - run.months.length);
          expect(tail.map((b) => b.month)).toEqual(run.months);
          expect(tail.every((b) => !b.paid)).toBe(true);
          const before = billed[billed.length - run.months.length - 1];
          expect(before === undefined || before.paid).toBe(true);
          expect(run.owedFen).toBe(tail.reduce((sum, b) => sum + b.amountFen, 0));
        },
      ),
    );
  });
});

describe('Rule: arrears warnings at 3 and 5 months, lapse at 6', () => {
  it('levels by run length', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 24].map(arrearsLevel)).toEqual([null, null, null, 3, 3, 5, 6, 6, 6]);
    expect(ARREARS_WARNINGS).toEqual([3, 5]);
  });

  it('never falls as the run grows', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(arrearsLevel(lo) ?? 0).toBeLessThanOrEqual(arrearsLevel(hi) ?? 0);
      }),
    );
  });

  it('warns the member in plain words', () => {
    expect(arrearsWarning({ months: ['2026-10', '2026-11'], owedFen: 16_200 })).toBeNull();
    expect(arrearsWarning({ months: ['2026-09', '2026-10', '2026-11'], owedFen: 24_300 })).toEqual({
      code: 'DUES_ARREARS_3',
      message: '已连续 3 个月未交纳党费（2026-09 起，共 243.00 元），请尽快补交。连续六个月不交纳党费将按党章处理。',
    });
    const six = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
    expect(arrearsWarning({ months: six, owedFen: 48_600 })?.code).toBe('DUES_ARREARS_6');
    expect(arrearsWarning({ months: six.slice(1), owedFen: 40_500 })?.code).toBe('DUES_ARREARS_5');
  });
});

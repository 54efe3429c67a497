import fc from 'fast-check';
import { duesPaidThrough, unpaidSummary } from './dues-through';

const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

describe('duesPaidThrough', () => {
  it('is the last month of the unbroken paid run from the start', () => {
    expect(
      duesPaidThrough([
        { month: '2026-03', paid: true },
        { month: '2026-01', paid: true },
        { month: '2026-02', paid: true },
      ]),
    ).toBe('2026-03');
  });

  it('stops before the first unpaid month, whatever was paid after it', () => {
    expect(
      duesPaidThrough([
        { month: '2026-01', paid: true },
        { month: '2026-02', paid: false },
        { month: '2026-03', paid: true },
      ]),
    ).toBe('2026-01');
  });

  it('is null when nothing was paid, or the very first bill is unpaid', () => {
    expect(duesPaidThrough([])).toBeNull();
    expect(duesPaidThrough([{ month: '2026-01', paid: false }])).toBeNull();
    expect(
      duesPaidThrough([
        { month: '2026-01', paid: false },
        { month: '2026-02', paid: true },
      ]),
    ).toBeNull();
  });

  it('skips months without a bill', () => {
    expect(
      duesPaidThrough([
        { month: '2026-01', paid: true },
        { month: '2026-04', paid: true },
      ]),
    ).toBe('2026-04');
  });

  it('every bill up to the answer is paid, and the bill after it (if any) is not', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ month: fc.constantFrom(...months), paid: fc.boolean() }), {
          selector: (bill) => bill.month,
        }),
        (bills) => {
          const through = duesPaidThrough(bills);
          const sorted = [...bills].sort((a, b) => a.month.localeCompare(b.month));
          if (through === null) {
            expect(sorted[0]?.paid ?? false).toBe(false);
            return;
          }
          expect(sorted.filter((bill) => bill.month <= through).every((bill) => bill.paid)).toBe(true);
          expect(bills.some((bill) => bill.month === through && bill.paid)).toBe(true);
          const next = sorted.find((bill) => bill.month > through);
          if (next) expect(next.paid).toBe(false);
        },
      ),
    );
  });

  it('does not depend on the order the bills come in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ month: fc.constantFrom(...months), paid: fc.boolean() }), {
          selector: (bill) => bill.month,
        }),
        (bills) => {
          expect(duesPaidThrough([...bills].reverse())).toBe(duesPaidThrough(bills));
        },
      ),
    );
  });
});

describe('unpaidSummary', () => {
  it('counts the unpaid bills, oldest month first, and their total in fen', () => {
    expect(
      unpaidSummary([
        { month: '2026-03', paid: false, amountFen: 8100 },
        { month: '2026-01', paid: false, amountFen: 8100 },
        { month: '2026-02', paid: true, amountFen: 8100 },
      ]),
    ).toEqual({ count: 2, months: ['2026-01', '2026-03'], totalFen: 16_200 });
    expect(unpaidSummary([])).toEqual({ count: 0, months: [], totalFen: 0 });
  });
});

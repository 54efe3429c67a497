import fc from 'fast-check';
import { baseInForce } from './base-in-force';

const month = fc
  .integer({ min: 0, max: 59 })
  .map((n) => `${2024 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`);
const base = fc.record({
  fromMonth: month,
  decidedAt: fc.integer({ min: 0, max: 1e6 }).map((n) => new Date(1.7e12 + n * 1000).toISOString()),
});

describe('baseInForce', () => {
  it('takes the latest from-month not after the month, and of equals the later decision', () => {
    const a = { fromMonth: '2026-01', decidedAt: '2026-01-05T00:00:00Z', id: 'a' };
    const b = { fromMonth: '2026-07', decidedAt: '2026-07-02T00:00:00Z', id: 'b' };
    const c = { fromMonth: '2026-07', decidedAt: '2026-07-09T00:00:00Z', id: 'c' };
    expect(baseInForce([a, b, c], '2026-06')?.id).toBe('a');
    expect(baseInForce([c, a, b], '2026-07')?.id).toBe('c');
    expect(baseInForce([a], '2025-12')).toBeNull();
    expect(baseInForce([a], '2027-03')?.id).toBe('a');
  });

  it('never picks a base from after the month, and the answer does not depend on the order given', () => {
    fc.assert(
      fc.property(fc.array(base, { maxLength: 8 }), month, (bases, m) => {
        const found = baseInForce(bases, m);
        if (found) expect(found.fromMonth <= m).toBe(true);
        else expect(bases.every((b) => b.fromMonth > m)).toBe(true);
        const reversed = baseInForce([...bases].reverse(), m);
        expect(reversed?.fromMonth).toBe(found?.fromMonth);
        expect(reversed?.decidedAt).toBe(found?.decidedAt);
      }),
    );
  });
});

import fc from 'fast-check';
import { isRecentMonth, monthRange, monthsBetween, shanghaiMonth, shiftMonth } from './time';

/** 2026-11-23 10:00 in Shanghai (02:00 UTC). */
const NOW = Date.parse('2026-11-23T02:00:00Z');

describe('Rule: business months (Asia/Shanghai)', () => {
  it('takes the month of the Shanghai date, not the UTC one', () => {
    expect(shanghaiMonth(Date.parse('2026-11-30T16:30:00Z'))).toBe('2026-12'); // 00:30 on 1 December
    expect(shanghaiMonth(Date.parse('2026-11-30T15:59:59Z'))).toBe('2026-11');
  });

  it('bounds a month by its Shanghai midnights, in UTC ISO like stored startAt', () => {
    expect(monthRange('2026-11')).toEqual({ from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    expect(monthRange('2028-02').to).toBe('2028-02-29T16:00:00.000Z');
  });

  it('counts and shifts whole months, across years', () => {
    expect(monthsBetween('2026-11', '2027-01')).toBe(2);
    expect(monthsBetween('2024-11', '2026-11')).toBe(24);
    expect(monthsBetween('2026-12', '2026-11')).toBe(-1);
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  });

  it('accepts the current month and the 24 before it, nothing later, earlier or malformed', () => {
    expect(isRecentMonth('2026-11', NOW)).toBe(true);
    expect(isRecentMonth('2024-11', NOW)).toBe(true);
    expect(isRecentMonth('2024-10', NOW)).toBe(false);
    expect(isRecentMonth('2026-12', NOW)).toBe(false);
    for (const bad of ['2026-13', '2026-00', '2026-1', '202611', '2026-11-01', '', 'abcd-ef', ' 2026-11']) {
      expect(isRecentMonth(bad, NOW)).toBe(false);
    }
  });

  it('keeps every instant of a month inside its range, and the next month outside', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2099-12-31') }), (ms) => {
        const { from, to } = monthRange(shanghaiMonth(ms));
        expect(Date.parse(from)).toBeLessThanOrEqual(ms);
        expect(Date.parse(to)).toBeGreaterThan(ms);
        expect(shanghaiMonth(Date.parse(to))).not.toBe(shanghaiMonth(ms));
        expect(shanghaiMonth(Date.parse(to) - 1)).toBe(shanghaiMonth(ms));
      }),
    );
  });

  it('undoes a shift by shifting back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -300, max: 300 }),
        (y, m, by) => {
          const month = `${y}-${String(m).padStart(2, '0')}`;
          expect(shiftMonth(shiftMonth(month, by), -by)).toBe(month);
          expect(monthsBetween(month, shiftMonth(month, by))).toBe(by);
        },
      ),
    );
  });
});

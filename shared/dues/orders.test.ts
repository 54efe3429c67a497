import fc from 'fast-check';
import { OUT_TRADE_NO_PATTERN, OUT_TRADE_NO_RANDOM_MAX, orderTotal, outTradeNo } from './orders';

describe('Rule: order totals', () => {
  it('adds the bills and the voluntary extra in fen', () => {
    expect(orderTotal([{ amountFen: 8_100 }, { amountFen: 8_100 }], 0)).toBe(16_200);
    expect(orderTotal([], 100_000)).toBe(100_000);
    expect(orderTotal([{ amountFen: 20 }], 30)).toBe(50);
  });

  it('rejects fractions and negatives instead of summing them', () => {
    expect(() => orderTotal([{ amountFen: 0.1 }], 0)).toThrow();
    expect(() => orderTotal([{ amountFen: -1 }], 0)).toThrow();
    expect(() => orderTotal([], -5)).toThrow();
  });

  it('equals the exact sum of the bills plus the extra', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 13 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (amounts, voluntary) => {
          const exact = amounts.reduce((sum, fen) => sum + BigInt(fen), BigInt(voluntary));
          expect(
            BigInt(
              orderTotal(
                amounts.map((amountFen) => ({ amountFen })),
                voluntary,
              ),
            ),
          ).toBe(exact);
        },
      ),
    );
  });
});

describe('Rule: out_trade_no (WeChat Pay v3: 6–32 characters)', () => {
  const NOW = Date.parse('2026-11-23T02:00:00Z'); // 10:00 in Shanghai

  it('is DF, the Shanghai time and the random part', () => {
    expect(outTradeNo(NOW, 'a1B2_c3-')).toBe('DF20261123100000a1B2_c3-');
    // 23:30 UTC on 30 November is already 1 December in Shanghai.
    expect(outTradeNo(Date.parse('2026-11-30T16:30:05Z'), 'x')).toBe('DF20261201003005x');
  });

  it('fits in 32 characters, cutting a long random part', () => {
    const full = outTradeNo(NOW, 'abcdefghijklmnop');
    expect(full).toHaveLength(32);
    expect(outTradeNo(NOW, 'abcdefghijklmnopqrstuvwxyz')).toBe(full);
    expect(OUT_TRADE_NO_RANDOM_MAX).toBe(16);
  });

  it('refuses characters WeChat or our pattern would not take', () => {
    for (const bad of ['', 'a b', '订单', 'a/b', 'a|b']) expect(() => outTradeNo(NOW, bad)).toThrow();
    expect(() => outTradeNo(Number.NaN, 'abc')).toThrow();
  });

  it('always matches the 6–32 character pattern', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
        (date, random) => {
          const no = outTradeNo(date.getTime(), random);
          expect(no).toMatch(OUT_TRADE_NO_PATTERN);
          expect(no.length).toBeLessThanOrEqual(32);
          expect(no.startsWith('DF')).toBe(true);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import {
  isExpired,
  LETTER_VALIDITY_RULES,
  letterNumber,
  letterYear,
  validityDays,
  validityRuleFor,
  validUntil,
} from './letter';

describe('介绍信', () => {
  it('numbers as 象医党转〔2026〕第012号, at least three digits', () => {
    expect(letterNumber('象医党转', 2026, 12)).toBe('象医党转〔2026〕第012号');
    expect(letterNumber('象医党转', 2026, 1234)).toBe('象医党转〔2026〕第1234号');
    expect(() => letterNumber('象医党转', 2026, 0)).toThrow(RangeError);
  });

  it('distinct sequences give distinct numbers within a year', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 99_999 }), { maxLength: 50 }), (seqs) => {
        const numbers = seqs.map((n) => letterNumber('象医党转', 2026, n));
        expect(new Set(numbers).size).toBe(seqs.length);
      }),
    );
  });

  it('counts the year and the validity on the Shanghai calendar', () => {
    // 2026-12-31 20:00 UTC is already 2027-01-01 in Shanghai.
    expect(letterYear('2026-12-31T20:00:00Z')).toBe(2027);
    // Issued 2026-11-24 (Shanghai) for 90 days: valid through 2027-02-22 23:59:59.999 +08:00.
    expect(validUntil('2026-11-24T02:00:00Z', 90)).toBe('2027-02-22T15:59:59.999Z');
    expect(isExpired('2027-02-22T15:59:59.999Z', Date.parse('2027-02-22T15:59:59.999Z'))).toBe(false);
    expect(isExpired('2027-02-22T15:59:59.999Z', Date.parse('2027-02-22T16:00:00.000Z'))).toBe(true);
  });

  it('takes the rule’s default validity, or a committee’s choice within the legal range', () => {
    const rule = validityRuleFor('2026-11');
    expect(rule).toBe(LETTER_VALIDITY_RULES[0]);
    expect(validityDays(rule, null)).toBe(90);
    expect(validityDays(rule, 30)).toBe(30);
    expect(() => validityDays(rule, 365)).toThrow(RangeError);
    expect(() => validityDays(rule, 5)).toThrow(RangeError);
  });

  it('a letter is valid for at least its days and expires the day after its last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e11 }), fc.integer({ min: 10, max: 180 }), (offset, days) => {
        const issued = 1.6e12 + offset;
        const until = Date.parse(validUntil(issued, days));
        expect(until - issued).toBeGreaterThanOrEqual(days * 86_400_000 - 1);
        expect(until - issued).toBeLessThan((days + 1) * 86_400_000);
        expect(isExpired(validUntil(issued, days), until + 1)).toBe(true);
      }),
    );
  });
});

import fc from 'fast-check';
import { activityRefusalLimit, fixedWindow, RATE_LIMITS } from './rate-limits';

describe('Function: fixedWindow', () => {
  it('puts every instant in the window that contains it, and Retry-After reaches its end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.constantFrom(...Object.values(RATE_LIMITS)),
        (now, rule) => {
          const { start, retryAfterSeconds } = fixedWindow(rule, now);
          const size = rule.windowSeconds * 1000;
          expect(start).toBeLessThanOrEqual(now);
          expect(now).toBeLessThan(start + size);
          expect(start % size).toBe(0);
          expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
          expect(retryAfterSeconds).toBeLessThanOrEqual(rule.windowSeconds);
          expect(now + retryAfterSeconds * 1000).toBeGreaterThanOrEqual(start + size);
        },
      ),
    );
  });
});

describe('Function: activityRefusalLimit', () => {
  it('never falls below the rule and grows with the branch, so a whole branch can retry', () => {
    fc.assert(
      fc.property(fc.nat(100_000), (members) => {
        const limit = activityRefusalLimit(members);
        expect(limit).toBeGreaterThanOrEqual(RATE_LIMITS.checkinRefusalsPerActivity.limit);
        expect(limit).toBeGreaterThanOrEqual(3 * members);
      }),
    );
  });
});

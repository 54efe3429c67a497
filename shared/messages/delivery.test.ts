import fc from 'fast-check';
import { afterFailure, DELIVERY, pageOf, retryDelaySeconds, templateData, thing, verdictOf } from './delivery';

const attempts = fc.integer({ min: 1, max: DELIVERY.maxAttempts + 5 });
const random = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('Rule: delivery backoff', () => {
  it('waits 30 s after the first failure, doubling each time up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 12].map((a) => retryDelaySeconds(a, 0))).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3600, 3600,
    ]);
  });

  it('waits at least the base delay and at most the cap plus its jitter', () => {
    fc.assert(
      fc.property(attempts, random, (attempt, r) => {
        const base = Math.min(DELIVERY.maxDelaySeconds, DELIVERY.baseDelaySeconds * 2 ** (attempt - 1));
        const delay = retryDelaySeconds(attempt, r);
        expect(delay).toBeGreaterThanOrEqual(base);
        expect(delay).toBeLessThanOrEqual(Math.round(base * (1 + DELIVERY.jitter)));
      }),
    );
  });

  it('never waits less after a later failure (same jitter)', () => {
    fc.assert(
      fc.property(attempts, random, (attempt, r) => {
        expect(retryDelaySeconds(attempt + 1, r)).toBeGreaterThanOrEqual(retryDelaySeconds(attempt, r));
      }),
    );
  });

  it('retries in the future until the last attempt, then gives up; all retries end within ~2 hours', () => {
    fc.assert(
      fc.property(fc.array(random, { minLength: DELIVERY.maxAttempts, maxLength: DELIVERY.maxAttempts }), (rs) => {
        let now = 0;
        let tries = 0;
        for (const r of rs) {
          tries += 1;
          const next = afterFailure(tries, now, r);
          if (!next.retry) break;
          expect(next.atMs).toBeGreaterThan(now);
          now = next.atMs;
        }
        expect(tries).toBe(DELIVERY.maxAttempts);
        expect(now).toBeLessThanOrEqual(2 * 3600_000);
      }),
    );
  });
});

describe('Rule: what WeChat’s answer means', () => {
  it.each([
    [0, 'sent'],
    [undefined, 'sent'],
    [40001, 'token'],
    [42001, 'token'],
    [43101, 'permanent'],
    [40003, 'permanent'],
    [47003, 'permanent'],
    [-1, 'retry'],
    [45009, 'retry'],
    [99999, 'retry'],
  ])('errcode %s → %s', (errcode, verdict) => {
    expect(verdictOf(errcode)).toBe(verdict);
  });
});

describe('Rule: subscribe message content', () => {
  it('keeps thing values within 20 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        expect(Array.from(thing(text)).length).toBeLessThanOrEqual(20);
      }),
    );
    expect(thing('关于按时足额交纳本季度党费的通知和其他事项说明')).toBe('关于按时足额交纳本季度党费的通知和其他…');
  });

  it('fills the template with the title, the subject and the Shanghai time', () => {
    const data = templateData({ title: '阅读提醒', body: '请阅读：通知', createdAt: '2026-11-24T11:00:00.000Z' });
    expect(data).toEqual({
      thing1: { value: '阅读提醒' },
      thing2: { value: '请阅读：通知' },
      time3: { value: '2026年11月24日 19:00' },
    });
  });

  it('opens the notice a message is about, or the inbox, with the message id', () => {
    expect(pageOf({ id: 'nt-n1', ref: { type: 'notice', id: 'n1' } })).toBe(
      'pages/notices/detail/index?id=n1&message=nt-n1',
    );
    expect(pageOf({ id: 'm1', ref: null })).toBe('pages/notices/messages/index?message=m1');
    expect(pageOf({ id: 'ns-a1', ref: { type: 'activity', id: 'a1' } })).toBe(
      'pages/meetings/detail/index?id=a1&message=ns-a1',
    );
  });
});

import fc from 'fast-check';
import { DomainError } from '../errors';
import { type AttendeeFacts, boardStatus, countsDelta, countsOf } from './attendee';
import {
  checkoutWindow,
  MAKEUP_DAYS,
  makeupWindow,
  withCheckin,
  withCheckout,
  withLeaveDecision,
  withLeaveRequest,
  withMakeup,
} from './attendee-rules';

const START = '2026-11-24T11:00:00.000Z'; // 19:00 in Shanghai
const END = '2026-11-24T13:00:00.000Z';
const startMs = Date.parse(START);
const endMs = Date.parse(END);
const meeting = { startAt: START, endAt: END, materialItemIds: ['s1', 's2'] };
const iso = (ms: number) => new Date(ms).toISOString();

type Fact =
  | { kind: 'checkin'; late: boolean }
  | { kind: 'checkout' }
  | { kind: 'leave' }
  | { kind: 'decide'; approve: boolean }
  | { kind: 'makeup' };

const fact: fc.Arbitrary<Fact> = fc.oneof(
  fc.record({ kind: fc.constant('checkin' as const), late: fc.boolean() }),
  fc.constant({ kind: 'checkout' as const }),
  fc.constant({ kind: 'leave' as const }),
  fc.record({ kind: fc.constant('decide' as const), approve: fc.boolean() }),
  fc.constant({ kind: 'makeup' as const }),
);

/** Applies a fact as the service would (refusals leave the attendee as it was). */
function apply(before: AttendeeFacts, next: Fact): AttendeeFacts {
  try {
    const after = (() => {
      switch (next.kind) {
        case 'checkin':
          return withCheckin(before, { id: 'c', at: iso(startMs + 60_000), late: next.late });
        case 'checkout':
          return withCheckout(before, iso(endMs));
        case 'leave':
          return withLeaveRequest(before, { id: 'l', reason: '出差', requestedAt: iso(startMs - 3600_000) }, START);
        case 'decide':
          return withLeaveDecision(before, { approve: next.approve, at: iso(startMs), by: 's', byName: '书记' });
        case 'makeup':
          return withMakeup(
            before,
            meeting,
            new Map([
              ['s1', iso(startMs + 1)],
              ['s2', iso(endMs + 1)],
            ]),
            endMs + 3600_000,
          );
      }
    })();
    return after === 'unchanged' ? before : after;
  } catch (error) {
    if (error instanceof DomainError) return before;
    throw error;
  }
}

describe('Rule: an attendee sits in exactly one counter, and deltas add up to a recount', () => {
  it('holds for any sequence of facts on many attendees', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fact, { maxLength: 8 }), { minLength: 1, maxLength: 20 }), (histories) => {
        const totals = { checkedIn: 0, late: 0, onLeave: 0, madeUp: 0, checkedOut: 0, manual: 0 };
        const finals: AttendeeFacts[] = [];
        for (const history of histories) {
          let facts: AttendeeFacts = {};
          for (const next of history) {
            const after = apply(facts, next);
            for (const [key, change] of Object.entries(countsDelta(facts, after))) {
              totals[key as keyof typeof totals] += change ?? 0;
            }
            facts = after;
          }
          finals.push(facts);
        }
        const recount = finals.map(countsOf);
        for (const key of Object.keys(totals) as (keyof typeof totals)[]) {
          expect(totals[key]).toBe(recount.reduce((sum, counts) => sum + counts[key], 0));
        }
        for (const counts of recount) expect(counts.checkedIn + counts.onLeave + counts.madeUp).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('Rule: the facts of one member', () => {
  it('a leave is asked before the start only, once, and not after checking in', () => {
    const ask = (at: number) => withLeaveRequest({}, { id: 'l', reason: '值班', requestedAt: iso(at) }, START);
    expect(ask(startMs - 1)).toMatchObject({ leave: { status: 'pending' } });
    expect(() => ask(startMs)).toThrow(expect.objectContaining({ code: 'LEAVE_TOO_LATE' }));
    const asked = ask(startMs - 1) as AttendeeFacts;
    expect(withLeaveRequest(asked, { id: 'l2', reason: 'x', requestedAt: iso(startMs - 2) }, START)).toBe('unchanged');
    expect(() =>
      withLeaveRequest({ at: START }, { id: 'l', reason: 'x', requestedAt: iso(startMs - 1) }, START),
    ).toThrow(expect.objectContaining({ code: 'LEAVE_AFTER_CHECKIN' }));
  });

  it('a leave is decided once', () => {
    const asked = withLeaveRequest(
      {},
      { id: 'l', reason: '值班', requestedAt: iso(startMs - 1) },
      START,
    ) as AttendeeFacts;
    const decided = withLeaveDecision(asked, { approve: true, at: START, by: 's', byName: '书记' });
    expect(bucketFor(decided)).toBe('on_leave');
    expect(() => withLeaveDecision(decided, { approve: false, at: START, by: 's', byName: '书记' })).toThrow(
      expect.objectContaining({ code: 'LEAVE_ALREADY_DECIDED' }),
    );
  });

  it('签退 needs a check-in; without one by the end a member who checked in left early', () => {
    expect(() => withCheckout({}, END)).toThrow(expect.objectContaining({ code: 'CHECKOUT_WITHOUT_CHECKIN' }));
    const inside = { at: START, late: false };
    expect(boardStatus(inside, { endAt: END, requireCheckout: true }, endMs + 1)).toBe('left_early');
    expect(boardStatus(inside, { endAt: END, requireCheckout: true }, endMs)).toBe('checked_in');
    expect(boardStatus(inside, { endAt: END, requireCheckout: false }, endMs + 1)).toBe('checked_in');
    const out = withCheckout(inside, END) as AttendeeFacts;
    expect(boardStatus(out, { endAt: END, requireCheckout: true }, endMs + 1)).toBe('checked_in');
    expect(checkoutWindow(START, END, startMs - 1)).toBe('not_open');
    expect(checkoutWindow(START, END, endMs + 30 * 60_000)).toBe('open');
    expect(checkoutWindow(START, END, endMs + 30 * 60_000 + 1)).toBe('closed');
  });

  it('补学 opens at the end and closes 7 days later, and needs every item studied after the start', () => {
    const done = new Map([
      ['s1', iso(startMs + 1)],
      ['s2', iso(startMs + 2)],
    ]);
    fc.assert(
      fc.property(fc.integer({ min: -86_400_000, max: (MAKEUP_DAYS + 1) * 86_400_000 }), (offset) => {
        const now = endMs + offset;
        const window = makeupWindow(END, now);
        expect(window).toBe(offset <= 0 ? 'not_open' : offset > MAKEUP_DAYS * 86_400_000 ? 'expired' : 'open');
        if (window === 'open') expect(withMakeup({}, meeting, done, now)).toMatchObject({ madeUpAt: iso(now) });
      }),
    );
    const early = new Map([
      ['s1', iso(startMs - 1)],
      ['s2', iso(startMs + 2)],
    ]);
    expect(() => withMakeup({}, meeting, early, endMs + 1)).toThrow(
      expect.objectContaining({ code: 'MAKEUP_INCOMPLETE' }),
    );
    expect(() => withMakeup({ at: START }, meeting, done, endMs + 1)).toThrow(
      expect.objectContaining({ code: 'MAKEUP_NOT_NEEDED' }),
    );
    expect(() => withMakeup({}, { ...meeting, materialItemIds: [] }, done, endMs + 1)).toThrow(
      expect.objectContaining({ code: 'MAKEUP_NO_MATERIAL' }),
    );
  });
});

function bucketFor(facts: AttendeeFacts) {
  return boardStatus(facts, { endAt: END }, endMs + 1);
}

import fc from 'fast-check';
import {
  canComplete,
  creditBeat,
  creditedSeconds,
  MAX_HEARTBEAT_GAP_SECONDS,
  SESSION_LIFETIME_HOURS,
  type StudyClock,
  sessionOpen,
  startClock,
} from './heartbeat';

const S = 1000;
const START = Date.parse('2026-11-24T11:00:00Z');

/** Runs beats (server arrival time, visible) through the rule from a session started at START. */
function run(beats: readonly { atMs: number; visible: boolean }[]): StudyClock {
  return beats.reduce((clock, beat) => creditBeat(clock, beat.atMs, beat.visible), startClock(START));
}

describe('Rule: heartbeat crediting', () => {
  it('credits the time between visible heartbeats up to 30 s apart', () => {
    const clock = run([
      { atMs: START + 15 * S, visible: true },
      { atMs: START + 30 * S, visible: true },
      { atMs: START + 60 * S, visible: true },
    ]);
    expect(clock.creditedMs).toBe(60 * S);
    expect(creditedSeconds(clock)).toBe(60);
    expect(canComplete(clock, 60)).toBe(true);
    expect(canComplete(clock, 61)).toBe(false);
  });

  it('credits nothing for a gap over 30 s, a hidden page, or a beat older than the last', () => {
    expect(run([{ atMs: START + 31 * S, visible: true }]).creditedMs).toBe(0);
    expect(run([{ atMs: START + 10 * S, visible: false }]).creditedMs).toBe(0);
    // Hidden at 10 s, back at 20 s: the interval after the hidden beat is not credited either.
    const hidden = run([
      { atMs: START + 10 * S, visible: false },
      { atMs: START + 20 * S, visible: true },
      { atMs: START + 35 * S, visible: true },
    ]);
    expect(hidden.creditedMs).toBe(15 * S);
    const racing = creditBeat(
      { creditedMs: 5 * S, lastBeatMs: START + 20 * S, lastVisible: true },
      START + 19 * S,
      true,
    );
    expect(racing).toEqual({ creditedMs: 5 * S, lastBeatMs: START + 20 * S, lastVisible: true });
  });

  it('gains nothing from heartbeats sent faster: ten a second for a minute credit one minute', () => {
    const beats = Array.from({ length: 600 }, (_, i) => ({ atMs: START + (i + 1) * 100, visible: true }));
    expect(run(beats).creditedMs).toBe(60 * S);
  });

  const step = fc.record({
    /** Server time since the previous beat; 0 (two at once) and far over 30 s included. */
    gapMs: fc.oneof(fc.integer({ min: 0, max: 40 * S }), fc.integer({ min: 0, max: 3_600 * S })),
    visible: fc.boolean(),
    /** Whatever the client claims the time is: the rule has no input for it, so it cannot matter. */
    clientMs: fc.integer(),
  });

  it('never credits more than the server-clock time between visible heartbeats, whatever the sequence', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        let at = START;
        let clock = startClock(START);
        let visibleServerTime = 0;
        let previousVisible = true;
        for (const { gapMs, visible } of steps) {
          at += gapMs;
          const before = clock.creditedMs;
          clock = creditBeat(clock, at, visible);
          const credited = clock.creditedMs - before;
          // Each interval credits at most its own server time, only when both ends were visible, ≤ 30 s.
          expect(credited).toBeGreaterThanOrEqual(0);
          expect(credited).toBeLessThanOrEqual(Math.min(gapMs, MAX_HEARTBEAT_GAP_SECONDS * S));
          if (!(visible && previousVisible)) expect(credited).toBe(0);
          if (visible && previousVisible) visibleServerTime += gapMs;
          previousVisible = visible;
        }
        expect(clock.creditedMs).toBeLessThanOrEqual(visibleServerTime);
        expect(clock.creditedMs).toBeLessThanOrEqual(at - START);
      }),
      { numRuns: 500 },
    );
  });

  it('credits an honest page exactly its visible time, split into heartbeats of any size ≤ 30 s', () => {
    // A timeline of visible and hidden stretches; the page beats at will while visible (never more than 30 s
    // apart), says `visible: false` when hidden and stays silent until shown again.
    const stretch = fc.record({
      visible: fc.boolean(),
      beats: fc.array(fc.integer({ min: 1, max: MAX_HEARTBEAT_GAP_SECONDS * S }), { minLength: 1, maxLength: 20 }),
      hiddenMs: fc.integer({ min: 1, max: 600 * S }),
    });
    fc.assert(
      fc.property(fc.array(stretch, { maxLength: 30 }), (timeline) => {
        let at = START;
        let clock = startClock(START);
        let visibleMs = 0;
        let shown = true;
        for (const part of timeline) {
          if (part.visible) {
            if (!shown) clock = creditBeat(clock, at, true); // shown again: the first beat starts counting
            shown = true;
            for (const gap of part.beats) {
              at += gap;
              visibleMs += gap;
              clock = creditBeat(clock, at, true);
            }
          } else {
            if (shown) clock = creditBeat(clock, at, false);
            shown = false;
            at += part.hiddenMs;
          }
        }
        expect(clock.creditedMs).toBe(visibleMs);
      }),
    );
  });

  it('takes heartbeats and a completion for 24 hours after the start, not after', () => {
    expect(sessionOpen(START, START + SESSION_LIFETIME_HOURS * 3600 * S)).toBe(true);
    expect(sessionOpen(START, START + SESSION_LIFETIME_HOURS * 3600 * S + 1)).toBe(false);
  });
});

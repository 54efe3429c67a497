/**
 * Server-timed study (DESIGN §6 Study, issue 8): how much of a session's time counts.
 *
 * The page sends a heartbeat about every 15 s while it is visible. Only the server's clock is read: the time
 * between two consecutive heartbeats is credited when both said `visible: true` and the second arrived at
 * most 30 s after the first. Opening the item (the session's start) counts as a visible heartbeat, and so
 * does 完成学习. A hidden page, a gap longer than 30 s, or a beat that arrives "before" the last one (two
 * requests racing) credits nothing; sending heartbeats faster only splits the same time into smaller parts.
 */

/** How often the page should send a heartbeat while visible. */
export const HEARTBEAT_INTERVAL_SECONDS = 15;
/** Two heartbeats further apart than this leave the time between them uncredited. */
export const MAX_HEARTBEAT_GAP_SECONDS = 30;
/** A session accepts heartbeats and its completion for this long after it started. */
export const SESSION_LIFETIME_HOURS = 24;

const MAX_GAP_MS = MAX_HEARTBEAT_GAP_SECONDS * 1000;

/** What a session remembers between heartbeats. */
export interface StudyClock {
  /** Milliseconds credited so far. */
  readonly creditedMs: number;
  /** Server time of the last heartbeat taken into account (the start counts as one), epoch ms. */
  readonly lastBeatMs: number;
  /** What the page said at that heartbeat. */
  readonly lastVisible: boolean;
}

/** A new session's clock: opening the item is a visible heartbeat at the server's now. */
export function startClock(serverMs: number): StudyClock {
  return { creditedMs: 0, lastBeatMs: serverMs, lastVisible: true };
}

/** The time one heartbeat adds: 0 … MAX_HEARTBEAT_GAP_SECONDS × 1000 ms. */
export function beatCredit(clock: StudyClock, serverMs: number, visible: boolean): number {
  const gap = serverMs - clock.lastBeatMs;
  return clock.lastVisible && visible && gap > 0 && gap <= MAX_GAP_MS ? gap : 0;
}

/**
 * The clock after a heartbeat that the server received at `serverMs` (its own clock, never the client's).
 * A beat older than the last one taken (a racing request) changes nothing.
 */
export function creditBeat(clock: StudyClock, serverMs: number, visible: boolean): StudyClock {
  if (serverMs < clock.lastBeatMs) return clock;
  return {
    creditedMs: clock.creditedMs + beatCredit(clock, serverMs, visible),
    lastBeatMs: serverMs,
    lastVisible: visible,
  };
}

/** Whole seconds credited (what the API shows and a check-in records). */
export function creditedSeconds(clock: StudyClock): number {
  return Math.floor(clock.creditedMs / 1000);
}

export function canComplete(clock: StudyClock, requiredSeconds: number): boolean {
  return clock.creditedMs >= requiredSeconds * 1000;
}

/** Whether a session started at `startedAtMs` still takes heartbeats and its completion at `serverMs`. */
export function sessionOpen(startedAtMs: number, serverMs: number): boolean {
  return serverMs - startedAtMs <= SESSION_LIFETIME_HOURS * 3600_000;
}

/**
 * 周二夜学 (DESIGN §6): a branch's weekly schedule and the sessions it yields, as pure rules. Dates are
 * Asia/Shanghai calendar days (YYYY-MM-DD); a session's instants are its wall-clock times there, stored as ISO
 * UTC. Calendar arithmetic works on the date itself (no time zone can move a day), the instant through
 * shared/time.ts.
 */
import { fromShanghai, shanghaiDay } from '../time';

/** What a schedule says; the saved record (functions/meetings/schedule-store.ts) adds who and when. */
export interface NightStudyPlan {
  /** ISO weekday 1–7 (Monday = 1, Tuesday = 2). */
  readonly weekday: number;
  /** HH:mm, Asia/Shanghai; `end` is after `start` on the same day. */
  readonly start: string;
  readonly end: string;
  readonly allowInApp: boolean;
  readonly requireCheckout: boolean;
  /** Holidays: no session on these dates. */
  readonly skipDates: readonly string[];
}

/** What a branch without a saved schedule runs (DESIGN §6: Tuesday 19:00–21:00). */
export const DEFAULT_NIGHT_STUDY: NightStudyPlan = {
  weekday: 2,
  start: '19:00',
  end: '21:00',
  allowInApp: false,
  requireCheckout: false,
  skipDates: [],
};

/**
 * Settings (DESIGN §6.1: data, not constants in code; the server may override the first two by env):
 * - weeksAhead: how far ahead sessions are generated (NIGHT_STUDY_WEEKS_AHEAD, 1–12);
 * - reminderLeadMinutes: how long before a session its members get the reminder (NIGHT_STUDY_REMINDER_MINUTES,
 *   default 3 hours: the afternoon of an evening session);
 * - maxSkipDates / skipDateRangeDays: how many holiday dates one schedule holds, and how far from today.
 */
export const NIGHT_STUDY_SETTINGS = {
  weeksAhead: 4,
  reminderLeadMinutes: 180,
  maxSkipDates: 60,
  skipDateRangeDays: 366,
} as const;

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** 周一 … 周日 by ISO weekday (index 0 unused). */
export const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

const DAY_MS = 86_400_000;
const dayMs = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  return DATE_PATTERN.test(value) && dayOf(dayMs(value)) === value;
}

/** The date `n` days after (or before) `day`. */
export function addDays(day: string, n: number): string {
  return dayOf(dayMs(day) + n * DAY_MS);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

/** ISO weekday of a date: Monday 1 … Sunday 7. */
export function isoWeekday(day: string): number {
  return new Date(dayMs(day)).getUTCDay() || 7;
}

export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The instant of `time` on `date` in Asia/Shanghai, ISO UTC: 2026-11-24 19:00 → 2026-11-24T11:00:00.000Z. */
export function shanghaiInstant(date: string, time: string): string {
  return fromShanghai(`${date} ${time}`);
}

/** A skip date the schedule accepts, seen from `today`: within a year either way (past ones are dropped on save). */
export function isSkipDateInRange(date: string, today: string): boolean {
  return isCalendarDate(date) && Math.abs(daysBetween(today, date)) <= NIGHT_STUDY_SETTINGS.skipDateRangeDays;
}

/** The skip dates a schedule keeps: distinct, sorted, none before `today`. */
export function keptSkipDates(dates: readonly string[], today: string): string[] {
  return [...new Set(dates)].filter((date) => date >= today).sort();
}

export interface PlannedSession {
  readonly date: string;
  readonly startAt: string;
  readonly endAt: string;
}

/**
 * The sessions `plan` yields on the days [fromDay, fromDay + 7·weeks): one on each date of its weekday that is
 * not a skip date, oldest first — so never two for one date, and exactly `weeks` dates looked at.
 */
export function sessionsFrom(
  plan: Pick<NightStudyPlan, 'weekday' | 'start' | 'end' | 'skipDates'>,
  fromDay: string,
  weeks: number,
): PlannedSession[] {
  const skip = new Set(plan.skipDates);
  const first = addDays(fromDay, (plan.weekday - isoWeekday(fromDay) + 7) % 7);
  const sessions: PlannedSession[] = [];
  for (let week = 0; week < weeks; week++) {
    const date = addDays(first, week * 7);
    if (skip.has(date)) continue;
    sessions.push({ date, startAt: shanghaiInstant(date, plan.start), endAt: shanghaiInstant(date, plan.end) });
  }
  return sessions;
}

/** The sessions still to come: from today (Asia/Shanghai) for `weeks` weeks, those not yet started at `nowMs`. */
export function upcomingSessions(
  plan: Pick<NightStudyPlan, 'weekday' | 'start' | 'end' | 'skipDates'>,
  nowMs: number,
  weeks: number,
): PlannedSession[] {
  return sessionsFrom(plan, shanghaiDay(nowMs), weeks).filter((session) => Date.parse(session.startAt) > nowMs);
}

/** 周二夜学（11月24日）; a schedule on another weekday says so: 周三夜学（11月25日）. */
export function sessionTitle(weekday: number, date: string): string {
  return `${WEEKDAY_NAMES[weekday] ?? ''}夜学（${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日）`;
}

/** 每周二 19:00–21:00 */
export function describePlan(plan: Pick<NightStudyPlan, 'weekday' | 'start' | 'end'>): string {
  return `每${WEEKDAY_NAMES[plan.weekday] ?? ''} ${plan.start}–${plan.end}`;
}

/** Longest org id kept as it is in a session id; a longer one is replaced by its hash (ids are ≤ 64 chars). */
const MAX_ORG_PART = 36;

function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * A generated session's id, the same in every run: `ns_<orgId>_<YYYYMMDD>_<HHmm>`, so two runs (even at once)
 * write one session per (branch, date, start). A cancelled session keeps its id, so a date whose session was
 * cancelled by a schedule change and is planned again takes the next `attempt` (2, 3 …): `…_1900_2`.
 */
export function sessionId(orgId: string, date: string, start: string, attempt = 1): string {
  const org = orgId.length <= MAX_ORG_PART ? orgId : `h${shortHash(orgId)}`;
  const base = `ns_${org}_${date.replaceAll('-', '')}_${start.replace(':', '')}`;
  return attempt > 1 ? `${base}_${attempt}` : base;
}

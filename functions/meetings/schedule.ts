/**
 * 周二夜学 (DESIGN §6): a branch's weekly schedule, saved with its history, and the generated sessions kept in
 * step with it. `syncSessions` is the one way sessions are made — by a save and by the hourly job — so both
 * write the same deterministic ids (shared/meetings/schedule.ts `sessionId`) with store.putActivity's
 * attribute_not_exists: any number of runs, even at once, make one session per (branch, date).
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import {
  addDays,
  DEFAULT_NIGHT_STUDY,
  describePlan,
  keptSkipDates,
  NIGHT_STUDY_SETTINGS,
  type NightStudyPlan,
  type PlannedSession,
  sessionId,
  sessionsFrom,
  sessionTitle,
  shanghaiInstant,
} from '../../shared/meetings/schedule';
import type { NightStudySchedule, PutScheduleRequest } from '../../shared/meetings/schedule-schemas';
import { DEFAULT_QR_SLOT_SECONDS } from '../../shared/meetings/schemas';
import { shanghaiDay } from '../../shared/time';
import type { OrgRecord } from '../org/service';
import { cancelActivity } from './lifecycle';
import * as scheduleStore from './schedule-store';
import { SCHEDULE_ACTOR, type ScheduleRecord } from './schedule-store';
import type { ActivityRecord } from './store';
import * as store from './store';

function setting(name: string, fallback: number, min: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

/** How many weeks ahead sessions exist (NIGHT_STUDY_WEEKS_AHEAD, 1–12, default 4). */
export const weeksAhead = () => setting('NIGHT_STUDY_WEEKS_AHEAD', NIGHT_STUDY_SETTINGS.weeksAhead, 1, 12);

/** Minutes before a session its reminder goes out (NIGHT_STUDY_REMINDER_MINUTES, 1–1440, default 180). */
export const reminderLeadMinutes = () =>
  setting('NIGHT_STUDY_REMINDER_MINUTES', NIGHT_STUDY_SETTINGS.reminderLeadMinutes, 1, 24 * 60);

/** The branch's saved schedule, or the default when it never saved one. */
export async function scheduleOf(orgId: string, consistent = false) {
  const record = await scheduleStore.getSchedule(orgId, consistent);
  return { record, plan: (record ?? DEFAULT_NIGHT_STUDY) as NightStudyPlan };
}

export interface SyncOptions {
  /** First day of the window (default today, Asia/Shanghai). */
  readonly fromDay?: string;
  /** Also make sessions whose start has passed (the demo seed's "this week's Tuesday"); never for the job. */
  readonly includeStarted?: boolean;
}

export interface SyncResult {
  /** The window's generated sessions as they now stand (kept, cancelled, created), oldest first. */
  readonly sessions: ActivityRecord[];
  readonly created: number;
  readonly cancelled: number;
}

const isLive = (session: ActivityRecord) => session.status !== 'cancelled';
const dateOf = (session: ActivityRecord) => session.scheduleDate ?? shanghaiDay(session.startAt);
const byStart = (a: ActivityRecord, b: ActivityRecord) =>
  a.startAt.localeCompare(b.startAt) || a.id.localeCompare(b.id);

function newSession(branch: OrgRecord, plan: NightStudyPlan, planned: PlannedSession, id: string, nowMs: number) {
  const session: ActivityRecord = {
    id,
    orgId: branch.id,
    orgPath: branch.path,
    orgName: branch.name,
    title: sessionTitle(plan.weekday, planned.date),
    startAt: planned.startAt,
    endAt: planned.endAt,
    place: null,
    qrSlotSeconds: DEFAULT_QR_SLOT_SECONDS,
    createdBy: SCHEDULE_ACTOR.memberId,
    createdAt: new Date(nowMs).toISOString(),
    checkedIn: 0,
    late: 0,
    // The branch's active members now: the figures' denominator until the start fixes the expected set.
    expected: branch.memberCount,
    kind: 'night_study',
    materialItemIds: [],
    requireCheckout: plan.requireCheckout,
    allowInApp: plan.allowInApp,
    status: 'scheduled',
    onLeave: 0,
    madeUp: 0,
    checkedOut: 0,
    manual: 0,
    scheduleDate: planned.date,
    version: 1,
  };
  return session;
}

/** Why a session the schedule no longer wants is called off (members see it on the meeting). */
function cancelReason(plan: NightStudyPlan, date: string, wanted: PlannedSession | undefined, duplicate: boolean) {
  if (duplicate) return '同一天已有夜学场次，本场取消';
  if (!wanted && plan.skipDates.includes(date)) {
    return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日为节假日，本次夜学取消`;
  }
  return `夜学时间调整为${describePlan(plan)}，本场取消`;
}

/**
 * Makes the branch's generated sessions in [fromDay, fromDay + weeks) match `plan`:
 * - a session kept as it is: started, edited by a person since (version > 1), or matching the plan's times;
 * - a date a person cancelled stays cancelled (the schedule does not overrule the secretary);
 * - any other live session (not started, untouched, unwanted, other times, or a second one for its date) is
 *   cancelled through the lifecycle, with a reason;
 * - then each planned date without a session gets one. Its id is the first of `sessionId(…, attempt)` not
 *   taken by a session of the window, so concurrent runs that see the same sessions pick the same id.
 * A session a concurrent run made too late for this run's Query to see is set right by the next run.
 */
export async function syncSessions(
  branch: OrgRecord,
  plan: NightStudyPlan,
  nowMs: number,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const weeks = weeksAhead();
  const fromDay = options.fromDay ?? shanghaiDay(nowMs);
  const planned = sessionsFrom(plan, fromDay, weeks).filter(
    (session) => options.includeStarted || Date.parse(session.startAt) > nowMs,
  );
  const wanted = new Map(planned.map((session) => [session.date, session]));
  const existing = (
    await scheduleStore.generatedSessions(
      branch.id,
      shanghaiInstant(fromDay, '00:00'),
      shanghaiInstant(addDays(fromDay, weeks * 7), '00:00'),
    )
  ).sort(byStart);
  const taken = new Set(existing.map((session) => session.id));
  // Dates with a live session kept, and dates a person called off: neither gets a new session.
  const kept = new Set<string>();
  const calledOff = new Set<string>();
  const sessions: ActivityRecord[] = [];
  let cancelled = 0;
  for (const session of existing) {
    const date = dateOf(session);
    const want = wanted.get(date);
    if (!isLive(session)) {
      if (session.cancelledBy !== SCHEDULE_ACTOR.memberId) calledOff.add(date);
      sessions.push(session);
      continue;
    }
    const started = Date.parse(session.startAt) <= nowMs;
    const edited = (session.version ?? 1) > 1;
    const matches = !!want && session.startAt === want.startAt && session.endAt === want.endAt;
    if (started || edited || (matches && !kept.has(date))) {
      kept.add(date);
      sessions.push(session);
      continue;
    }
    try {
      sessions.push(await cancelActivity(session, cancelReason(plan, date, want, matches), SCHEDULE_ACTOR, nowMs));
      cancelled += 1;
    } catch (error) {
      // Changed meanwhile (started, edited, or cancelled by a concurrent run): as it now is, it covers its
      // date only while live — a stale copy must not be reminded nor block the replacement.
      if (!(error instanceof DomainError)) throw error;
      const fresh = (await store.getActivity(session.id, true)) ?? session;
      if (isLive(fresh)) kept.add(date);
      sessions.push(fresh);
    }
  }
  let created = 0;
  for (const session of planned) {
    if (kept.has(session.date) || calledOff.has(session.date)) continue;
    let attempt = 1;
    while (taken.has(sessionId(branch.id, session.date, plan.start, attempt))) attempt += 1;
    const activity = newSession(branch, plan, session, sessionId(branch.id, session.date, plan.start, attempt), nowMs);
    if (await store.putActivity(activity)) created += 1;
    sessions.push(activity);
  }
  return { sessions: sessions.sort(byStart), created, cancelled };
}

/**
 * What the schedule's answer lists: sessions not yet ended, live or called off by a person. Those the schedule
 * itself cancelled (a holiday, a change of day or time) are left out: the schedule already says why.
 */
function upcoming(sessions: readonly ActivityRecord[], nowMs: number): NightStudySchedule['upcoming'] {
  return sessions
    .filter(
      (session) =>
        Date.parse(session.endAt) > nowMs && (isLive(session) || session.cancelledBy !== SCHEDULE_ACTOR.memberId),
    )
    .map((session) => ({
      activityId: session.id,
      date: dateOf(session),
      title: session.title,
      startAt: session.startAt,
      endAt: session.endAt,
      status: isLive(session) ? ('scheduled' as const) : ('cancelled' as const),
      ...(session.cancelReason ? { cancelReason: session.cancelReason } : {}),
    }));
}

function view(
  orgId: string,
  record: ScheduleRecord | null,
  sessions: readonly ActivityRecord[],
  nowMs: number,
): NightStudySchedule {
  const plan = record ?? DEFAULT_NIGHT_STUDY;
  return {
    orgId,
    weekday: plan.weekday,
    start: plan.start,
    end: plan.end,
    allowInApp: plan.allowInApp,
    requireCheckout: plan.requireCheckout,
    skipDates: keptSkipDates(plan.skipDates, shanghaiDay(nowMs)),
    saved: !!record,
    version: record?.version ?? 0,
    updatedAt: record?.updatedAt ?? null,
    updatedBy: record ? { memberId: record.updatedBy, name: record.updatedByName } : null,
    weeksAhead: weeksAhead(),
    upcoming: upcoming(sessions, nowMs),
  };
}

/** The schedule as the branch runs it (saved or default) with its generated sessions still to end. */
export async function readSchedule(branch: OrgRecord, nowMs: number): Promise<NightStudySchedule> {
  const today = shanghaiDay(nowMs);
  const [{ record }, sessions] = await Promise.all([
    scheduleOf(branch.id),
    scheduleStore.generatedSessions(
      branch.id,
      shanghaiInstant(today, '00:00'),
      shanghaiInstant(addDays(today, weeksAhead() * 7), '00:00'),
    ),
  ]);
  return view(branch.id, record, sessions.sort(byStart), nowMs);
}

/**
 * Saves a new version of the branch's schedule (conditional on the version it replaces: a concurrent save, or a
 * stale `version` from the editor, is 409) and brings the coming weeks' sessions in line with it at once.
 */
export async function saveSchedule(
  branch: OrgRecord,
  input: PutScheduleRequest,
  claims: MemberClaims,
  nowMs: number,
): Promise<NightStudySchedule> {
  const current = await scheduleStore.getSchedule(branch.id, true);
  const have = current?.version ?? 0;
  if (input.version !== undefined && input.version !== have) throw new DomainError('SCHEDULE_VERSION_CONFLICT');
  const record: ScheduleRecord = {
    orgId: branch.id,
    weekday: input.weekday,
    start: input.start,
    end: input.end,
    allowInApp: input.allowInApp ?? false,
    requireCheckout: input.requireCheckout ?? false,
    skipDates: keptSkipDates(input.skipDates ?? [], shanghaiDay(nowMs)),
    version: have + 1,
    updatedAt: new Date(nowMs).toISOString(),
    updatedBy: claims.memberId,
    updatedByName: claims.name,
  };
  if ((await scheduleStore.saveSchedule(record, have)) === 'conflict') {
    throw new DomainError('SCHEDULE_VERSION_CONFLICT');
  }
  const { sessions } = await syncSessions(branch, record, nowMs);
  return view(branch.id, record, sessions, nowMs);
}

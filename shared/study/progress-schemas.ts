/** Server-timed study sessions, check-ins, 我的学习 and branch figures (DESIGN §5.2 Study, §6.1: no rank). */
import * as z from 'zod';
import { RecentMonth } from '../http/month';
import { ID_PATTERN } from '../http/route';

const Id = z.string().regex(ID_PATTERN, '编号格式不正确');

export const StudySessionIdParams = z.strictObject({ id: Id });
/** `{orgId}` of the org routes (as shared/org/schemas.ts declares it), without the roster's schemas in this bundle. */
export const StudyOrgIdParams = z.strictObject({ orgId: Id });

export const StudySession = z.object({
  id: z.string(),
  itemId: z.string(),
  requiredSeconds: z.number().int(),
  /** Credited by the server's clock only (shared/study/heartbeat.ts). */
  countedSeconds: z.number().int(),
  canComplete: z.boolean(),
  startedAt: z.string(),
  /** After this the session takes no heartbeat or completion (24 h after the start). */
  validUntil: z.string(),
  completed: z.boolean(),
  /** How often the page should send a heartbeat while visible, and the longest gap that still counts. */
  heartbeatSeconds: z.number().int(),
  maxGapSeconds: z.number().int(),
});
export type StudySession = z.infer<typeof StudySession>;
export const StudySessionResponse = z.object({ session: StudySession });

/** Only whether the page is visible: the client's clock is never asked (there is no field for it). */
export const HeartbeatRequest = z.strictObject({ visible: z.boolean('visible 须为 true 或 false') });

export const StudyCheckin = z.object({
  id: z.string(),
  itemId: z.string(),
  /** Asia/Shanghai calendar day, YYYY-MM-DD. */
  day: z.string(),
  /** Credited study time of the session that completed it. */
  seconds: z.number().int(),
  at: z.string(),
});
export type StudyCheckin = z.infer<typeof StudyCheckin>;

export const StudyStreak = z.object({ current: z.number().int(), longest: z.number().int() });
export type StudyStreak = z.infer<typeof StudyStreak>;

export const CompleteStudyResponse = z.object({ checkin: StudyCheckin, streak: StudyStreak });
export type CompleteStudyResponse = z.infer<typeof CompleteStudyResponse>;

const Tally = z.object({ checkins: z.number().int(), seconds: z.number().int() });

export const StudyHistoryEntry = StudyCheckin.extend({ title: z.string(), category: z.string() });
export type StudyHistoryEntry = z.infer<typeof StudyHistoryEntry>;

export const MyStudyQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).optional(),
  cursor: z.string().max(1024).optional(),
});
export const MyStudyResponse = z.object({
  streak: StudyStreak,
  today: Tally.extend({ day: z.string() }),
  /** Monday to today (Asia/Shanghai). */
  week: Tally.extend({ from: z.string() }),
  /** My check-ins, newest first. */
  history: z.array(StudyHistoryEntry),
  nextCursor: z.string().nullable(),
});
export type MyStudyResponse = z.infer<typeof MyStudyResponse>;

export const StudyStatsQuery = z.strictObject({ month: RecentMonth.optional() });

/** Participation, never a ranking of people (§6.1): counts and per-member averages. */
const StudyFigures = z.object({
  /** Active members now (the org's maintained count). */
  members: z.number().int(),
  checkins: z.number().int(),
  seconds: z.number().int(),
  /** Members who completed at least one item in the month. */
  participants: z.number().int(),
  perMember: z.object({ checkins: z.number(), seconds: z.number().int() }),
});
export type StudyFigures = z.infer<typeof StudyFigures>;

export const StudyStatsRow = StudyFigures.extend({ orgId: z.string(), name: z.string() });
export const StudyStatsResponse = StudyFigures.extend({
  orgId: z.string(),
  /** YYYY-MM, Asia/Shanghai. */
  month: z.string(),
  /** Committee view (a 党委 or 党总支): one row per branch below it; the totals are their sums. */
  branches: z.array(StudyStatsRow).optional(),
});
export type StudyStatsResponse = z.infer<typeof StudyStatsResponse>;

/** `orgId`: whose members to list (default the caller's org); it must be one the item is aimed at. */
export const StudyCompletionsQuery = z.strictObject({ orgId: Id.optional() });
export const StudyCompletionsResponse = z.object({
  itemId: z.string(),
  orgId: z.string(),
  /** Active members of the orgs the item reaches within `orgId`. */
  total: z.number().int(),
  /** Who has studied it (their first completion), and who has not. */
  done: z.array(z.object({ memberId: z.string(), name: z.string(), orgId: z.string(), at: z.string() })),
  notDone: z.array(z.object({ memberId: z.string(), name: z.string(), orgId: z.string() })),
});
export type StudyCompletionsResponse = z.infer<typeof StudyCompletionsResponse>;

/** The 周二夜学 schedule's request and answer (DESIGN §5.2: GET · PUT /v1/orgs/{orgId}/night-study/schedule). */
import * as z from 'zod';
import { ID_PATTERN } from '../http/route';
import { shanghaiDay } from '../time';
import {
  DATE_PATTERN,
  isCalendarDate,
  isSkipDateInRange,
  minutesOf,
  NIGHT_STUDY_SETTINGS,
  TIME_PATTERN,
} from './schedule';

export const ScheduleParams = z.strictObject({ orgId: z.string().regex(ID_PATTERN, '编号格式不正确') });

const Time = z
  .string({ message: '请填写时间，格式 HH:mm，例如 19:00' })
  .regex(TIME_PATTERN, '时间格式应为 HH:mm，例如 19:00');

const SkipDate = z
  .string()
  .regex(DATE_PATTERN, { message: '日期格式应为 YYYY-MM-DD，例如 2026-10-01', abort: true })
  .refine(isCalendarDate, { message: '没有这一天', abort: true })
  .refine((date) => isSkipDateInRange(date, shanghaiDay(Date.now())), '休息日须在今天前后一年之内');

const bothTimes = (body: { start?: unknown; end?: unknown }) =>
  typeof body.start === 'string' &&
  typeof body.end === 'string' &&
  TIME_PATTERN.test(body.start) &&
  TIME_PATTERN.test(body.end);

export const PutScheduleRequest = z
  .strictObject({
    weekday: z
      .number({ message: '请选择每周几（1–7，周二为 2）' })
      .int('请选择每周几（1–7，周二为 2）')
      .min(1, '请选择每周几（1–7，周二为 2）')
      .max(7, '请选择每周几（1–7，周二为 2）'),
    start: Time,
    end: Time,
    allowInApp: z.boolean().optional(),
    requireCheckout: z.boolean().optional(),
    /** 节假日: dates without a session; past ones are dropped when saved. */
    skipDates: z
      .array(SkipDate)
      .max(NIGHT_STUDY_SETTINGS.maxSkipDates, `休息日最多 ${NIGHT_STUDY_SETTINGS.maxSkipDates} 个`)
      .optional(),
    /** The version the editor started from: a save over someone else's newer one is refused (409). */
    version: z.number().int().min(0).optional(),
  })
  // Bad times are reported by their own fields; only two good ones are compared.
  .refine((body) => !bothTimes(body) || minutesOf(body.end) > minutesOf(body.start), {
    message: '结束时间须晚于开始时间',
    path: ['end'],
  });
export type PutScheduleRequest = z.infer<typeof PutScheduleRequest>;

export const UpcomingSession = z.object({
  activityId: z.string(),
  /** YYYY-MM-DD, Asia/Shanghai. */
  date: z.string(),
  title: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  cancelReason: z.string().optional(),
});

export const NightStudySchedule = z.object({
  orgId: z.string(),
  weekday: z.number().int(),
  start: z.string(),
  end: z.string(),
  allowInApp: z.boolean(),
  requireCheckout: z.boolean(),
  skipDates: z.array(z.string()),
  /** false: the branch never saved one and runs the default (Tuesday 19:00–21:00). */
  saved: z.boolean(),
  /** 0 while unsaved; each save adds one (every version is kept with who and when). */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ memberId: z.string(), name: z.string() }).nullable(),
  /** How many weeks ahead sessions are generated (a server setting). */
  weeksAhead: z.number().int(),
  /** The generated sessions not yet ended, oldest first (cancelled: only those a person called off). */
  upcoming: z.array(UpcomingSession),
});
export type NightStudySchedule = z.infer<typeof NightStudySchedule>;

export const ScheduleResponse = z.object({ schedule: NightStudySchedule });

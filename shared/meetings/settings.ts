/**
 * A committee's meeting settings (DESIGN §6.1: frequencies are versioned data a committee may set within the
 * legal range): from a month on, a kind is due once per a chosen frequency (党课: quarterly or half-yearly).
 * History is kept, never rewritten: a setting starts in the current month or later.
 */
import * as z from 'zod';
import { defineRoute, ID_PATTERN } from '../http/route';
import { MONTH_PATTERN } from '../time';
import { RUNNERS_AND_COMMITTEE } from './access';
import { COMPLIANCE_KINDS } from './frequency';

const Frequency = z.enum(['month', 'quarter', 'half_year', 'year'], {
  message: '频次应为 month、quarter、half_year 或 year',
});
const OrgIdParams = z.strictObject({ orgId: z.string().regex(ID_PATTERN, '编号格式不正确') });
const Month = z.string().regex(MONTH_PATTERN, '月份格式应为 YYYY-MM，例如 2027-01');

export const FrequencySetting = z.object({
  kind: z.enum(COMPLIANCE_KINDS, { message: '会议类型不正确' }),
  frequency: Frequency,
  effectiveFrom: z.string(),
  setAt: z.string(),
  setByName: z.string(),
});

export const MeetingSettingsRequest = z.strictObject({
  kind: z.enum(COMPLIANCE_KINDS, { message: '会议类型不正确' }),
  frequency: Frequency,
  /** Default: the current Asia/Shanghai month; never earlier (a past period is judged as it was). */
  effectiveFrom: Month.optional(),
  /** The settings' version last seen: a stale one is refused. */
  version: z.number().int().min(0).optional(),
});

export const MeetingSettingsResponse = z.object({
  settings: z.object({
    /** The org tree's root committee: settings hold for its whole tree. */
    orgId: z.string(),
    overrides: z.array(FrequencySetting),
    version: z.number().int(),
  }),
  /** The rule in force this month with the settings applied. */
  rule: z.object({ version: z.string(), frequencies: z.record(z.string(), Frequency) }),
});

export const getMeetingSettings = defineRoute({
  id: 'meetings.getMeetingSettings',
  domain: 'meetingsPlanning',
  method: 'get',
  path: '/v1/orgs/{orgId}/meeting-settings',
  summary: '三会一课频次设置（党委在法定范围内设定，如党课每季度或每半年）',
  access: RUNNERS_AND_COMMITTEE,
  scoped: true,
  params: OrgIdParams,
  response: MeetingSettingsResponse,
  status: 200,
});

export const putMeetingSettings = defineRoute({
  id: 'meetings.putMeetingSettings',
  domain: 'meetingsPlanning',
  method: 'put',
  path: '/v1/orgs/{orgId}/meeting-settings',
  summary: '设定某类会议的频次（自某月起，只能是本月或以后；历史不改）',
  access: ['committee'],
  scoped: true,
  params: OrgIdParams,
  body: MeetingSettingsRequest,
  response: MeetingSettingsResponse,
  status: 200,
});

export const settingsRoutes = [getMeetingSettings, putMeetingSettings] as const;

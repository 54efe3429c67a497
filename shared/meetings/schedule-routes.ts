/** Routes of the meetings domain's schedule part (DESIGN §5.2); spread into meetingsRoutes. */
import { defineRoute } from '../http/route';
import { SCHEDULE_WRITERS } from './access';
import { PutScheduleRequest, ScheduleParams, ScheduleResponse } from './schedule-schemas';

export const getNightStudySchedule = defineRoute({
  id: 'meetings.getNightStudySchedule',
  domain: 'meetingsPlanning',
  method: 'get',
  path: '/v1/orgs/{orgId}/night-study/schedule',
  summary: '周二夜学安排（未保存时为默认：每周二 19:00–21:00）及即将举行的场次',
  // Members read their own branch's; committee staff any branch in their subtree.
  access: ['member', 'committee'],
  scoped: true,
  params: ScheduleParams,
  response: ScheduleResponse,
  status: 200,
});

export const putNightStudySchedule = defineRoute({
  id: 'meetings.putNightStudySchedule',
  domain: 'meetingsPlanning',
  method: 'put',
  path: '/v1/orgs/{orgId}/night-study/schedule',
  summary: '保存周二夜学安排（每周几、起止时间、节假日）；保存后立即生成未来几周的场次',
  access: SCHEDULE_WRITERS,
  scoped: true,
  params: ScheduleParams,
  body: PutScheduleRequest,
  response: ScheduleResponse,
  status: 200,
});

export const scheduleRoutes = [getNightStudySchedule, putNightStudySchedule] as const;

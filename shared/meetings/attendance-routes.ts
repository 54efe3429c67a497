/** Attendance beyond the check-in (DESIGN §5.2): changes to a meeting, 补签, 签退, leave, 补学 and reminders. */
import { defineRoute } from '../http/route';
import { RUNNERS, RUNNERS_AND_COMMITTEE } from './access';
import {
  BranchLeavesParams,
  BranchLeavesQuery,
  BranchLeavesResponse,
  LeaveDecisionRequest,
  LeaveIdParams,
  LeaveResponse,
  LeavesResponse,
  ManualAttendanceRequest,
  PatchActivityRequest,
  RemindResponse,
} from './attendance-schemas';
import { memberAttendanceRoutes } from './member-routes';
import { ActivityIdParams, ActivityResponse, CheckinResponse } from './schemas';

export { checkOut, makeUp, requestLeave } from './member-routes';

export const patchActivity = defineRoute({
  id: 'meetings.patchActivity',
  domain: 'meetingsPlanning',
  method: 'patch',
  path: '/v1/activities/{id}',
  summary: '取消会议（须填原因），或在开始前改时间、改议题等',
  access: RUNNERS,
  scoped: true,
  params: ActivityIdParams,
  body: PatchActivityRequest,
  response: ActivityResponse,
  status: 200,
});

export const recordAttendance = defineRoute({
  id: 'meetings.recordAttendance',
  domain: 'meetingsAdmin',
  method: 'post',
  path: '/v1/activities/{id}/attendance',
  summary: '补签：为没有手机的党员手工登记出席或迟到（须填原因，记录登记人）',
  access: RUNNERS,
  scoped: true,
  params: ActivityIdParams,
  body: ManualAttendanceRequest,
  response: CheckinResponse,
  status: 201,
});

export const activityLeaves = defineRoute({
  id: 'meetings.activityLeaves',
  domain: 'meetingsAdmin',
  method: 'get',
  path: '/v1/activities/{id}/leaves',
  summary: '本次会议的请假申请',
  // Committee staff may look (oversight); deciding stays with the branch's runners.
  access: RUNNERS_AND_COMMITTEE,
  scoped: true,
  params: ActivityIdParams,
  response: LeavesResponse,
  status: 200,
});

export const decideLeave = defineRoute({
  id: 'meetings.decideLeave',
  domain: 'meetingsAdmin',
  method: 'post',
  path: '/v1/leaves/{id}/decision',
  summary: '审批请假：批准或不批准（只能审批一次）',
  access: RUNNERS,
  scoped: true,
  params: LeaveIdParams,
  body: LeaveDecisionRequest,
  response: LeaveResponse,
  status: 200,
});

export const branchLeaves = defineRoute({
  id: 'meetings.branchLeaves',
  domain: 'meetingsAdmin',
  method: 'get',
  path: '/v1/orgs/{orgId}/leaves',
  summary: '本支部的请假申请（?status=pending 为待审批），最新在前',
  // Committee staff may look (oversight); deciding stays with the branch's runners.
  access: RUNNERS_AND_COMMITTEE,
  scoped: true,
  params: BranchLeavesParams,
  query: BranchLeavesQuery,
  response: BranchLeavesResponse,
  status: 200,
});

export const remindMissing = defineRoute({
  id: 'meetings.remindMissing',
  domain: 'meetingsAdmin',
  method: 'post',
  path: '/v1/activities/{id}/remind',
  summary: '提醒未签到的党员（每人每小时至多一次）',
  access: RUNNERS,
  scoped: true,
  params: ActivityIdParams,
  response: RemindResponse,
  status: 201,
});

export const attendanceRoutes = [
  patchActivity,
  recordAttendance,
  activityLeaves,
  decideLeave,
  branchLeaves,
  remindMissing,
  ...memberAttendanceRoutes,
] as const;

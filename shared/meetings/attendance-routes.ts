/** Attendance beyond the check-in (DESIGN §5.2): changes to a meeting, 补签, 签退, leave, 补学 and reminders. */
import { defineRoute } from '../http/route';
import {
  BranchLeavesParams,
  BranchLeavesQuery,
  BranchLeavesResponse,
  CheckoutRequest,
  CheckoutResponse,
  LeaveDecisionRequest,
  LeaveIdParams,
  LeaveRequest,
  LeaveResponse,
  LeavesResponse,
  MakeupResponse,
  ManualAttendanceRequest,
  PatchActivityRequest,
  RemindResponse,
} from './attendance-schemas';
import { ActivityIdParams, ActivityResponse, CheckinResponse } from './schemas';

/** Who runs a branch's meetings day to day: the secretary and the 组织委员 (DESIGN §5.2: S O). */
const RUNNERS = ['secretary', 'organizer'] as const;

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

export const checkOut = defineRoute({
  id: 'meetings.checkOut',
  domain: 'meetings',
  method: 'post',
  path: '/v1/activities/{id}/checkouts',
  summary: '扫码签退；重复签退返回同一条记录（200）',
  access: ['member'],
  scoped: true,
  params: ActivityIdParams,
  body: CheckoutRequest,
  response: CheckoutResponse,
  status: 201,
  // As the check-in: the roster is checked inside the write, and the route counts its own refusals.
  rosterCheck: 'transaction',
  ownRateLimit: true,
});

export const requestLeave = defineRoute({
  id: 'meetings.requestLeave',
  domain: 'meetings',
  method: 'post',
  path: '/v1/activities/{id}/leaves',
  summary: '请假（会议开始前，须填原因）；重复提交返回同一条（200）',
  access: ['member'],
  scoped: true,
  params: ActivityIdParams,
  body: LeaveRequest,
  response: LeaveResponse,
  status: 201,
});

export const activityLeaves = defineRoute({
  id: 'meetings.activityLeaves',
  domain: 'meetingsAdmin',
  method: 'get',
  path: '/v1/activities/{id}/leaves',
  summary: '本次会议的请假申请',
  // Committee staff may look (oversight); deciding stays with the branch's runners.
  access: [...RUNNERS, 'committee'],
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
  access: [...RUNNERS, 'committee'],
  scoped: true,
  params: BranchLeavesParams,
  query: BranchLeavesQuery,
  response: BranchLeavesResponse,
  status: 200,
});

export const makeUp = defineRoute({
  id: 'meetings.makeUp',
  domain: 'meetings',
  method: 'post',
  path: '/v1/activities/{id}/makeups',
  summary: '补学：学完本次会议的学习材料后提交（会议结束后 7 天内）',
  access: ['member'],
  scoped: true,
  params: ActivityIdParams,
  response: MakeupResponse,
  status: 201,
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
  checkOut,
  requestLeave,
  activityLeaves,
  decideLeave,
  branchLeaves,
  makeUp,
  remindMissing,
] as const;

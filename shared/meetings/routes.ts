import { defineRoute } from '../http/route';
import { MEMBERS, RUNNERS, RUNNERS_AND_COMMITTEE } from './access';
import { recordRoutes } from './record-routes';
import { scheduleRoutes } from './schedule-routes';
import {
  ActivityIdParams,
  ActivityListQuery,
  ActivityListResponse,
  ActivityResponse,
  CheckinRequest,
  CheckinResponse,
  CreateActivityRequest,
  MyAttendanceQuery,
  MyAttendanceResponse,
  QrQuery,
  QrResponse,
} from './schemas';
import { statsRoutes } from './stats-routes';
import { ActivityDetailResponse, BoardResponse } from './views';

export const createActivity = defineRoute({
  id: 'meetings.createActivity',
  domain: 'meetingsPlanning',
  method: 'post',
  path: '/v1/activities',
  summary: '发起会议：主题党日、周二夜学或三会一课（kind）',
  access: RUNNERS,
  scoped: true,
  body: CreateActivityRequest,
  response: ActivityResponse,
  status: 201,
});

export const listActivities = defineRoute({
  id: 'meetings.listActivities',
  domain: 'meetings',
  method: 'get',
  path: '/v1/activities',
  summary: '活动列表（默认本支部，最新在前）',
  access: ['member', 'committee'],
  scoped: true,
  query: ActivityListQuery,
  response: ActivityListResponse,
  status: 200,
});

export const getActivity = defineRoute({
  id: 'meetings.getActivity',
  domain: 'meetings',
  method: 'get',
  path: '/v1/activities/{id}',
  summary: '活动详情，含本人签到情况',
  access: ['member', 'committee'],
  scoped: true,
  params: ActivityIdParams,
  response: ActivityDetailResponse,
  status: 200,
});

export const activityQr = defineRoute({
  id: 'meetings.activityQr',
  domain: 'meetingsAdmin',
  method: 'get',
  path: '/v1/activities/{id}/qr',
  summary: '当前签到（或 ?purpose=checkout 签退）二维码内容（每 30 秒更新）',
  access: RUNNERS,
  scoped: true,
  params: ActivityIdParams,
  query: QrQuery,
  response: QrResponse,
  status: 200,
});

export const checkIn = defineRoute({
  id: 'meetings.checkIn',
  domain: 'meetings',
  method: 'post',
  path: '/v1/activities/{id}/checkins',
  summary: '扫码签到；重复签到返回同一条记录（200）',
  access: MEMBERS,
  scoped: true,
  params: ActivityIdParams,
  body: CheckinRequest,
  response: CheckinResponse,
  status: 201,
  // The hot path: the member is checked by a ConditionCheck inside the check-in transaction, and only taps
  // that create nothing are counted against the rate limits.
  rosterCheck: 'transaction',
  ownRateLimit: true,
});

export const activityBoard = defineRoute({
  id: 'meetings.board',
  domain: 'meetingsAdmin',
  method: 'get',
  path: '/v1/activities/{id}/board',
  summary: '签到看板：应到、已签到、迟到、早退、请假、补学、未签到',
  access: RUNNERS_AND_COMMITTEE,
  scoped: true,
  params: ActivityIdParams,
  response: BoardResponse,
  status: 200,
});

export const myAttendance = defineRoute({
  id: 'meetings.myAttendance',
  domain: 'meetings',
  method: 'get',
  path: '/v1/me/attendance',
  summary: '我的签到：本人某月（?month=YYYY-MM，默认本月）的各次活动及签到情况',
  // Every bound person holds 'member'; the data is always the caller's own, so no branch scope applies.
  access: MEMBERS,
  scoped: false,
  query: MyAttendanceQuery,
  response: MyAttendanceResponse,
  status: 200,
});

export const meetingsRoutes = [
  createActivity,
  listActivities,
  getActivity,
  activityQr,
  checkIn,
  activityBoard,
  myAttendance,
] as const;

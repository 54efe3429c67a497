import { defineRoute } from '../http/route';
import { MEMBERS } from './access';
import {
  ActivityIdParams,
  ActivityListQuery,
  ActivityListResponse,
  CheckinRequest,
  CheckinResponse,
  MyAttendanceQuery,
  MyAttendanceResponse,
} from './schemas';
import { ActivityDetailResponse } from './views';

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

export const meetingsRoutes = [listActivities, getActivity, checkIn, myAttendance] as const;

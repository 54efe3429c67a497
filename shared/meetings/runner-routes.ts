/**
 * The runners' routes of a meeting itself (DESIGN §5.1): create it, show its QR, watch its board — apart from
 * the members' (./routes.ts), so the mini-program's main package never loads their schemas.
 */
import { defineRoute } from '../http/route';
import { RUNNERS, RUNNERS_AND_COMMITTEE } from './access';
import { CreateActivityRequest, QrQuery, QrResponse } from './runner-schemas';
import { ActivityIdParams, ActivityResponse } from './schemas';
import { BoardResponse } from './views';

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

export const runnerRoutes = [createActivity, activityQr, activityBoard] as const;

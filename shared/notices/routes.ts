import { defineRoute } from '../http/route';
import {
  CreateNoticeRequest,
  NoticeDetailResponse,
  NoticeIdParams,
  NoticeListQuery,
  NoticeListResponse,
  NoticeReadsResponse,
  NoticeResponse,
  RemindResponse,
} from './schemas';
import { PUBLISHERS } from './targeting';

/** A notice's body may be 50,000 Chinese characters: up to 150 KB of UTF-8, 300 KB if sent \u-escaped. */
export const NOTICE_BODY_LIMIT = 320 * 1024;

export const createNotice = defineRoute({
  id: 'notices.create',
  domain: 'notices',
  method: 'post',
  path: '/v1/notices',
  summary: '发布党建新闻或信息发布（支部书记：本支部；党委：所辖组织），并给每位对象发一条消息',
  access: PUBLISHERS,
  // Scoped by its targets (body orgIds, checked in the service): one outside the author's subtree is 403.
  scoped: true,
  body: CreateNoticeRequest,
  response: NoticeResponse,
  status: 201,
  bodyLimit: NOTICE_BODY_LIMIT,
});

export const listNotices = defineRoute({
  id: 'notices.list',
  domain: 'notices',
  method: 'get',
  path: '/v1/notices',
  summary: '发给本人组织（及其上级）的通知，最新在前，标出已读/未读',
  access: ['member', 'committee'],
  scoped: true,
  query: NoticeListQuery,
  response: NoticeListResponse,
  status: 200,
});

export const getNotice = defineRoute({
  id: 'notices.get',
  domain: 'notices',
  method: 'get',
  path: '/v1/notices/{id}',
  summary: '通知详情；首次阅读记录一次已读回执',
  access: ['member'],
  // Visibility, not scope: a notice not aimed at the caller (nor theirs to manage) is 404, like a missing one.
  scoped: false,
  params: NoticeIdParams,
  response: NoticeDetailResponse,
  status: 200,
});

export const noticeReads = defineRoute({
  id: 'notices.reads',
  domain: 'notices',
  method: 'get',
  path: '/v1/notices/{id}/reads',
  summary: '阅读情况：应读人数、已读人数、未读名单',
  access: PUBLISHERS,
  scoped: true,
  params: NoticeIdParams,
  response: NoticeReadsResponse,
  status: 200,
});

export const remindNotice = defineRoute({
  id: 'notices.remind',
  domain: 'notices',
  method: 'post',
  path: '/v1/notices/{id}/remind',
  summary: '提醒未读的党员阅读（给每人发一条消息，每人每天最多一次）',
  access: PUBLISHERS,
  scoped: true,
  params: NoticeIdParams,
  response: RemindResponse,
  status: 201,
});

export const noticesRoutes = [createNotice, listNotices, getNotice, noticeReads, remindNotice] as const;

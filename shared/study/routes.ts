import { defineRoute } from '../http/route';
import {
  CompleteStudyResponse,
  HeartbeatRequest,
  MyStudyQuery,
  MyStudyResponse,
  StudyCompletionsQuery,
  StudyCompletionsResponse,
  StudyOrgIdParams,
  StudySessionIdParams,
  StudySessionResponse,
  StudyStatsQuery,
  StudyStatsResponse,
} from './progress-schemas';
import { MAX_BODY_CHARS } from './rich-text';
import {
  CreateStudyItemRequest,
  OrgStudyItemsQuery,
  StudyCategoriesResponse,
  StudyItemDetailResponse,
  StudyItemIdParams,
  StudyItemListQuery,
  StudyItemListResponse,
  StudyItemResponse,
  UpdateStudyItemRequest,
} from './schemas';

/** Who publishes: a branch's secretary (their branch), committee staff (their subtree). */
const PUBLISHERS = ['secretary', 'committee'] as const;
/** An article of 50,000 characters, each escaped as \uXXXX in the worst case, plus the other fields. */
const ITEM_BODY_LIMIT = MAX_BODY_CHARS * 6 + 16 * 1024;

export const studyCategories = defineRoute({
  id: 'study.categories',
  domain: 'study',
  method: 'get',
  path: '/v1/study/categories',
  summary: '学习栏目',
  access: ['member'],
  scoped: false,
  response: StudyCategoriesResponse,
  status: 200,
});

export const listStudyItems = defineRoute({
  id: 'study.listItems',
  domain: 'study',
  method: 'get',
  path: '/v1/study/items',
  summary: '党建知识：发给本支部及上级组织的学习内容，最新在前（?category=&q=&cursor=）',
  // Every bound person holds 'member'; the list is always the caller's own feed, so no branch scope applies.
  access: ['member'],
  scoped: false,
  query: StudyItemListQuery,
  response: StudyItemListResponse,
  status: 200,
});

export const getStudyItem = defineRoute({
  id: 'study.getItem',
  domain: 'study',
  method: 'get',
  path: '/v1/study/items/{id}',
  summary: '学习内容详情，含今日是否已学（todayCheckin）；不是发给本人组织的内容为 404',
  access: ['member'],
  scoped: false,
  params: StudyItemIdParams,
  response: StudyItemDetailResponse,
  status: 200,
});

export const createStudyItem = defineRoute({
  id: 'study.createItem',
  domain: 'study',
  method: 'post',
  path: '/v1/study/items',
  summary: '发布学习内容（图文或视频链接）；发布范围默认本人所在组织及其下级',
  access: PUBLISHERS,
  scoped: true,
  body: CreateStudyItemRequest,
  bodyLimit: ITEM_BODY_LIMIT,
  response: StudyItemResponse,
  status: 201,
});

export const updateStudyItem = defineRoute({
  id: 'study.updateItem',
  domain: 'study',
  method: 'patch',
  path: '/v1/study/items/{id}',
  summary: '修改学习内容；published:false 下架，true 重新发布',
  access: PUBLISHERS,
  scoped: true,
  params: StudyItemIdParams,
  body: UpdateStudyItemRequest,
  bodyLimit: ITEM_BODY_LIMIT,
  response: StudyItemResponse,
  status: 200,
});

export const listOrgStudyItems = defineRoute({
  id: 'study.listOrgItems',
  domain: 'study',
  method: 'get',
  path: '/v1/orgs/{orgId}/study-items',
  summary: '某组织发布的学习内容（含已下架和草稿），供发布者管理，最新在前',
  access: PUBLISHERS,
  scoped: true,
  params: StudyOrgIdParams,
  query: OrgStudyItemsQuery,
  response: StudyItemListResponse,
  status: 200,
});

export const studyCompletions = defineRoute({
  id: 'study.completions',
  domain: 'study',
  method: 'get',
  path: '/v1/study/items/{id}/completions',
  summary: '某学习内容的完成情况：已学 / 未学的党员（?orgId= 默认本人所在组织）',
  access: PUBLISHERS,
  scoped: true,
  params: StudyItemIdParams,
  query: StudyCompletionsQuery,
  response: StudyCompletionsResponse,
  status: 200,
});

export const startStudySession = defineRoute({
  id: 'study.startSession',
  domain: 'study',
  method: 'post',
  path: '/v1/study/items/{id}/sessions',
  summary: '开始学习：服务器端计时的学习记录',
  access: ['member'],
  scoped: false,
  params: StudyItemIdParams,
  response: StudySessionResponse,
  status: 201,
});

export const studyHeartbeat = defineRoute({
  id: 'study.heartbeat',
  domain: 'study',
  method: 'post',
  path: '/v1/study/sessions/{id}/heartbeat',
  summary: '学习心跳（页面可见时约每 15 秒一次）；只按服务器时间累计',
  access: ['member'],
  scoped: false,
  params: StudySessionIdParams,
  body: HeartbeatRequest,
  response: StudySessionResponse,
  status: 200,
});

export const completeStudySession = defineRoute({
  id: 'study.complete',
  domain: 'study',
  method: 'post',
  path: '/v1/study/sessions/{id}/complete',
  summary: '完成学习：学满最低时长后打卡；同一内容当天再次完成返回第一次的记录（200）',
  access: ['member'],
  scoped: false,
  // The completion's transaction holds the member to the roster (a ConditionCheck): no read per request.
  rosterCheck: 'transaction',
  params: StudySessionIdParams,
  response: CompleteStudyResponse,
  status: 201,
});

export const myStudy = defineRoute({
  id: 'study.me',
  domain: 'study',
  method: 'get',
  path: '/v1/study/me',
  summary: '我的学习：连续学习天数、今日和本周完成情况、学习记录（不排名）',
  access: ['member'],
  scoped: false,
  query: MyStudyQuery,
  response: MyStudyResponse,
  status: 200,
});

export const studyStats = defineRoute({
  id: 'study.stats',
  domain: 'study',
  method: 'get',
  path: '/v1/orgs/{orgId}/study-stats',
  summary: '支部学习情况（?month=YYYY-MM）：人数、完成次数、学习时长及人均；党委按支部分行',
  access: ['secretary', 'organizer', 'committee'],
  scoped: true,
  params: StudyOrgIdParams,
  query: StudyStatsQuery,
  response: StudyStatsResponse,
  status: 200,
});

export const studyRoutes = [
  studyCategories,
  listStudyItems,
  getStudyItem,
  createStudyItem,
  updateStudyItem,
  listOrgStudyItems,
  studyCompletions,
  startStudySession,
  studyHeartbeat,
  completeStudySession,
  myStudy,
  studyStats,
] as const;

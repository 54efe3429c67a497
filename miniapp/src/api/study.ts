import {
  completeStudySession,
  createStudyItem,
  getStudyItem,
  listOrgStudyItems,
  listStudyItems,
  myStudy,
  startStudySession,
  studyCategories,
  studyCompletions,
  studyHeartbeat,
  studyStats,
  updateStudyItem,
} from '../../../shared/study/routes';
import type { CreateStudyItemRequest, UpdateStudyItemRequest } from '../../../shared/study/schemas';
import { newIdempotencyKey, request, send } from './client';

export const studyApi = {
  categories: () => request(studyCategories, {}),
  list: (query: { category?: string; q?: string; cursor?: string }) => request(listStudyItems, { query }),
  get: (id: string) => request(getStudyItem, { params: { id } }),
  /** A new server-timed session each time the item page opens. */
  start: (id: string) => request(startStudySession, { params: { id }, idempotencyKey: newIdempotencyKey() }),
  heartbeat: (sessionId: string, visible: boolean) =>
    request(studyHeartbeat, { params: { id: sessionId }, body: { visible } }),
  /** 201 = today's first check-in for the item; 200 = the one already made today. */
  async complete(sessionId: string, idempotencyKey: string) {
    const answer = await send(completeStudySession, { params: { id: sessionId }, idempotencyKey });
    return { ...answer.data, existed: answer.status === 200 };
  },
  mine: (cursor?: string) => request(myStudy, { query: { cursor } }),
};

/** For publishers (secretaries, committee staff): their library, its completions and the branch figures. */
export const studyAdminApi = {
  orgItems: (orgId: string, cursor?: string) => request(listOrgStudyItems, { params: { orgId }, query: { cursor } }),
  create: (body: CreateStudyItemRequest, idempotencyKey: string) => request(createStudyItem, { body, idempotencyKey }),
  update: (id: string, body: UpdateStudyItemRequest) => request(updateStudyItem, { params: { id }, body }),
  completions: (id: string, orgId?: string) => request(studyCompletions, { params: { id }, query: { orgId } }),
  stats: (orgId: string, month?: string) => request(studyStats, { params: { orgId }, query: { month } }),
};

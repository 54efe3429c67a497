import type { RouteBody } from '../../../shared/http/route';
import {
  activityBoard,
  activityQr,
  checkIn,
  createActivity,
  getActivity,
  listActivities,
  myAttendance,
} from '../../../shared/meetings/routes';
import type { CreateActivityRequest } from '../../../shared/meetings/schemas';
import { newIdempotencyKey, request, send } from './client';

export const meetingsApi = {
  list: (query: { orgId?: string; cursor?: string; limit?: number } = {}) => request(listActivities, { query }),
  get: (id: string) => request(getActivity, { params: { id } }),
  create: (body: CreateActivityRequest, idempotencyKey = newIdempotencyKey()) =>
    request(createActivity, { body, idempotencyKey }),
  qr: (id: string) => request(activityQr, { params: { id } }),
  board: (id: string) => request(activityBoard, { params: { id } }),
  /** My branch's activities of `month` (YYYY-MM) and my status in each. */
  myAttendance: (month?: string) => request(myAttendance, { query: { month } }),
  /**
   * `{qr}` scanned or pasted, or `{code}` the 6 digits typed from the secretary's screen (+ `location`).
   * 201 = a new check-in, 200 = the existing one (a repeat scan).
   */
  async checkIn(id: string, body: RouteBody<typeof checkIn>, idempotencyKey: string) {
    const answer = await send(checkIn, { params: { id }, body, idempotencyKey });
    return { checkin: answer.data.checkin, existed: answer.status === 200 };
  },
};

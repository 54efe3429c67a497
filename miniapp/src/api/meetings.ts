import type { RouteBody } from '../../../shared/http/route';
import { checkOut, makeUp, requestLeave } from '../../../shared/meetings/member-routes';
import { checkIn, getActivity, listActivities, myAttendance } from '../../../shared/meetings/routes';
import { request, send } from './client';

export const meetingsApi = {
  list: (query: { orgId?: string; cursor?: string; limit?: number } = {}) => request(listActivities, { query }),
  get: (id: string) => request(getActivity, { params: { id } }),
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
  /** 签退 with the scanned 签退 payload or its 6 digits; 200 = the 签退 already recorded. */
  async checkOut(id: string, body: RouteBody<typeof checkOut>, idempotencyKey: string) {
    const answer = await send(checkOut, { params: { id }, body, idempotencyKey });
    return { checkout: answer.data.checkout, existed: answer.status === 200 };
  },
  /** 请假 before the start; 200 = the request made before (whatever its status). */
  requestLeave: (id: string, reason: string, idempotencyKey: string) =>
    request(requestLeave, { params: { id }, body: { reason }, idempotencyKey }),
  /** 补学 once every material item is studied (after the meeting's start), within 7 days of its end. */
  makeUp: (id: string, idempotencyKey: string) => request(makeUp, { params: { id }, idempotencyKey }),
};

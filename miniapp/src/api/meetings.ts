import type { RouteBody } from '../../../shared/http/route';
import { checkIn, getActivity, listActivities, myAttendance } from '../../../shared/meetings/routes';
import { request, send } from './client';

/** The activities the tabs list and open, and the check-in (签退, 请假, 补学: ./meeting-attendance.ts). */
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
};

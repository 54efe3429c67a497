/**
 * A member's 签退, 请假 and 补学 (shared/meetings/member-routes.ts). Apart from ./meetings.ts, which the tabs
 * load: that route module also declares the forms' schemas (the 请假 page validates with its LeaveRequest), and
 * a module the main package imports brings every schema any page reads from it — and zod — into the main package.
 */
import type { RouteBody } from '../../../shared/http/route';
import { checkOut, makeUp, requestLeave } from '../../../shared/meetings/member-routes';
import { request, send } from './client';

export const attendanceApi = {
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

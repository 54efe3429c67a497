/** The secretaries' meeting calls: changes, 补签, leave decisions, reminders, schedules, records, figures. */
import type { RouteBody } from '../../../shared/http/route';
import {
  activityLeaves,
  branchLeaves,
  decideLeave,
  patchActivity,
  recordAttendance,
  remindMissing,
} from '../../../shared/meetings/attendance-routes';
import { createUpload, getRecord, saveRecord } from '../../../shared/meetings/record-routes';
import { getNightStudySchedule, putNightStudySchedule } from '../../../shared/meetings/schedule-routes';
import { meetingStats } from '../../../shared/meetings/stats-routes';
import { newIdempotencyKey, request, send } from './client';

export const meetingAdminApi = {
  patch: (id: string, body: RouteBody<typeof patchActivity>) => request(patchActivity, { params: { id }, body }),
  cancel: (id: string, reason: string) => request(patchActivity, { params: { id }, body: { status: 'cancelled', reason } }),
  /** 补签 by hand; 200 = the member had checked in already. */
  async recordAttendance(id: string, body: RouteBody<typeof recordAttendance>, idempotencyKey = newIdempotencyKey()) {
    const answer = await send(recordAttendance, { params: { id }, body, idempotencyKey });
    return { checkin: answer.data.checkin, existed: answer.status === 200 };
  },
  remindMissing: (id: string) => request(remindMissing, { params: { id }, idempotencyKey: newIdempotencyKey() }),
  activityLeaves: (id: string) => request(activityLeaves, { params: { id } }),
  branchLeaves: (orgId: string, query: { status?: 'pending' | 'approved' | 'rejected'; cursor?: string } = {}) =>
    request(branchLeaves, { params: { orgId }, query }),
  decideLeave: (leaveId: string, approve: boolean, comment?: string) =>
    request(decideLeave, { params: { id: leaveId }, body: { approve, ...(comment ? { comment } : {}) } }),
  schedule: (orgId: string) => request(getNightStudySchedule, { params: { orgId } }),
  saveSchedule: (orgId: string, body: RouteBody<typeof putNightStudySchedule>) =>
    request(putNightStudySchedule, { params: { orgId }, body }),
  record: (id: string) => request(getRecord, { params: { id } }),
  saveRecord: (id: string, body: RouteBody<typeof saveRecord>) => request(saveRecord, { params: { id }, body }),
  /** A presigned PUT for one photo (≤ 5 MB, JPEG/PNG/WebP). */
  uploadSlot: (body: RouteBody<typeof createUpload>) =>
    request(createUpload, { body, idempotencyKey: newIdempotencyKey() }),
  stats: (orgId: string, period?: string) => request(meetingStats, { params: { orgId }, query: { period } }),
};

/**
 * 补学 (DESIGN §6): an absentee or a member on leave completes every material item of the meeting (study
 * completions after its start) and then, within 7 days of its end, marks the meeting made up. The study
 * domain answers when the member last completed each item (functions/study/material.ts).
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { withMakeup } from '../../shared/meetings/attendee-rules';
import { lastCompletions } from '../study/material';
import { changeAttendee } from './attendees';
import { blankAttendee } from './attendees-store';
import type { ActivityRecord } from './store';

/** → created: made up now (201); otherwise when it was made up before (200). */
export async function makeUp(activity: ActivityRecord, claims: MemberClaims, nowMs: number) {
  if (activity.orgId !== claims.orgId) throw new DomainError('NOT_IN_BRANCH');
  const material = activity.materialItemIds ?? [];
  const doneAt = await lastCompletions(claims.memberId, material);
  const member = { id: claims.memberId, name: claims.name };
  const result = await changeAttendee({
    activity,
    member,
    nowMs,
    apply: (before, current) =>
      withMakeup(
        before ?? blankAttendee(current, member),
        { startAt: current.startAt, endAt: current.endAt, materialItemIds: current.materialItemIds ?? [] },
        doneAt,
        nowMs,
      ),
  });
  const { attendee } = result;
  return {
    makeup: { activityId: activity.id, memberId: attendee.memberId, at: attendee.madeUpAt ?? '' },
    created: result.changed,
  };
}

/**
 * The raw side of bench/meetings.ts's burst: the check-in's and the 签退's very transactions (the attendee on
 * its condition, the activity's and the month's counters, the roster check — functions/meetings/checkin.ts and
 * checkout.ts build the same) issued straight to DynamoDB on a session of their own; and the recounts.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../functions/commons/config';
import { dynamo } from '../functions/commons/dynamo';
import { type BranchMonthRecord, branchMonthKey, counterUpdates } from '../functions/meetings/aggregates';
import { activityCondition } from '../functions/meetings/attendees';
import {
  attendeePut,
  blankAttendee,
  checkoutUpdate,
  listAttendees,
  transact,
} from '../functions/meetings/attendees-store';
import type { ActivityRecord } from '../functions/meetings/store';
import { activeMemberCheck, type MemberRecord } from '../functions/org/service';
import { pool } from './timing';

async function timed(
  members: readonly MemberRecord[],
  concurrency: number,
  items: (m: MemberRecord) => Parameters<typeof transact>[0],
) {
  const started = performance.now();
  let conflicts = 0;
  await pool(members, concurrency, async (member) => {
    for (;;) {
      const reasons = await transact(items(member));
      if (!reasons) return;
      if (!reasons.includes('TransactionConflict')) throw new Error(`raw: ${reasons.join(',')}`);
      conflicts += 1;
    }
  });
  return { seconds: (performance.now() - started) / 1000, conflicts };
}

/** A late check-in's transaction as functions/meetings/checkin.ts issues it on a frozen meeting. */
export function rawCheckinItems(activity: ActivityRecord, member: Pick<MemberRecord, 'id' | 'name'>) {
  const blank = blankAttendee(activity, member);
  const after = { ...blank, id: `c-raw-${member.id}`, at: new Date().toISOString(), late: true, version: 2 };
  return [
    attendeePut(after, blank, true),
    ...counterUpdates(activity, { checkedIn: 1, late: 1 }, activityCondition(activity)),
    activeMemberCheck(member.id, activity.orgId),
  ];
}

export function rawCheckins(activity: ActivityRecord, members: readonly MemberRecord[], concurrency: number) {
  return timed(members, concurrency, (member) => rawCheckinItems(activity, member));
}

export function rawCheckouts(activity: ActivityRecord, members: readonly MemberRecord[], concurrency: number) {
  return timed(members, concurrency, (member) => [
    checkoutUpdate(activity.id, member.id, new Date().toISOString()),
    ...counterUpdates(activity, { checkedOut: 1 }, activityCondition(activity)),
    activeMemberCheck(member.id, activity.orgId),
  ]);
}

/** The session's attendee items counted one by one. */
export async function recount(activityId: string) {
  const attendees = await listAttendees(activityId);
  return {
    attendees: attendees.length,
    checkedIn: attendees.filter((a) => a.at).length,
    checkedOut: attendees.filter((a) => a.at && a.checkedOutAt).length,
  };
}

export async function branchMonthRecord(orgId: string, month: string): Promise<BranchMonthRecord | undefined> {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: branchMonthKey(orgId, month), ConsistentRead: true }),
  );
  return Item as BranchMonthRecord | undefined;
}

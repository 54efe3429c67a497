/**
 * 完成学习's writes (entities declared in ./progress-store.ts): one transaction that completes the session,
 * creates the day's check-in (key + attribute_not_exists), replaces the member's stats on their version, ADDs to
 * the branch's month and upserts the item's record of the member, on the condition that the member is on the
 * roster of that branch — all or nothing.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../commons/config';
import { cancellationReasons, dynamo } from '../commons/dynamo';
import { activeMemberCheck } from '../org/service';
import {
  branchMonthKey,
  checkinKey,
  doneKey,
  type MemberStudyStats,
  type StudyCheckinRecord,
  type StudySessionRecord,
  sessionKey,
  statsKey,
  updateOpenSession,
} from './progress-store';

export interface Completion {
  readonly session: StudySessionRecord;
  /** The session's final clock (completion is a visible heartbeat). */
  readonly creditedMs: number;
  readonly checkin: StudyCheckinRecord;
  readonly memberName: string;
  /** The member's stats after this check-in, and the version they replace (0: none yet). */
  readonly stats: MemberStudyStats;
  readonly statsVersion: number;
  /** 1 when this is the member's first check-in counted for (org, month). */
  readonly newParticipant: 0 | 1;
}

export type CompletionOutcome = 'created' | 'exists' | 'stale' | 'conflict' | 'not_member';
const ROSTER_CHECK = 5;

/** Write capacity the completions consumed, when RETURN_CONSUMED_CAPACITY=1 (a benchmark reads it). */
export const consumedCapacity = { write: 0 };

/**
 * One transaction: the session completed (only if still open at the version read), the check-in (only if
 * none for this item, member and day), the member's stats (on their version), the branch's month and the
 * item's record of this member — all or nothing. (The benchmark issues it raw, too.)
 */
export function completionTransaction(completion: Completion): TransactWriteCommand {
  const { session, checkin, stats } = completion;
  return new TransactWriteCommand({
    TransactItems: [
      {
        Update: {
          TableName: tableName(),
          Key: sessionKey(session.id),
          UpdateExpression:
            'SET completedAt = :at, checkinId = :checkin, creditedMs = :credited, lastBeatMs = :beat, version = :next',
          ConditionExpression: 'version = :version AND attribute_not_exists(completedAt)',
          ExpressionAttributeValues: {
            ':at': checkin.at,
            ':checkin': checkin.id,
            ':credited': completion.creditedMs,
            ':beat': Date.parse(checkin.at),
            ':version': session.version,
            ':next': session.version + 1,
          },
        },
      },
      {
        Put: {
          TableName: tableName(),
          Item: {
            ...checkinKey(checkin.memberId, checkin.day, checkin.itemId),
            gsi1pk: `STUDYHISTORY#${checkin.memberId}`,
            gsi1sk: `${checkin.at}#${checkin.itemId}`,
            ...checkin,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: tableName(),
          Item: { ...statsKey(stats.memberId), ...stats },
          ...(completion.statsVersion === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'version = :version',
                ExpressionAttributeValues: { ':version': completion.statsVersion },
              }),
        },
      },
      {
        Update: {
          TableName: tableName(),
          Key: branchMonthKey(checkin.orgId, checkin.day.slice(0, 7)),
          UpdateExpression: 'SET orgId = :org, #month = :month ADD checkins :one, seconds :seconds, participants :new',
          ExpressionAttributeNames: { '#month': 'month' },
          ExpressionAttributeValues: {
            ':org': checkin.orgId,
            ':month': checkin.day.slice(0, 7),
            ':one': 1,
            ':seconds': checkin.seconds,
            ':new': completion.newParticipant,
          },
        },
      },
      {
        Update: {
          TableName: tableName(),
          Key: doneKey(checkin.itemId, checkin.memberId),
          UpdateExpression:
            'SET memberId = :member, #name = :name, orgId = :org, firstAt = if_not_exists(firstAt, :at), lastAt = :at ADD checkins :one',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: {
            ':member': checkin.memberId,
            ':name': completion.memberName,
            ':org': checkin.orgId,
            ':at': checkin.at,
            ':one': 1,
          },
        },
      },
      // The roster, inside the write (route rosterCheck: 'transaction'): no separate read per completion.
      activeMemberCheck(checkin.memberId, checkin.orgId),
    ],
    ReturnConsumedCapacity: process.env.RETURN_CONSUMED_CAPACITY === '1' ? 'TOTAL' : undefined,
  });
}

export async function writeCompletion(completion: Completion): Promise<CompletionOutcome> {
  try {
    const result = await dynamo().send(completionTransaction(completion));
    for (const used of result.ConsumedCapacity ?? []) consumedCapacity.write += used.CapacityUnits ?? 0;
    return 'created';
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons) throw error;
    if (reasons[ROSTER_CHECK] === 'ConditionalCheckFailed') return 'not_member';
    if (reasons[0] === 'ConditionalCheckFailed') return 'stale';
    if (reasons[1] === 'ConditionalCheckFailed') return 'exists';
    if (reasons[2] === 'ConditionalCheckFailed') return 'stale';
    if (reasons.includes('TransactionConflict')) return 'conflict';
    throw error;
  }
}

/** A completion that found today's check-in already made: the session points at it (only if still open). */
export function closeSession(session: StudySessionRecord, checkinId: string, atIso: string): Promise<boolean> {
  return updateOpenSession(session, { completedAt: atIso, checkinId });
}

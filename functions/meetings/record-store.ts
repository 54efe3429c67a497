/**
 * The meeting record (纪要) and the photo upload grants — the only file that reads or writes them.
 *
 * UploadGrant  pk UPLOAD#<key>  sk GRANT      TTL expiresAt (7 days)
 *   - issued once per presigned PUT (PutItem, attribute_not_exists); who, which branch, type, size
 *   - is this key ours for this branch: GetItem (consistent), one per new key of a save, in parallel
 * Record       pk ACT#<id>      sk RECORD     (beside the activity's own item and its check-ins)
 *   - the current record: GetItem; written only by the save transaction below, conditioned on the version
 *     read (first save: attribute_not_exists), so two editors cannot overwrite each other unseen
 * RecordVersion pk ACT#<id>     sk RECORD#<version, 6 digits>
 *   - every save kept as it was (history is never rewritten, DESIGN §6.1); Query pk, begins_with RECORD#
 *
 * A save is ONE transaction: the record, its version, the activity's `record` summary (conditioned on the
 * activity being scheduled, started and within the 30-day window, so a concurrent cancellation cannot slip
 * in) and — on the first save only, which the record's attribute_not_exists guarantees — the branch month's
 * `held_<kind>` + 1 (落实率's numerator).
 */
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { MeetingKind } from '../../shared/meetings/kinds';
import { tableName } from '../commons/config';
import { cancellationReasons, dynamo, isConditionFailure, withoutKeys } from '../commons/dynamo';
import type { TransactItem } from '../org/service';
import { branchMonthUpdate } from './aggregates';
import { type ActivityRecord, activityKey } from './store';

export interface UploadGrant {
  readonly key: string;
  readonly purpose: 'meeting_photo';
  readonly orgId: string;
  readonly issuedBy: string;
  readonly contentType: string;
  readonly size: number;
  readonly createdAt: string;
  /** Epoch seconds: the table's TTL removes the grant after it. */
  readonly expiresAt: number;
}

export interface RecordAbsentee {
  readonly memberId: string;
  readonly name: string;
  readonly reason: string;
}

export interface RecordItem {
  readonly activityId: string;
  readonly orgId: string;
  readonly orgPath: string;
  readonly kind: MeetingKind;
  readonly topic?: string;
  readonly host?: string;
  readonly minutes: string;
  readonly photoKeys: readonly string[];
  readonly absentees: readonly RecordAbsentee[];
  readonly savedAt: string;
  readonly savedBy: string;
  readonly savedByName: string;
  /** 补录: first saved after the meeting ended (kept by later corrections). */
  readonly late: boolean;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly createdByName: string;
  readonly version: number;
}

const grantKey = (key: string) => ({ pk: `UPLOAD#${key}`, sk: 'GRANT' });
const recordKey = (activityId: string) => ({ pk: `ACT#${activityId}`, sk: 'RECORD' });
const versionKey = (activityId: string, version: number) => ({
  pk: `ACT#${activityId}`,
  sk: `RECORD#${String(version).padStart(6, '0')}`,
});

export async function putGrant(grant: UploadGrant): Promise<void> {
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...grantKey(grant.key), ...grant },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** The grants of `keys` that exist (a TTL deletion may lag: callers also compare expiresAt). */
export async function getGrants(keys: readonly string[]): Promise<Map<string, UploadGrant>> {
  const found = await Promise.all(
    keys.map(async (key) => {
      const result = await dynamo().send(
        new GetCommand({ TableName: tableName(), Key: grantKey(key), ConsistentRead: true }),
      );
      return withoutKeys<UploadGrant>(result.Item);
    }),
  );
  return new Map(found.filter((grant) => grant !== null).map((grant) => [grant.key, grant]));
}

export async function getRecord(activityId: string, consistent = false): Promise<RecordItem | null> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: recordKey(activityId), ConsistentRead: consistent }),
  );
  return withoutKeys<RecordItem>(result.Item);
}

export type SaveOutcome = 'saved' | 'version_conflict' | 'activity_changed';

/**
 * Writes `record` (version = previous + 1, or 1) with its history entry, the activity's summary and, on the
 * first save, the month's held_<kind>. `window` bounds the activity's start and end as the service checked them.
 */
export async function saveRecord(
  activity: ActivityRecord,
  record: RecordItem,
  window: { nowIso: string; earliestEndIso: string },
): Promise<SaveOutcome> {
  const first = record.version === 1;
  const held = first ? branchMonthUpdate(activity, { [`held_${record.kind}`]: 1 }) : null;
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName(),
        Item: { ...recordKey(record.activityId), ...record },
        ConditionExpression: first ? 'attribute_not_exists(pk)' : 'version = :previous',
        ...(first ? {} : { ExpressionAttributeValues: { ':previous': record.version - 1 } }),
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: { ...versionKey(record.activityId, record.version), ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: tableName(),
        Key: activityKey(activity.id),
        // The activity's own field changed: its version moves (DESIGN §4); no counter is touched.
        UpdateExpression: 'SET #record = :summary ADD version :one',
        ConditionExpression:
          'attribute_exists(pk) AND (attribute_not_exists(#status) OR #status <> :cancelled) ' +
          'AND startAt <= :now AND endAt >= :earliestEnd',
        ExpressionAttributeNames: { '#record': 'record', '#status': 'status' },
        ExpressionAttributeValues: {
          ':summary': {
            savedAt: record.savedAt,
            savedBy: record.savedBy,
            savedByName: record.savedByName,
            late: record.late,
          },
          ':one': 1,
          ':cancelled': 'cancelled',
          ':now': window.nowIso,
          ':earliestEnd': window.earliestEndIso,
        },
      },
    },
    ...(held ? [held] : []),
  ];
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
    return 'saved';
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons) {
      if (isConditionFailure(error)) return 'version_conflict';
      throw error;
    }
    if (reasons[2] === 'ConditionalCheckFailed') return 'activity_changed';
    if (reasons.some((code) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict')) {
      return 'version_conflict';
    }
    throw error;
  }
}

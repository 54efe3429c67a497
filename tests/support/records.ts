/**
 * The meeting record tests' view of the table (tests may read it directly; request paths never Scan): what a
 * save writes, and how many upload grants exist.
 */
import { GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../../functions/commons/config';
import { dynamo } from '../../functions/commons/dynamo';
import { branchMonthKey } from '../../functions/meetings/aggregates';
import { shanghaiMonth } from '../../shared/time';

/** A real 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export async function grantCount(): Promise<number> {
  const result = await dynamo().send(
    new ScanCommand({
      TableName: tableName(),
      FilterExpression: 'begins_with(pk, :p)',
      ExpressionAttributeValues: { ':p': 'UPLOAD#' },
      Select: 'COUNT',
    }),
  );
  return result.Count ?? 0;
}

/** Everything a save writes: the record, its versions, the activity's summary and version, the month item. */
export async function snapshot(activityId: string) {
  const activity = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: { pk: `ACT#${activityId}`, sk: 'ACT' }, ConsistentRead: true }),
  );
  const item = activity.Item!;
  const [records, month] = await Promise.all([
    dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
        ExpressionAttributeValues: { ':pk': `ACT#${activityId}`, ':r': 'RECORD' },
        ConsistentRead: true,
      }),
    ),
    dynamo().send(
      new GetCommand({
        TableName: tableName(),
        Key: branchMonthKey(item.orgId, shanghaiMonth(item.startAt)),
        ConsistentRead: true,
      }),
    ),
  ]);
  return { record: item.record, version: item.version, records: records.Items, month: month.Item };
}

/**
 * Changes to a meeting itself (DESIGN §5.2 PATCH /v1/activities/{id}): cancellation with a reason, new times
 * before the start, and its details. Each is one conditional write on the activity's version; cancelling and
 * moving to another month also move the month's `meetings_<kind>` in the same transaction.
 */

import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import type { PatchActivityRequest } from '../../shared/meetings/attendance-schemas';
import { kindOf } from '../../shared/meetings/kinds';
import type { CreateActivityRequest } from '../../shared/meetings/runner-schemas';
import { ACTIVITY_RANGE_DAYS, DEFAULT_QR_SLOT_SECONDS, MAX_ACTIVITY_HOURS } from '../../shared/meetings/schemas';
import { tableName } from '../commons/config';
import { dynamo, isConditionFailure } from '../commons/dynamo';
import { newId } from '../commons/ids';
import type { TransactItem } from '../org/service';
import * as org from '../org/service';
import { materialItems } from '../study/material';
import { branchMonthUpdate, meetingMonth } from './aggregates';
import { transact } from './attendees-store';
import { type ActivityRecord, activityKey, getActivity, putActivity } from './store';

export interface Actor {
  readonly memberId: string;
  readonly name: string;
}

/** Every material item must exist and be published: a member asked to study it must be able to. */
export async function assertMaterial(ids: readonly string[] | undefined): Promise<void> {
  if (!ids || ids.length === 0) return;
  const found = await materialItems([...new Set(ids)]);
  const usable = new Set(found.filter((item) => item.published).map((item) => item.id));
  if (ids.some((id) => !usable.has(id))) throw new DomainError('MATERIAL_NOT_FOUND');
}

const started = (activity: ActivityRecord, nowMs: number) => nowMs >= Date.parse(activity.startAt);

/** SET clauses from a field map (undefined entries skipped), on `#f<i>` names. */
function setClause(fields: Record<string, unknown>) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts: string[] = [];
  for (const [i, [name, value]] of Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .entries()) {
    names[`#f${i}`] = name;
    values[`:f${i}`] = value;
    parts.push(`#f${i} = :f${i}`);
  }
  return { parts, names, values };
}

/** The activity's update on its version, with month items; → the activity as written. */
async function writeActivity(
  activity: ActivityRecord,
  fields: Record<string, unknown>,
  monthItems: (TransactItem | null)[],
  extraCondition = '',
): Promise<ActivityRecord> {
  const set = setClause(fields);
  const version = activity.version ?? 0;
  const update: TransactItem = {
    Update: {
      TableName: tableName(),
      Key: activityKey(activity.id),
      UpdateExpression: `SET ${[...set.parts, '#version = :next'].join(', ')}`,
      ConditionExpression: `(#version = :version OR (attribute_not_exists(#version) AND :version = :zero))${extraCondition}`,
      ExpressionAttributeNames: { ...set.names, '#version': 'version' },
      ExpressionAttributeValues: { ...set.values, ':version': version, ':next': version + 1, ':zero': 0 },
    },
  };
  const items = [update, ...monthItems.filter((item): item is TransactItem => item !== null)];
  const reasons = items.length === 1 ? await updateAlone(update) : await transact(items);
  if (reasons) throw new DomainError('ACTIVITY_VERSION_CONFLICT');
  return (await getActivity(activity.id, true)) ?? activity;
}

async function updateAlone(item: TransactItem): Promise<string[] | null> {
  try {
    await dynamo().send(new UpdateCommand(item.Update as ConstructorParameters<typeof UpdateCommand>[0]));
    return null;
  } catch (error) {
    if (isConditionFailure(error)) return ['ConditionalCheckFailed'];
    throw error;
  }
}

/** Cancels a meeting that has not started; a second cancellation answers the first. */
export async function cancelActivity(
  activity: ActivityRecord,
  reason: string,
  actor: Actor,
  nowMs: number,
): Promise<ActivityRecord> {
  if (activity.status === 'cancelled') return activity;
  if (started(activity, nowMs)) throw new DomainError('ACTIVITY_ALREADY_STARTED');
  const kind = kindOf(activity);
  return writeActivity(
    activity,
    {
      status: 'cancelled',
      cancelReason: reason,
      cancelledAt: new Date(nowMs).toISOString(),
      cancelledBy: actor.memberId,
      cancelledByName: actor.name,
    },
    [branchMonthUpdate(activity, { [`meetings_${kind}`]: -1 })],
  );
}

/** New times (before the start, and only while nobody has checked in or asked for leave), and details. */
export async function patchActivity(
  activity: ActivityRecord,
  patch: PatchActivityRequest,
  actor: Actor,
  nowMs: number,
): Promise<ActivityRecord> {
  if (patch.status === 'cancelled') return cancelActivity(activity, patch.reason ?? '', actor, nowMs);
  if (activity.status === 'cancelled') throw new DomainError('ACTIVITY_CANCELLED');
  await assertMaterial(patch.materialItemIds);
  const fields: Record<string, unknown> = {
    title: patch.title,
    topic: patch.topic,
    host: patch.host,
    materialItemIds: patch.materialItemIds,
    requireCheckout: patch.requireCheckout,
    allowInApp: patch.allowInApp,
  };
  const monthItems: (TransactItem | null)[] = [];
  let condition = '';
  if (patch.startAt && patch.endAt) {
    if (started(activity, nowMs)) throw new DomainError('ACTIVITY_ALREADY_STARTED');
    if ((activity.attendees ?? 0) > 0) throw new DomainError('ACTIVITY_HAS_ATTENDANCE');
    const startAt = new Date(patch.startAt).toISOString();
    const endAt = new Date(patch.endAt).toISOString();
    const span = Date.parse(endAt) - Date.parse(startAt);
    if (span <= 0 || span > MAX_ACTIVITY_HOURS * 3600_000) throw new DomainError('ACTIVITY_WINDOW_INVALID');
    if (Math.abs(Date.parse(startAt) - nowMs) > ACTIVITY_RANGE_DAYS * 86_400_000) {
      throw new DomainError('ACTIVITY_WINDOW_INVALID');
    }
    Object.assign(fields, { startAt, endAt, gsi1sk: `${startAt}#${activity.id}` });
    const kind = kindOf(activity);
    if (meetingMonth({ startAt }) !== meetingMonth(activity)) {
      monthItems.push(
        branchMonthUpdate(activity, { [`meetings_${kind}`]: -1 }),
        branchMonthUpdate({ ...activity, startAt }, { [`meetings_${kind}`]: 1 }),
      );
    }
    // Nobody may have checked in or asked for leave meanwhile.
    condition = ' AND (attribute_not_exists(attendees) OR attendees = :zero)';
  }
  return writeActivity(activity, fields, monthItems, condition);
}

/** A new meeting of a branch, of any kind (DESIGN §5.2); defaults keep a 主题党日's behaviour. */
export async function createActivity(input: CreateActivityRequest, claims: MemberClaims, nowMs: number) {
  const [branch] = await Promise.all([org.requireOrg(input.orgId), assertMaterial(input.materialItemIds)]);
  const activity: ActivityRecord = {
    id: newId('a'),
    orgId: branch.id,
    orgPath: branch.path,
    orgName: branch.name,
    title: input.title,
    startAt: new Date(input.startAt).toISOString(),
    endAt: new Date(input.endAt).toISOString(),
    place: input.place ?? null,
    qrSlotSeconds: input.qrSlotSeconds ?? DEFAULT_QR_SLOT_SECONDS,
    createdBy: claims.memberId,
    createdAt: new Date(nowMs).toISOString(),
    checkedIn: 0,
    late: 0,
    // The branch's active members now (its maintained memberCount, from the GetItem above): the attendance
    // figures' denominator until the start fixes the expected set (./attendees.ts).
    expected: branch.memberCount,
    kind: input.kind ?? 'theme_day',
    ...(input.topic ? { topic: input.topic } : {}),
    ...(input.host ? { host: input.host } : {}),
    materialItemIds: input.materialItemIds ?? [],
    requireCheckout: input.requireCheckout ?? false,
    allowInApp: input.allowInApp ?? false,
    status: 'scheduled',
    version: 1,
  };
  await putActivity(activity);
  return activity;
}

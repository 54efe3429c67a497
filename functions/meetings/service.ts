/** 主题党日 activities: creation, the QR code, the detail and the live board (check-ins: ./checkin.ts). */
import { authorize, hasRole, type MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { activityPhase, checkinWindow, distanceMeters } from '../../shared/meetings/checkin-rules';
import { kindOf } from '../../shared/meetings/kinds';
import { QR_SLOT_SECONDS, slotEndsAt, slotExpiresAt } from '../../shared/meetings/qr';
import {
  type Activity,
  type Checkin,
  type CreateActivityRequest,
  DEFAULT_QR_SLOT_SECONDS,
} from '../../shared/meetings/schemas';
import { appSecrets } from '../commons/config';
import { newId } from '../commons/ids';
import * as org from '../org/service';
import { currentPayload } from './qr';
import type { ActivityRecord, CheckinRecord } from './store';
import * as store from './store';

/** Activities do not change after creation, so a warm container may keep them a minute. */
const ACTIVITY_CACHE_MS = 60_000;
const activityCache = new Map<string, { activity: ActivityRecord; until: number }>();

export async function requireActivity(id: string, nowMs = Date.now()): Promise<ActivityRecord> {
  const cached = activityCache.get(id);
  if (cached && cached.until > nowMs) return cached.activity;
  const activity = await store.getActivity(id);
  if (!activity) throw new DomainError('ACTIVITY_NOT_FOUND');
  if (activityCache.size > 1000) activityCache.clear();
  activityCache.set(id, { activity, until: nowMs + ACTIVITY_CACHE_MS });
  return activity;
}

/** Who may see an activity's exact place: the people who run the branch's meetings (issue #6). */
const PLACE_VIEWERS = ['secretary', 'organizer', 'committee'] as const;

/**
 * An activity as `viewer` may see it: a member gets the place's name only, so the geofence cannot be read off
 * the API and matched with a faked position.
 */
export function toActivity(record: ActivityRecord, viewer: MemberClaims): Activity {
  const {
    orgPath: _orgPath,
    place,
    attendees: _attendees,
    cancelledBy: _cancelledBy,
    version: _version,
    ...activity
  } = record;
  const seesPlace = hasRole(viewer, PLACE_VIEWERS) && authorize(viewer, PLACE_VIEWERS, record) === 'ok';
  return {
    ...activity,
    qrSlotSeconds: record.qrSlotSeconds ?? QR_SLOT_SECONDS,
    place: place && !seesPlace ? { name: place.name } : place,
    kind: kindOf(record),
    materialItemIds: [...(record.materialItemIds ?? [])],
    requireCheckout: record.requireCheckout ?? false,
    allowInApp: record.allowInApp ?? false,
    status: record.status ?? 'scheduled',
    onLeave: record.onLeave ?? 0,
    madeUp: record.madeUp ?? 0,
    checkedOut: record.checkedOut ?? 0,
    manual: record.manual ?? 0,
  };
}

export function toCheckin(record: CheckinRecord): Checkin {
  return { id: record.id, memberId: record.memberId, at: record.at, late: record.late };
}

export async function createActivity(input: CreateActivityRequest, claims: MemberClaims, nowMs: number) {
  const branch = await org.requireOrg(input.orgId);
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
  await store.putActivity(activity);
  return activity;
}

/** One overview reads at most this many activities of a branch per month: 5 pages of 100. */
export const MONTH_ACTIVITY_BOUNDS = { pageSize: 100, maxPages: 5 } as const;

/**
 * A branch's activities starting in [fromIso, toIso) with their counters (the org overview reads them here,
 * never through the store). Bounded: `complete` is false when the branch had more than the bounds allow.
 */
export function activityCountersBetween(orgId: string, fromIso: string, toIso: string) {
  return store.activitiesStartingBetween(orgId, fromIso, toIso, MONTH_ACTIVITY_BOUNDS);
}

export async function qrFor(activity: ActivityRecord, nowMs: number) {
  const { qrSecret } = await appSecrets();
  const seconds = activity.qrSlotSeconds ?? QR_SLOT_SECONDS;
  const { payload, code, slot } = currentPayload(qrSecret, activity.id, nowMs, seconds);
  return {
    payload,
    code,
    expiresAt: new Date(slotExpiresAt(slot, seconds)).toISOString(),
    refreshAt: new Date(slotEndsAt(slot, seconds)).toISOString(),
  };
}

export async function myCheckin(activityId: string, memberId: string) {
  const found = await store.getCheckin(activityId, memberId);
  return found ? toCheckin(found) : null;
}

export function describe(activity: ActivityRecord, nowMs: number) {
  return {
    phase: activityPhase(activity.startAt, activity.endAt, nowMs),
    window: checkinWindow(activity.startAt, activity.endAt, nowMs),
  };
}

/**
 * Counts from the maintained aggregates (the freshly read activity, the branch's GetItem); the names from the
 * roster and the check-ins.
 */
export async function board(activity: ActivityRecord) {
  const [branch, roster, checkins] = await Promise.all([
    org.requireOrg(activity.orgId),
    org.listActiveMembers(activity.orgId),
    store.listCheckins(activity.id),
  ]);
  const byMember = new Map(checkins.map((c) => [c.memberId, c]));
  const members = roster.map((member) => {
    const checkin = byMember.get(member.id);
    return {
      memberId: member.id,
      name: member.name,
      status: checkin ? (checkin.late ? ('late' as const) : ('checked_in' as const)) : ('missing' as const),
      at: checkin?.at ?? null,
      location: checkin?.location ?? null,
      distanceM:
        checkin?.location && activity.place ? Math.round(distanceMeters(activity.place, checkin.location)) : null,
    };
  });
  const total = branch.memberCount;
  return {
    total,
    checkedIn: activity.checkedIn,
    late: activity.late,
    missing: Math.max(0, total - activity.checkedIn),
    members,
  };
}

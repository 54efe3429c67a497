/** 主题党日 activities: creation, the QR code, the detail and the live board (check-ins: ./checkin.ts). */

import { authorize, hasRole, type MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { checkoutWindow, MAKEUP_DAYS, makeupWindow } from '../../shared/meetings/attendee-rules';
import { activityPhase, checkinWindow } from '../../shared/meetings/checkin-rules';
import { kindOf } from '../../shared/meetings/kinds';
import { QR_SLOT_SECONDS, type QrPurpose, slotEndsAt, slotExpiresAt } from '../../shared/meetings/qr';
import type { Activity, Checkin } from '../../shared/meetings/schemas';
import { appSecrets } from '../commons/config';
import { WithStatus } from '../commons/http';
import * as org from '../org/service';
import { toAttendeeView } from './attendee-view';
import { type AttendeeRecord, getAttendee } from './attendees-store';
import { currentPayload } from './qr';
import type { ActivityRecord } from './store';
import * as store from './store';

/** Activities do not change after creation, so a warm container may keep them a minute. */
const ACTIVITY_CACHE_MS = 60_000;
const activityCache = new Map<string, { activity: ActivityRecord; until: number }>();

/** The activity read fresh (not the minute's cache): for routes that change it or need its latest state. */
export async function freshActivity(id: string): Promise<ActivityRecord> {
  const activity = await store.getActivity(id, true);
  if (!activity) throw new DomainError('ACTIVITY_NOT_FOUND');
  return activity;
}

/** 201 for a record made now, 200 with the earlier one for a repeat (DESIGN §5.2). */
export const created = <T>(isNew: boolean, body: T) => (isNew ? body : new WithStatus(200, body));

/** After a change, this container stops serving the old copy at once (others within ACTIVITY_CACHE_MS). */
export function forget(id: string): void {
  activityCache.delete(id);
}

/** A branch's scope, for routes addressed by org id. */
export async function branchScope(orgId: string) {
  const branch = await org.requireOrg(orgId);
  if (branch.kind !== 'branch') throw new DomainError('NOT_A_BRANCH');
  return org.scopeOf(branch);
}

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

/** The check-in part of an attendee (which has one: `at` is set). */
export function toCheckin(record: Pick<AttendeeRecord, 'id' | 'memberId' | 'at' | 'late' | 'manual'>): Checkin {
  return {
    id: record.id ?? '',
    memberId: record.memberId,
    at: record.at ?? '',
    late: record.late === true,
    ...(record.manual ? { manual: record.manual } : {}),
  };
}

export async function qrFor(activity: ActivityRecord, nowMs: number, purpose: QrPurpose = 'checkin') {
  if (purpose === 'checkout' && !activity.requireCheckout) throw new DomainError('CHECKOUT_NOT_REQUIRED');
  const { qrSecret } = await appSecrets();
  const seconds = activity.qrSlotSeconds ?? QR_SLOT_SECONDS;
  const { payload, code, slot } = currentPayload(qrSecret, activity.id, nowMs, seconds, purpose);
  return {
    payload,
    code,
    expiresAt: new Date(slotExpiresAt(slot, seconds)).toISOString(),
    refreshAt: new Date(slotEndsAt(slot, seconds)).toISOString(),
  };
}

/** The caller's check-in at the activity, if any. */
export async function myCheckin(activityId: string, memberId: string) {
  const attendee = await getAttendee(activityId, memberId);
  return attendee?.at ? toCheckin(attendee) : null;
}

export function describe(activity: ActivityRecord, nowMs: number) {
  return {
    phase: activityPhase(activity.startAt, activity.endAt, nowMs),
    window: checkinWindow(activity.startAt, activity.endAt, nowMs),
  };
}

/** The caller's standing at the meeting: their attendee (or a blank one), 补学 and 签退 as open to them now. */
export async function myMeeting(activity: ActivityRecord, claims: MemberClaims, nowMs: number) {
  const attendee = await getAttendee(activity.id, claims.memberId);
  if (!attendee && activity.orgId !== claims.orgId) return null;
  const facts = attendee ?? { memberId: claims.memberId, name: claims.name };
  const view = toAttendeeView(facts, activity, nowMs);
  const window = makeupWindow(activity.endAt, nowMs);
  return {
    ...view,
    makeup: {
      open: window === 'open',
      needed: (activity.materialItemIds ?? []).length > 0 && (view.status === 'missing' || view.status === 'on_leave'),
      until: new Date(Date.parse(activity.endAt) + MAKEUP_DAYS * 86_400_000).toISOString(),
    },
    checkout: checkoutWindow(activity.startAt, activity.endAt, nowMs),
  };
}

/** 主题党日 activities and check-ins: the rules applied, then the store written. */
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { activityPhase, checkinWindow, isLate, withinGeofence } from '../../shared/meetings/checkin-rules';
import { checkSlot, parseQrPayload, slotEndsAt, slotExpiresAt } from '../../shared/meetings/qr';
import type { Activity, Checkin, CreateActivityRequest } from '../../shared/meetings/schemas';
import { appSecrets } from '../commons/config';
import { newId } from '../commons/ids';
import * as org from '../org/service';
import { currentPayload, signatureMatches } from './qr';
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

export function toActivity(record: ActivityRecord): Activity {
  const { orgPath: _orgPath, ...activity } = record;
  return activity;
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
    createdBy: claims.memberId,
    createdAt: new Date(nowMs).toISOString(),
    checkedIn: 0,
    late: 0,
  };
  await store.putActivity(activity);
  return activity;
}

export async function qrFor(activity: ActivityRecord, nowMs: number) {
  const { qrSecret } = await appSecrets();
  const { payload, slot } = currentPayload(qrSecret, activity.id, nowMs);
  return {
    payload,
    expiresAt: new Date(slotExpiresAt(slot)).toISOString(),
    refreshAt: new Date(slotEndsAt(slot)).toISOString(),
  };
}

/** The rules a check-in must pass, in the order a member would want to hear about them. */
async function assertCheckinAllowed(
  activity: ActivityRecord,
  qr: string,
  location: { lat: number; lng: number } | undefined,
  nowMs: number,
): Promise<void> {
  const payload = parseQrPayload(qr);
  if (!payload) throw new DomainError('QR_MALFORMED');
  if (payload.activityId !== activity.id) throw new DomainError('QR_WRONG_ACTIVITY');
  const { qrSecret } = await appSecrets();
  if (!signatureMatches(qrSecret, payload.activityId, payload.slot, payload.signature)) {
    throw new DomainError('QR_SIGNATURE_INVALID');
  }
  const slot = checkSlot(payload.slot, nowMs);
  if (slot === 'expired') throw new DomainError('QR_EXPIRED');
  if (slot === 'future') throw new DomainError('QR_SIGNATURE_INVALID');
  const window = checkinWindow(activity.startAt, activity.endAt, nowMs);
  if (window === 'not_open') throw new DomainError('CHECKIN_NOT_OPEN');
  if (window === 'closed') throw new DomainError('CHECKIN_CLOSED');
  if (activity.place) {
    if (!location) throw new DomainError('LOCATION_REQUIRED');
    if (!withinGeofence(activity.place, location)) throw new DomainError('OUTSIDE_GEOFENCE');
  }
}

const MAX_CONFLICT_RETRIES = 8;

/** → created: a new check-in (201); existing: the one this member already has (200). */
export async function checkIn(
  activity: ActivityRecord,
  claims: MemberClaims,
  input: { qr: string; location?: { lat: number; lng: number } },
  nowMs: number,
): Promise<{ checkin: CheckinRecord; created: boolean }> {
  try {
    await assertCheckinAllowed(activity, input.qr, input.location, nowMs);
  } catch (error) {
    // A retry after the code rolled over (or the window closed) still gets the check-in it already made.
    const isForgery =
      error instanceof DomainError && (error.code === 'QR_SIGNATURE_INVALID' || error.code === 'QR_MALFORMED');
    const existing = isForgery ? null : await store.getCheckin(activity.id, claims.memberId);
    if (existing) return { checkin: existing, created: false };
    throw error;
  }
  const checkin: CheckinRecord = {
    id: newId('c'),
    activityId: activity.id,
    memberId: claims.memberId,
    name: claims.name,
    at: new Date(nowMs).toISOString(),
    late: isLate(activity.startAt, nowMs),
    ...(input.location ? { location: input.location } : {}),
  };
  for (let attempt = 0; ; attempt++) {
    const outcome = await store.writeCheckin(checkin);
    if (outcome === 'created') return { checkin, created: true };
    if (outcome === 'exists') {
      const existing = await store.getCheckin(activity.id, claims.memberId);
      if (existing) return { checkin: existing, created: false };
    }
    // Another transaction held the activity's counters: back off with jitter and try again.
    if (attempt >= MAX_CONFLICT_RETRIES) throw new DomainError('TOO_MANY_REQUESTS');
    await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
  }
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

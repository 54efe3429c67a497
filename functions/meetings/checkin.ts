/**
 * A member's check-in (主题党日 and every other meeting): the rules, then one transaction that writes the
 * check-in, moves the counters and checks the member against the roster (issue #6), all or nothing.
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { activityRefusalLimit, RATE_LIMITS } from '../../shared/http/rate-limits';
import { withCheckin } from '../../shared/meetings/attendee-rules';
import { checkinWindow, isLate, withinGeofence } from '../../shared/meetings/checkin-rules';
import { checkSlot, parseQrPayload, type QrPurpose } from '../../shared/meetings/qr';
import type { ReportedLocation } from '../../shared/meetings/schemas';
import { appSecrets } from '../commons/config';
import { newId } from '../commons/ids';
import { countInMemory, hit, refuseIfLocked } from '../commons/rate-limit';
import * as org from '../org/service';
import { changeAttendee } from './attendees';
import { type AttendeeRecord, blankAttendee, getAttendee } from './attendees-store';
import { codeMatches, signatureMatches } from './qr';
import type { ActivityRecord } from './store';

/** The request's body: exactly one of `qr` (scanned payload) and `code` (typed 6 digits), per the contract. */
interface CheckinInput {
  readonly qr?: string | undefined;
  readonly code?: string | undefined;
  readonly location?: ReportedLocation | undefined;
}

/** The code a tap carries — scanned payload or typed digits — checked for this activity and purpose. */
export async function assertQrValid(
  activity: ActivityRecord,
  qr: string,
  nowMs: number,
  purpose: QrPurpose = 'checkin',
): Promise<void> {
  const payload = parseQrPayload(qr);
  if (!payload) throw new DomainError('QR_MALFORMED');
  if (payload.activityId !== activity.id) throw new DomainError('QR_WRONG_ACTIVITY');
  const { qrSecret } = await appSecrets();
  if (!signatureMatches(qrSecret, payload.activityId, payload.slot, payload.signature, payload.purpose)) {
    throw new DomainError('QR_SIGNATURE_INVALID');
  }
  if (payload.purpose !== purpose) throw new DomainError(purpose === 'checkin' ? 'QR_IS_CHECKOUT' : 'QR_IS_CHECKIN');
  const slot = checkSlot(payload.slot, nowMs, activity.qrSlotSeconds);
  if (slot === 'expired') throw new DomainError('QR_EXPIRED');
  if (slot === 'future') throw new DomainError('QR_SIGNATURE_INVALID');
}

/**
 * A typed code: this activity's, for the current or previous slot. Six digits can be guessed, so a member
 * locked out by wrong codes is refused before the code is even compared (else a right guess would still get
 * through behind the 429s), and each wrong code is counted. The other purpose's code is named as such.
 */
export async function assertCodeValid(
  activity: ActivityRecord,
  memberId: string,
  code: string,
  nowMs: number,
  purpose: QrPurpose = 'checkin',
) {
  const rule = RATE_LIMITS.checkinCodeFailuresPerMember;
  const subject = `${activity.id}#${memberId}`;
  await refuseIfLocked(rule, subject, nowMs);
  const { qrSecret } = await appSecrets();
  if (codeMatches(qrSecret, activity.id, code, nowMs, activity.qrSlotSeconds, purpose)) return;
  const other: QrPurpose = purpose === 'checkin' ? 'checkout' : 'checkin';
  if (activity.requireCheckout && codeMatches(qrSecret, activity.id, code, nowMs, activity.qrSlotSeconds, other)) {
    throw new DomainError(purpose === 'checkin' ? 'QR_IS_CHECKOUT' : 'QR_IS_CHECKIN');
  }
  await hit(rule, subject, nowMs);
  throw new DomainError('CHECKIN_CODE_INVALID');
}

const QR_REQUIRED = '请扫描签到二维码或输入 6 位签到码';

/** The rules a check-in must pass, in the order a member would want to hear about them. */
async function assertCheckinAllowed(
  activity: ActivityRecord,
  memberId: string,
  input: CheckinInput,
  nowMs: number,
): Promise<void> {
  if (activity.status === 'cancelled') throw new DomainError('ACTIVITY_CANCELLED');
  if (input.code !== undefined) await assertCodeValid(activity, memberId, input.code, nowMs);
  else if (input.qr !== undefined) await assertQrValid(activity, input.qr, nowMs);
  // In the app, without a code, only where the secretary allows it (DESIGN §5.2).
  // Without one elsewhere the body lacks a required field: the same 400 the schema gives a bad body.
  else if (!activity.allowInApp) throw new DomainError('VALIDATION_FAILED', { message: QR_REQUIRED });
  const window = checkinWindow(activity.startAt, activity.endAt, nowMs);
  if (window === 'not_open') throw new DomainError('CHECKIN_NOT_OPEN');
  if (window === 'closed') throw new DomainError('CHECKIN_CLOSED');
  if (activity.place) {
    if (!input.location) throw new DomainError('LOCATION_REQUIRED');
    if (!withinGeofence(activity.place, input.location)) throw new DomainError('OUTSIDE_GEOFENCE');
  }
}

/** For answers that wrote nothing (a repeat, a rule's refusal): the roster first, so a revoked token learns nothing. */
export async function assertOnRoster(memberId: string, orgId: string): Promise<void> {
  const member = await org.findMember(memberId);
  if (member?.status !== 'active') throw new DomainError('SESSION_REVOKED');
  if (member.orgId !== orgId) throw new DomainError('NOT_IN_BRANCH');
}

/** The roster says no: deactivated (or gone) → the session is over; moved → not this branch's meeting. */
export async function notAMemberHere(memberId: string): Promise<never> {
  const member = await org.findMember(memberId);
  if (member?.status !== 'active') throw new DomainError('SESSION_REVOKED');
  throw new DomainError('NOT_IN_BRANCH');
}

/**
 * A tap that creates nothing — a repeat, or a refused code. It is held to the roster (live, unless the
 * check-in transaction's ConditionCheck just did that) and counted against the rate limits (per member on
 * this activity; refusals also per activity, scaled by the branch's size). The roster's answer comes first,
 * then the limit, then the existing check-in or the refusal.
 */
async function withoutCreating(
  activity: ActivityRecord,
  claims: MemberClaims,
  refusal: DomainError | null,
  nowMs: number,
  rosterChecked = false,
): Promise<{ checkin: AttendeeRecord; created: false }> {
  const forged =
    refusal?.code === 'QR_SIGNATURE_INVALID' ||
    refusal?.code === 'QR_MALFORMED' ||
    refusal?.code === 'CHECKIN_CODE_INVALID';
  const [member, existing, retries, refusals] = await Promise.allSettled([
    rosterChecked ? Promise.resolve(null) : org.findMember(claims.memberId),
    forged ? Promise.resolve(null) : getAttendee(activity.id, claims.memberId),
    countRetry(activity, claims.memberId, nowMs),
    refusal ? countRefusal(activity, nowMs) : Promise.resolve(),
  ]);
  if (member.status === 'rejected') throw member.reason;
  if (!rosterChecked) {
    if (member.value?.status !== 'active') throw new DomainError('SESSION_REVOKED');
    if (member.value.orgId !== activity.orgId) throw new DomainError('NOT_IN_BRANCH');
  }
  for (const counted of [retries, refusals]) if (counted.status === 'rejected') throw counted.reason;
  if (existing.status === 'rejected') throw existing.reason;
  // A retry after the code rolled over (or the window closed) still gets the check-in it already made.
  if (existing.value?.at) return { checkin: existing.value, created: false };
  throw refusal ?? new DomainError('INTERNAL');
}

/**
 * A member's taps that create nothing, on one activity. The first few in a container are free (a nervous
 * double tap, a retry on a bad signal: no write for that); past them every tap is counted in DynamoDB,
 * where all containers share the count, so hammering meets the limit however it is spread.
 */
const FREE_RETRIES_PER_CONTAINER = 3;
export async function countRetry(activity: ActivityRecord, memberId: string, nowMs: number): Promise<void> {
  const subject = `${activity.id}#${memberId}`;
  if (countInMemory(RATE_LIMITS.checkinRetriesPerMember, subject, nowMs) <= FREE_RETRIES_PER_CONTAINER) return;
  await hit(RATE_LIMITS.checkinRetriesPerMember, subject, nowMs);
}

export async function countRefusal(activity: ActivityRecord, nowMs: number): Promise<void> {
  const branch = await org.findOrg(activity.orgId);
  const limit = activityRefusalLimit(branch?.memberCount ?? 0);
  await hit(RATE_LIMITS.checkinRefusalsPerActivity, activity.id, nowMs, limit);
}

/**
 * → created: a new check-in (201); existing: the one this member already has (200). `claims` are the
 * token's: the roster is checked inside the transaction, or read live when the token's branch differs.
 */
export async function checkIn(
  activity: ActivityRecord,
  tokenClaims: MemberClaims,
  input: CheckinInput,
  nowMs: number,
): Promise<{ checkin: AttendeeRecord; created: boolean }> {
  let claims = tokenClaims;
  if (activity.orgId !== claims.orgId) {
    // The token predates a transfer (or the activity is another branch's): the roster decides.
    claims = await org.currentClaims(tokenClaims);
    if (activity.orgId !== claims.orgId) throw new DomainError('NOT_IN_BRANCH');
  }
  let refusal: DomainError | null = null;
  try {
    await assertCheckinAllowed(activity, claims.memberId, input, nowMs);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    refusal = error;
  }
  if (refusal) return withoutCreating(activity, claims, refusal, nowMs);
  const checkin = {
    id: newId('c'),
    at: new Date(nowMs).toISOString(),
    late: isLate(activity.startAt, nowMs),
    ...(input.location ? { location: input.location } : {}),
  };
  const result = await changeAttendee({
    activity,
    member: { id: claims.memberId, name: claims.name },
    nowMs,
    // The hot path: one transaction, no read first (the freeze's blank item, or none before the start).
    assumeBlank: true,
    apply: (before, current) =>
      withCheckin(before ?? blankAttendee(current, { id: claims.memberId, name: claims.name }), checkin),
    extra: () => [org.activeMemberCheck(claims.memberId, activity.orgId)],
    onExtraFailed: () => notAMemberHere(claims.memberId),
  });
  if (result.changed) return { checkin: result.attendee, created: true };
  return withoutCreating(activity, claims, null, nowMs);
}

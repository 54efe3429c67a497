/**
 * 签退 (DESIGN §6): where a meeting requires it, a second rotating code shown at the end; a member checked in
 * without one by the end counts as 早退. One transaction like the check-in: the attendee on its version, the
 * counters, and the roster check.
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { checkoutWindow, withCheckout } from '../../shared/meetings/attendee-rules';
import * as org from '../org/service';
import { counterUpdates } from './aggregates';
import { activityCondition, changeAttendee } from './attendees';
import { checkoutUpdate, transact } from './attendees-store';
import { assertCodeValid, assertOnRoster, assertQrValid, countRefusal, countRetry, notAMemberHere } from './checkin';
import type { ActivityRecord } from './store';

export interface CheckoutInput {
  readonly qr?: string | undefined;
  readonly code?: string | undefined;
}

async function assertCheckoutAllowed(activity: ActivityRecord, memberId: string, input: CheckoutInput, nowMs: number) {
  if (activity.status === 'cancelled') throw new DomainError('ACTIVITY_CANCELLED');
  if (!activity.requireCheckout) throw new DomainError('CHECKOUT_NOT_REQUIRED');
  if (input.code !== undefined) await assertCodeValid(activity, memberId, input.code, nowMs, 'checkout');
  else await assertQrValid(activity, input.qr ?? '', nowMs, 'checkout');
  const window = checkoutWindow(activity.startAt, activity.endAt, nowMs);
  if (window === 'not_open') throw new DomainError('CHECKOUT_NOT_OPEN');
  if (window === 'closed') throw new DomainError('CHECKOUT_CLOSED');
}

/**
 * The hot path: one transaction, no read — 签退 set onto a check-in that has none, checkedOut +1, the roster
 * checked. → false when any condition failed (the careful path decides).
 */
async function checkOutDirectly(activity: ActivityRecord, memberId: string, at: string, nowMs: number) {
  if (!activity.frozenAt && nowMs >= Date.parse(activity.startAt)) return false;
  const reasons = await transact([
    checkoutUpdate(activity.id, memberId, at),
    ...counterUpdates(activity, { checkedOut: 1 }, activityCondition(activity)),
    org.activeMemberCheck(memberId, activity.orgId),
  ]);
  return reasons === null;
}

/** → created: the 签退 now recorded (201); otherwise the one recorded before (200). */
export async function checkOut(
  activity: ActivityRecord,
  tokenClaims: MemberClaims,
  input: CheckoutInput,
  nowMs: number,
) {
  let claims = tokenClaims;
  if (activity.orgId !== claims.orgId) {
    claims = await org.currentClaims(tokenClaims);
    if (activity.orgId !== claims.orgId) throw new DomainError('NOT_IN_BRANCH');
  }
  try {
    await assertCheckoutAllowed(activity, claims.memberId, input, nowMs);
  } catch (error) {
    // The roster answers first (a revoked token learns nothing), and refusals are counted like the check-in's,
    // so a script cannot try codes without meeting a 429.
    if (error instanceof DomainError) {
      await assertOnRoster(claims.memberId, activity.orgId);
      await Promise.all([countRetry(activity, claims.memberId, nowMs), countRefusal(activity, nowMs)]);
    }
    throw error;
  }
  const at = new Date(nowMs).toISOString();
  const fast = await checkOutDirectly(activity, claims.memberId, at, nowMs);
  if (fast) return { checkout: { memberId: claims.memberId, at }, created: true };
  const result = await changeAttendee({
    activity,
    member: { id: claims.memberId, name: claims.name },
    nowMs,
    apply: (before) => withCheckout(before, at),
    extra: () => [org.activeMemberCheck(claims.memberId, activity.orgId)],
    onExtraFailed: () => notAMemberHere(claims.memberId),
  }).catch(async (error: unknown) => {
    if (error instanceof DomainError) await assertOnRoster(claims.memberId, activity.orgId);
    throw error;
  });
  if (!result.changed) {
    await Promise.all([assertOnRoster(claims.memberId, activity.orgId), countRetry(activity, claims.memberId, nowMs)]);
  }
  const { attendee } = result;
  return {
    checkout: {
      memberId: attendee.memberId,
      at: attendee.checkedOutAt ?? at,
      ...(attendee.at ? { checkinAt: attendee.at } : {}),
    },
    created: result.changed,
  };
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  acceptedCodeSlots,
  CHECKIN_CODE_PATTERN,
  codeFromDigest,
  codeMessage,
  formatQrPayload,
  type QrPurpose,
  qrMessage,
  slotOf,
} from '../../shared/meetings/qr';

/** 16 bytes of HMAC-SHA256: forging one is out of reach, and the QR code stays small. */
export function signSlot(secret: string, activityId: string, slot: number, purpose: QrPurpose = 'checkin'): string {
  return createHmac('sha256', secret)
    .update(qrMessage(activityId, slot, purpose))
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

export function signatureMatches(
  secret: string,
  activityId: string,
  slot: number,
  signature: string,
  purpose: QrPurpose = 'checkin',
): boolean {
  const expected = Buffer.from(signSlot(secret, activityId, slot, purpose));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function currentPayload(
  secret: string,
  activityId: string,
  nowMs: number,
  slotSeconds?: number,
  purpose: QrPurpose = 'checkin',
): { payload: string; code: string; slot: number } {
  const slot = slotOf(nowMs, slotSeconds);
  const signature = signSlot(secret, activityId, slot, purpose);
  const payload = formatQrPayload({ activityId, slot, signature, purpose });
  return { payload, code: codeForSlot(secret, activityId, slot, purpose), slot };
}

/** The typed 6-digit code of one slot of one activity (signed apart from the QR signature: `code|…`). */
export function codeForSlot(secret: string, activityId: string, slot: number, purpose: QrPurpose = 'checkin'): string {
  return codeFromDigest(
    createHmac('sha256', secret)
      .update(codeMessage(activityId, slot, purpose))
      .digest(),
  );
}

/**
 * Whether `code` is this activity's code for the current or the previous slot (a payload's lifetime). Both are
 * compared, in constant time, so the answer's timing tells nothing about which digits were right.
 */
export function codeMatches(
  secret: string,
  activityId: string,
  code: string,
  nowMs: number,
  slotSeconds?: number,
  purpose: QrPurpose = 'checkin',
): boolean {
  if (!CHECKIN_CODE_PATTERN.test(code)) return false;
  const given = Buffer.from(code);
  let matched = false;
  for (const slot of acceptedCodeSlots(nowMs, slotSeconds)) {
    if (timingSafeEqual(Buffer.from(codeForSlot(secret, activityId, slot, purpose)), given)) matched = true;
  }
  return matched;
}

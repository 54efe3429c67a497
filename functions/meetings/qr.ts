import { createHmac, timingSafeEqual } from 'node:crypto';
import { formatQrPayload, qrMessage, slotOf } from '../../shared/meetings/qr';

/** 16 bytes of HMAC-SHA256: forging one is out of reach, and the QR code stays small. */
export function signSlot(secret: string, activityId: string, slot: number): string {
  return createHmac('sha256', secret)
    .update(qrMessage(activityId, slot))
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

export function signatureMatches(secret: string, activityId: string, slot: number, signature: string): boolean {
  const expected = Buffer.from(signSlot(secret, activityId, slot));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function currentPayload(
  secret: string,
  activityId: string,
  nowMs: number,
  slotSeconds?: number,
): { payload: string; slot: number } {
  const slot = slotOf(nowMs, slotSeconds);
  return { payload: formatQrPayload({ activityId, slot, signature: signSlot(secret, activityId, slot) }), slot };
}

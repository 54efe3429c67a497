/**
 * The check-in QR payload is `activityId.slot.signature` (DESIGN §6): slot = floor(now / 30 s), signature =
 * HMAC(secret, `activityId|slot`). Signing needs the secret and lives server-side; the pure parts are here.
 * The typed 6-digit code (DESIGN §5.2) is HMAC(secret, `code|activityId|slot`) folded to 6 digits.
 */
/** The default slot; an activity may choose 10 s (issue #6: a forwarded code dies sooner at large meetings). */
export const QR_SLOT_SECONDS = 30;
const ms = (slotSeconds: number) => slotSeconds * 1000;

/**
 * What a code is for: 签到, or 签退 (DESIGN §6: a second rotating code when the meeting requires it). A 签退
 * payload carries a fourth part `out` and signs `out|activityId|slot`, so neither code passes for the other.
 */
export type QrPurpose = 'checkin' | 'checkout';

export interface QrPayload {
  readonly activityId: string;
  readonly slot: number;
  readonly signature: string;
  readonly purpose: QrPurpose;
}

export function slotOf(epochMs: number, slotSeconds = QR_SLOT_SECONDS): number {
  return Math.floor(epochMs / ms(slotSeconds));
}

/** When a slot's code stops being accepted: it is valid for its own slot and the next one. */
export function slotExpiresAt(slot: number, slotSeconds = QR_SLOT_SECONDS): number {
  return (slot + 2) * ms(slotSeconds);
}

/** When the secretary's screen must show a new code. */
export function slotEndsAt(slot: number, slotSeconds = QR_SLOT_SECONDS): number {
  return (slot + 1) * ms(slotSeconds);
}

export function qrMessage(activityId: string, slot: number, purpose: QrPurpose = 'checkin'): string {
  return purpose === 'checkout' ? `out|${activityId}|${slot}` : `${activityId}|${slot}`;
}

export function formatQrPayload(payload: Omit<QrPayload, 'purpose'> & { purpose?: QrPurpose }): string {
  const base = `${payload.activityId}.${payload.slot}.${payload.signature}`;
  return payload.purpose === 'checkout' ? `${base}.out` : base;
}

export function parseQrPayload(text: string): QrPayload | null {
  const parts = text.trim().split('.');
  if (parts.length !== 3 && !(parts.length === 4 && parts[3] === 'out')) return null;
  const [activityId, slotText, signature] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(activityId)) return null;
  if (!/^\d{1,12}$/.test(slotText)) return null;
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(signature)) return null;
  return { activityId, slot: Number(slotText), signature, purpose: parts.length === 4 ? 'checkout' : 'checkin' };
}

export type SlotCheck = 'ok' | 'expired' | 'future';

/** A payload is valid for its slot and the next one (two slots after it was shown), never before. */
export function checkSlot(slot: number, nowMs: number, slotSeconds = QR_SLOT_SECONDS): SlotCheck {
  const current = slotOf(nowMs, slotSeconds);
  if (slot > current) return 'future';
  if (slot < current - 1) return 'expired';
  return 'ok';
}

/** A typed check-in code: exactly six digits (leading zeros kept). */
export const CHECKIN_CODE_PATTERN = /^\d{6}$/;
const CODE_MODULUS = 1_000_000;

/**
 * What the code's HMAC signs. The `code|` prefix keeps it a different message from the QR signature's, so a
 * code never reveals (or equals) any part of a payload.
 */
export function codeMessage(activityId: string, slot: number, purpose: QrPurpose = 'checkin'): string {
  return purpose === 'checkout' ? `codeout|${activityId}|${slot}` : `code|${activityId}|${slot}`;
}

/** The first 4 bytes of an HMAC digest → a 31-bit integer → mod 10^6, zero-padded (RFC 4226's folding). */
export function codeFromDigest(digest: Uint8Array): string {
  if (digest.length < 4) throw new RangeError('digest too short');
  const value =
    (((digest[0] ?? 0) & 0x7f) << 24) | ((digest[1] ?? 0) << 16) | ((digest[2] ?? 0) << 8) | (digest[3] ?? 0);
  return String(value % CODE_MODULUS).padStart(6, '0');
}

/**
 * The slots whose code is accepted at `nowMs`: the current one and the previous one — the same lifetime as a
 * payload (its own slot and the next, `checkSlot`). A code carries no slot, so the server tries these two.
 */
export function acceptedCodeSlots(nowMs: number, slotSeconds = QR_SLOT_SECONDS): readonly [number, number] {
  const current = slotOf(nowMs, slotSeconds);
  return [current, current - 1];
}

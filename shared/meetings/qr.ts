/**
 * The check-in QR payload is `activityId.slot.signature` (DESIGN §6): slot = floor(now / 30 s), signature =
 * HMAC(secret, `activityId|slot`). Signing needs the secret and lives server-side; the pure parts are here.
 */
/** The default slot; an activity may choose 10 s (issue #6: a forwarded code dies sooner at large meetings). */
export const QR_SLOT_SECONDS = 30;
const ms = (slotSeconds: number) => slotSeconds * 1000;

export interface QrPayload {
  readonly activityId: string;
  readonly slot: number;
  readonly signature: string;
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

export function qrMessage(activityId: string, slot: number): string {
  return `${activityId}|${slot}`;
}

export function formatQrPayload(payload: QrPayload): string {
  return `${payload.activityId}.${payload.slot}.${payload.signature}`;
}

export function parseQrPayload(text: string): QrPayload | null {
  const parts = text.trim().split('.');
  if (parts.length !== 3) return null;
  const [activityId, slotText, signature] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(activityId)) return null;
  if (!/^\d{1,12}$/.test(slotText)) return null;
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(signature)) return null;
  return { activityId, slot: Number(slotText), signature };
}

export type SlotCheck = 'ok' | 'expired' | 'future';

/** A payload is valid for its slot and the next one (two slots after it was shown), never before. */
export function checkSlot(slot: number, nowMs: number, slotSeconds = QR_SLOT_SECONDS): SlotCheck {
  const current = slotOf(nowMs, slotSeconds);
  if (slot > current) return 'future';
  if (slot < current - 1) return 'expired';
  return 'ok';
}

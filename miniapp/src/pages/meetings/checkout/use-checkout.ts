import { useRef, useState } from 'react';
import { newIdempotencyKey } from '../../../api/client';
import { attendanceApi } from '../../../api/meeting-attendance';
import { errorCode, errorMessage } from '../../../lib/errors';
import { type CheckinEntry, normalizeCode } from '../components/use-checkin';

/**
 * The server's code-checking errors speak of 签到码 (they are shared with the check-in); on this page the
 * member holds a 签退码. QR_IS_CHECKIN, CHECKOUT_WITHOUT_CHECKIN and CHECKOUT_CLOSED are shown as the server says.
 */
const CHECKOUT_WORDS: Record<string, string> = {
  CHECKIN_CODE_INVALID: '签退码不正确或已过期，请看书记手机上的最新 6 位签退码',
  QR_EXPIRED: '签退码已过期，请扫描书记手机上的最新签退二维码',
  QR_SIGNATURE_INVALID: '签退码无效，请扫描书记手机上的签退二维码',
  QR_MALFORMED: '这不是本系统的签退二维码',
  QR_WRONG_ACTIVITY: '这是其他会议的签退码',
};

function missingEntryMessage(entry: CheckinEntry): string | null {
  if ('code' in entry) return /^\d{6}$/.test(entry.code) ? null : '请输入书记手机上显示的 6 位签退码';
  return entry.qr ? null : '请先扫码或粘贴签退码';
}

export interface CheckoutDone {
  readonly at: string;
  readonly checkinAt: string;
  /** True when this tap recorded it (201); false when it was already recorded (200). */
  readonly fresh: boolean;
}

/** Submits a 签退: one at a time (repeat taps are ignored), one idempotency key per submission. */
export function useCheckout(activityId: string) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<CheckoutDone | null>(null);
  const inFlight = useRef(false);

  async function submit(given: CheckinEntry) {
    if (inFlight.current) return;
    const entry: CheckinEntry = 'code' in given ? { code: normalizeCode(given.code) } : { qr: given.qr.trim() };
    const missing = missingEntryMessage(entry);
    if (missing) {
      setError(missing);
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    setError(null);
    try {
      const { checkout, existed } = await attendanceApi.checkOut(activityId, entry, newIdempotencyKey());
      setDone({ at: checkout.at, checkinAt: checkout.checkinAt ?? '', fresh: !existed });
    } catch (caught) {
      setError(CHECKOUT_WORDS[errorCode(caught) ?? ''] ?? errorMessage(caught));
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }

  return { submit, submitting, error, done, clearError: () => setError(null) };
}

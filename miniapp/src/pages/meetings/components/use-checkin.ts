import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { PlaceView } from '../../../../../shared/meetings/schemas';
import { newIdempotencyKey } from '../../../api/client';
import { meetingsApi } from '../../../api/meetings';
import { errorMessage } from '../../../lib/errors';
import { currentLocation, type LatLng, LocationError } from '../../../lib/location';
import { go, replace } from '../../../lib/nav';

export interface CheckinTarget {
  readonly id: string;
  readonly title: string;
  /** Members see only the name; the radius and coordinates are for the runners (issue #6). */
  readonly place: PlaceView | null;
}

const IS_H5 = process.env.TARO_ENV === 'h5';

/** What the member gives: the scanned or pasted payload, or the 6-digit code typed from the secretary's screen. */
export type CheckinEntry = { readonly qr: string } | { readonly code: string };

/** A check-in as submitted: a code, or none where the meeting allows checking in from the app (`allowInApp`). */
export type CheckinSubmission = CheckinEntry | { readonly inApp: true };

/**
 * Which check-in this phone just created (201), so the result page can say 签到成功 rather than 已签到. Kept in
 * memory, never in the URL: the result page reads the check-in itself from the server (issue #7 item 7).
 */
let justCreated: { activityId: string; checkinId: string } | null = null;

export function wasJustCreated(activityId: string, checkinId: string): boolean {
  return justCreated?.activityId === activityId && justCreated.checkinId === checkinId;
}

/** Digits only, at most 6: what a member's typing or pasting of "123 456" becomes. */
export function normalizeCode(text: string): string {
  return text.replace(/\D/g, '').slice(0, 6);
}

function missingEntryMessage(entry: CheckinEntry): string | null {
  if ('code' in entry) return /^\d{6}$/.test(entry.code) ? null : '请输入书记手机上显示的 6 位签到码';
  if (entry.qr) return null;
  return IS_H5 ? '请先粘贴签到码' : '没有识别到签到码，请重新扫码';
}

/**
 * Submits a check-in: location when the activity has a place, then POST …/checkins, then the result page.
 * One submission at a time (repeat taps are ignored); one idempotency key per submission.
 */
export function useCheckin() {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [locationDenied, setLocationDenied] = useState(false);
  const inFlight = useRef(false);

  async function locate(target: CheckinTarget): Promise<LatLng | undefined> {
    if (!target.place) return undefined;
    // weapp and H5 alike (H5 converts the browser's WGS-84 position to GCJ-02): a refusal, no fix or a
    // timeout is said in Chinese here rather than sent on to the server as LOCATION_REQUIRED.
    return currentLocation();
  }

  async function submit(target: CheckinTarget, given: CheckinSubmission, options: { replacePage?: boolean } = {}) {
    if (inFlight.current) return;
    // In the app: an empty body (DESIGN §5.2: both may be omitted only when `allowInApp`).
    const entry: CheckinEntry | null =
      'inApp' in given ? null : 'code' in given ? { code: normalizeCode(given.code) } : { qr: given.qr.trim() };
    const missing = entry ? missingEntryMessage(entry) : null;
    if (missing) {
      setError(missing);
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    setError(null);
    setLocationDenied(false);
    try {
      const location = await locate(target);
      const body = { ...entry, ...(location ? { location } : {}) };
      const result = await meetingsApi.checkIn(target.id, body, newIdempotencyKey());
      justCreated = result.existed ? null : { activityId: target.id, checkinId: result.checkin.id };
      // Only the id: the result page asks the server what happened.
      if (options.replacePage) replace('checkinResult', { id: target.id });
      else go('checkinResult', { id: target.id });
    } catch (caught) {
      setLocationDenied(caught instanceof LocationError && caught.denied);
      setError(errorMessage(caught));
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }

  return { submit, submitting, error, locationDenied, clearError: () => setError(null) };
}

/** weapp: the camera only (a photo of a QR code could be forwarded). */
export async function scanPayload(): Promise<string | null> {
  try {
    const result = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return result.result;
  } catch {
    return null; // cancelled
  }
}

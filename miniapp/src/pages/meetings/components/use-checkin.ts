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
    try {
      return await currentLocation();
    } catch (caught) {
      // H5 browsers often cannot locate: submit anyway and let the server say LOCATION_REQUIRED.
      if (IS_H5) return undefined;
      throw caught;
    }
  }

  async function submit(target: CheckinTarget, payload: string, options: { replacePage?: boolean } = {}) {
    const qr = payload.trim();
    if (inFlight.current) return;
    if (!qr) {
      setError(IS_H5 ? '请先粘贴签到码' : '没有识别到签到码，请重新扫码');
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    setError(null);
    setLocationDenied(false);
    try {
      const location = await locate(target);
      const result = await meetingsApi.checkIn(target.id, location ? { qr, location } : { qr }, newIdempotencyKey());
      const query = {
        id: target.id,
        title: target.title,
        at: result.checkin.at,
        late: result.checkin.late ? 1 : 0,
        existed: result.existed ? 1 : 0,
      };
      if (options.replacePage) replace('checkinResult', query);
      else go('checkinResult', query);
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

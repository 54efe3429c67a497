import { useDidHide, useDidShow, useUnload } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { meetingAdminApi } from '../../../api/meeting-admin';
import { errorMessage } from '../../../lib/errors';
import { keepScreenOn, type ScreenOn } from '../../../lib/keep-screen-on';

export interface QrState {
  payload: string;
  /** The same slot's 6-digit code, for members who type it. */
  code: string;
  expiresAt: string;
  refreshAt: string;
}

/** Never poll faster than this, even if the phone's clock is far off the server's. */
const MIN_DELAY_MS = 2000;
const MAX_DELAY_MS = 30_000;
const RETRY_DELAY_MS = 3000;

/**
 * The activity's current QR payload, fetched again each time the server's `refreshAt` passes (every 30 s, or
 * 10 s for an activity with `qrSlotSeconds: 10`), only while the page is shown and `enabled` (the check-in
 * window is open: no live code outside it). `secondsLeft` counts down to the next code.
 */
export function useRotatingQr(activityId: string, enabled: boolean, purpose: 'checkin' | 'checkout' = 'checkin') {
  const [qr, setQr] = useState<QrState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const active = useRef(false);
  const purposeRef = useRef(purpose);
  purposeRef.current = purpose;

  function stop() {
    active.current = false;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }

  async function fetchNext() {
    if (!active.current) return;
    let delay = RETRY_DELAY_MS;
    try {
      const asked = purposeRef.current;
      const next = await meetingAdminApi.qr(activityId, asked);
      // Switched meanwhile: the new purpose's own fetch is already under way.
      if (asked !== purposeRef.current) return;
      setQr(next);
      setError(null);
      delay = Math.min(MAX_DELAY_MS, Math.max(MIN_DELAY_MS, Date.parse(next.refreshAt) - Date.now() + 200));
    } catch (caught) {
      setError(errorMessage(caught));
    }
    if (active.current) timer.current = setTimeout(() => void fetchNext(), delay);
  }

  function start() {
    stop();
    active.current = true;
    void fetchNext();
  }

  const [shown, setShown] = useState(true);
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  useUnload(stop);

  // biome-ignore lint/correctness/useExhaustiveDependencies: start/stop read refs; only these three switch it.
  useEffect(() => {
    if (shown && enabled) start();
    else {
      stop();
      if (!enabled) setQr(null);
    }
    return stop;
  }, [shown, enabled, purpose]);

  // Another purpose: never show the previous purpose's code while the new one loads.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of purpose clears the code.
  useEffect(() => setQr(null), [purpose]);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  // Members scan this screen: keep it on while a code shows, and say so where the phone cannot.
  const [screenOn, setScreenOn] = useState<ScreenOn | null>(null);
  useEffect(() => {
    if (!(shown && enabled)) return;
    let release = () => {};
    let gone = false;
    void keepScreenOn().then(({ state, stop: stopKeeping }) => {
      if (gone) return stopKeeping();
      release = stopKeeping;
      setScreenOn(state);
    });
    return () => {
      gone = true;
      release();
    };
  }, [shown, enabled]);

  const secondsLeft = qr ? Math.max(0, Math.ceil((Date.parse(qr.refreshAt) - now) / 1000)) : 0;
  return { qr, error, secondsLeft, screenOn, retry: start };
}

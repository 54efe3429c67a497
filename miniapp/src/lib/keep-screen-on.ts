/**
 * Keeps the screen on while a page needs it (the QR screen members scan). WeChat: setKeepScreenOn. H5: the
 * Screen Wake Lock API, taken again whenever the page becomes visible (the browser drops it on hide). Where
 * neither works, the caller is told, so the page can say so instead of dimming silently.
 */
import Taro from '@tarojs/taro';

interface WakeLockSentinel {
  release(): Promise<void>;
}
type WakeLockNavigator = Navigator & { wakeLock?: { request(type: 'screen'): Promise<WakeLockSentinel> } };

export type ScreenOn = 'on' | 'unsupported';

/** Starts keeping the screen on; resolves with whether it works here, and gives back the way to stop. */
export async function keepScreenOn(): Promise<{ state: ScreenOn; stop(): void }> {
  if (process.env.TARO_ENV !== 'h5') {
    try {
      await Taro.setKeepScreenOn({ keepScreenOn: true });
      return { state: 'on', stop: () => void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => {}) };
    } catch {
      return { state: 'unsupported', stop: () => {} };
    }
  }
  const wakeLock = (navigator as WakeLockNavigator).wakeLock;
  if (!wakeLock) return { state: 'unsupported', stop: () => {} };
  let sentinel: WakeLockSentinel | null = null;
  let stopped = false;
  const acquire = async () => {
    if (stopped || document.visibilityState !== 'visible') return;
    sentinel = await wakeLock.request('screen').catch(() => null);
  };
  await acquire();
  if (!sentinel) return { state: 'unsupported', stop: () => {} };
  const onVisible = () => void acquire();
  document.addEventListener('visibilitychange', onVisible);
  return {
    state: 'on',
    stop() {
      stopped = true;
      document.removeEventListener('visibilitychange', onVisible);
      void (sentinel as WakeLockSentinel | null)?.release().catch(() => {});
    },
  };
}

import Taro from '@tarojs/taro';

/** A check-in place this phone has used for an activity (GCJ-02), to offer again on the next one. */
export interface RecentPlace {
  name: string;
  lat: number;
  lng: number;
  radiusM: number;
}

const STORAGE_KEY = 'xianfeng.recentPlaces';
export const MAX_RECENT_PLACES = 5;

/** Same name and within about a metre: the same place (its newest radius wins). */
function samePlace(a: RecentPlace, b: RecentPlace): boolean {
  return a.name === b.name && Math.abs(a.lat - b.lat) < 1e-5 && Math.abs(a.lng - b.lng) < 1e-5;
}

function isPlace(value: unknown): value is RecentPlace {
  const place = value as RecentPlace | null;
  return (
    typeof place?.name === 'string' &&
    Number.isFinite(place.lat) &&
    Number.isFinite(place.lng) &&
    Number.isFinite(place.radiusM)
  );
}

/** Newest first, at most five; whatever is unreadable in storage is ignored. */
export function recentPlaces(): RecentPlace[] {
  try {
    const saved: unknown = Taro.getStorageSync(STORAGE_KEY);
    return Array.isArray(saved) ? saved.filter(isPlace).slice(0, MAX_RECENT_PLACES) : [];
  } catch {
    return [];
  }
}

/** `place` first, then the others it does not repeat, at most five. */
export function withRecentPlace(list: readonly RecentPlace[], place: RecentPlace): RecentPlace[] {
  return [place, ...list.filter((other) => !samePlace(other, place))].slice(0, MAX_RECENT_PLACES);
}

/** Remembers a place once an activity with it was created; storage trouble never stops the caller. */
export function rememberPlace(place: RecentPlace): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, withRecentPlace(recentPlaces(), place));
  } catch {
    // A full or unavailable storage only loses the shortcut.
  }
}

/** Pure check-in rules: the time window, lateness and the geofence (DESIGN §6). */

/** Check-in opens this long before the start. */
export const CHECKIN_OPENS_MINUTES_BEFORE = 30;

export type WindowState = 'not_open' | 'open' | 'closed';

export function checkinWindow(startAt: string, endAt: string, nowMs: number): WindowState {
  const opens = Date.parse(startAt) - CHECKIN_OPENS_MINUTES_BEFORE * 60_000;
  if (nowMs < opens) return 'not_open';
  if (nowMs > Date.parse(endAt)) return 'closed';
  return 'open';
}

/** Arriving after the start is late; the whole window before it is on time. */
export function isLate(startAt: string, atMs: number): boolean {
  return atMs > Date.parse(startAt);
}

export interface LatLng {
  readonly lat: number;
  readonly lng: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance (haversine), metres. */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function withinGeofence(place: LatLng & { radiusM: number }, at: LatLng): boolean {
  return distanceMeters(place, at) <= place.radiusM;
}

export type ActivityPhase = 'upcoming' | 'ongoing' | 'ended';

export function activityPhase(startAt: string, endAt: string, nowMs: number): ActivityPhase {
  if (nowMs < Date.parse(startAt)) return 'upcoming';
  if (nowMs > Date.parse(endAt)) return 'ended';
  return 'ongoing';
}

/**
 * WGS-84 → GCJ-02, the coordinates every map in mainland China shows and the ones the weapp's
 * `getLocation({type:'gcj02'})` reports. The server compares a check-in against the secretary's place in
 * GCJ-02, so a browser's WGS-84 position (navigator.geolocation) must go through `wgs84ToGcj02` first.
 *
 * The well-known public formula (Krasovsky 1940 ellipsoid); outside China's bounding box the input comes back
 * unchanged, as the maps there use WGS-84.
 */

export interface Coordinates {
  readonly lat: number;
  readonly lng: number;
}

/** Krasovsky 1940: semi-major axis (m) and first eccentricity squared. */
const A = 6378245.0;
const EE = 0.006693421622965943;

/** The rectangle the transform applies to (the usual one: it also covers some neighbours' border areas). */
export function outOfChina({ lat, lng }: Coordinates): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let value = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  value += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  value += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  value += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return value;
}

function offsetLng(x: number, y: number): number {
  let value = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  value += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  value += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  value += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return value;
}

/** A GPS / browser position (WGS-84) as Chinese maps and the weapp show it (GCJ-02). */
export function wgs84ToGcj02(point: Coordinates): Coordinates {
  if (outOfChina(point)) return { lat: point.lat, lng: point.lng };
  const { lat, lng } = point;
  const radLat = (lat / 180.0) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (offsetLat(lng - 105.0, lat - 35.0) * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (offsetLng(lng - 105.0, lat - 35.0) * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: lat + dLat, lng: lng + dLng };
}

/** Latitude and longitude a person may type (GCJ-02 as a map app in China shows it), or a Chinese message. */
export function parseCoordinates(latText: string, lngText: string): Coordinates | string {
  const lat = Number(latText.trim());
  const lng = Number(lngText.trim());
  if (!latText.trim() || !Number.isFinite(lat) || lat < -90 || lat > 90) return '纬度应为 -90 到 90 之间的数字';
  if (!lngText.trim() || !Number.isFinite(lng) || lng < -180 || lng > 180) return '经度应为 -180 到 180 之间的数字';
  return { lat, lng };
}

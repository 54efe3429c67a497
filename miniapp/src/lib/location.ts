import Taro from '@tarojs/taro';
import { wgs84ToGcj02 } from '../../../shared/meetings/coords';

export interface LatLng {
  lat: number;
  lng: number;
  /** Metres, as the phone reports it: sent with a check-in for the secretary's review. */
  accuracy?: number;
}

export class LocationError extends Error {
  override readonly name = 'LocationError';
  /** The person refused the permission: on weapp, offer to open the settings page. */
  readonly denied: boolean;
  constructor(message: string, denied: boolean) {
    super(message);
    this.denied = denied;
  }
}

const IS_H5 = process.env.TARO_ENV === 'h5';
/** How long a browser may look for a fix before we say so (a cold GPS start indoors can take this long). */
const H5_TIMEOUT_MS = 10_000;

export const LOCATION_MESSAGES = {
  denied: '未获得位置权限，无法确认您在活动地点。请在设置中允许使用“位置信息”后重试',
  browserDenied: '浏览器未允许获取位置。请在浏览器或系统设置中允许本网页使用位置信息后重试',
  unavailable: '暂时无法获取您的位置，请确认已打开手机定位后重试',
  timeout: '获取位置超时，请到信号较好的地方（如靠近窗户）后重试',
  unsupported: '当前浏览器不支持定位，请换用微信或系统浏览器打开',
} as const;

/**
 * Where the phone is, in GCJ-02 (the coordinates WeChat and every map app in China use, and the ones the
 * secretary's place is set in). weapp asks WeChat for GCJ-02 directly; H5 asks the browser, whose WGS-84
 * position is converted. Failures become a LocationError with a message a person can act on.
 */
export async function currentLocation(): Promise<LatLng> {
  return IS_H5 ? browserLocation() : weappLocation();
}

async function weappLocation(): Promise<LatLng> {
  try {
    const result = await Taro.getLocation({ type: 'gcj02' });
    return { lat: result.latitude, lng: result.longitude, ...accuracyOf(result.accuracy) };
  } catch (caught) {
    const text = (caught as { errMsg?: string; message?: string })?.errMsg ?? String(caught);
    const denied = /auth|deny|denied|permission|privacy|authorize/i.test(text);
    throw new LocationError(denied ? LOCATION_MESSAGES.denied : LOCATION_MESSAGES.unavailable, denied);
  }
}

function browserLocation(): Promise<LatLng> {
  const geolocation = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
  if (!geolocation) return Promise.reject(new LocationError(LOCATION_MESSAGES.unsupported, false));
  return new Promise((resolve, reject) => {
    geolocation.getCurrentPosition(
      (position) => {
        const { latitude, longitude, accuracy } = position.coords;
        const gcj = wgs84ToGcj02({ lat: latitude, lng: longitude });
        resolve({ lat: gcj.lat, lng: gcj.lng, ...accuracyOf(accuracy) });
      },
      (failure) => {
        // 1 PERMISSION_DENIED (also: a page not served over HTTPS), 2 POSITION_UNAVAILABLE, 3 TIMEOUT.
        if (failure.code === 1) reject(new LocationError(LOCATION_MESSAGES.browserDenied, true));
        else if (failure.code === 3) reject(new LocationError(LOCATION_MESSAGES.timeout, false));
        else reject(new LocationError(LOCATION_MESSAGES.unavailable, false));
      },
      { enableHighAccuracy: true, timeout: H5_TIMEOUT_MS, maximumAge: 0 },
    );
  });
}

function accuracyOf(value: unknown): { accuracy?: number } {
  const accuracy = Number(value);
  return Number.isFinite(accuracy) && accuracy >= 0 ? { accuracy: Math.round(accuracy) } : {};
}

import Taro from '@tarojs/taro';

export interface LatLng {
  lat: number;
  lng: number;
  /** Metres, as the phone reports it: sent with a check-in for the secretary's review. */
  accuracy?: number;
}

export class LocationError extends Error {
  override readonly name = 'LocationError';
  /** The person refused the permission (weapp): offer to open the settings page. */
  readonly denied: boolean;
  constructor(message: string, denied: boolean) {
    super(message);
    this.denied = denied;
  }
}

/** GCJ-02 (the coordinates WeChat maps use); refusals become a message a person can act on. */
export async function currentLocation(): Promise<LatLng> {
  try {
    const result = await Taro.getLocation({ type: 'gcj02' });
    const accuracy = Number(result.accuracy);
    return {
      lat: result.latitude,
      lng: result.longitude,
      ...(Number.isFinite(accuracy) && accuracy >= 0 ? { accuracy: Math.round(accuracy) } : {}),
    };
  } catch (caught) {
    const text = (caught as { errMsg?: string; message?: string })?.errMsg ?? String(caught);
    const denied = /auth|deny|denied|permission|privacy|authorize/i.test(text);
    throw new LocationError(
      denied
        ? '未获得位置权限，无法确认您在活动地点。请在设置中允许使用“位置信息”后重试'
        : '暂时无法获取您的位置，请确认已打开手机定位后重试',
      denied,
    );
  }
}

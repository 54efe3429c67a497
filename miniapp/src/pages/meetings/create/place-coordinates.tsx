import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { parseCoordinates } from '../../../../../shared/meetings/coords';
import { ActionButton } from '../../../components/action-button';
import { errorMessage } from '../../../lib/errors';
import { currentLocation } from '../../../lib/location';
import { type RecentPlace, recentPlaces } from '../../../lib/recent-places';

const IS_H5 = process.env.TARO_ENV === 'h5';
/** The weapp map picker (GCJ-02, like getLocation); not offered on H5 or where the base library lacks it. */
const CAN_CHOOSE_ON_MAP = !IS_H5 && typeof Taro.chooseLocation === 'function' && Taro.canIUse('chooseLocation');

export interface PlacePick {
  lat: number;
  lng: number;
  /** Set when the way of picking also names the place (a recent place, the map picker). */
  name?: string;
  radiusM?: number;
}

interface PlaceCoordinatesProps {
  lat: number | null;
  lng: number | null;
  onPick(pick: PlacePick): void;
  onError(message: string | null): void;
}

/**
 * The four ways a secretary gives the check-in place's coordinates (all GCJ-02, what the server compares a
 * member's position with): here and now, typed from a map app, one of this phone's last five places, or
 * (weapp) the map picker.
 */
export function PlaceCoordinates({ lat, lng, onPick, onError }: PlaceCoordinatesProps) {
  const [locating, setLocating] = useState(false);
  const [typing, setTyping] = useState(false);
  const [latText, setLatText] = useState('');
  const [lngText, setLngText] = useState('');
  const [recent] = useState<RecentPlace[]>(() => recentPlaces());

  async function locateHere() {
    setLocating(true);
    onError(null);
    try {
      const here = await currentLocation();
      onPick({ lat: here.lat, lng: here.lng });
    } catch (caught) {
      onError(errorMessage(caught));
    } finally {
      setLocating(false);
    }
  }

  async function chooseOnMap() {
    onError(null);
    try {
      const chosen = await Taro.chooseLocation({});
      onPick({ lat: chosen.latitude, lng: chosen.longitude, ...(chosen.name ? { name: chosen.name } : {}) });
    } catch (caught) {
      const text = (caught as { errMsg?: string })?.errMsg ?? '';
      if (!/cancel/i.test(text)) onError('无法打开地图选点，请改用当前位置或输入坐标');
    }
  }

  function applyTyped() {
    const parsed = parseCoordinates(latText, lngText);
    if (typeof parsed === 'string') {
      onError(parsed);
      return;
    }
    onError(null);
    onPick(parsed);
    setTyping(false);
  }

  return (
    <>
      <View className="field">
        <Text className="field-label">坐标</Text>
        <Text className={`field-value${lat === null ? ' placeholder' : ''}`}>
          {lat === null || lng === null ? '未获取' : `${lat.toFixed(5)}, ${lng.toFixed(5)}`}
        </Text>
      </View>
      <View className="create-place-ways">
        <ActionButton kind="secondary" busy={locating} onClick={() => void locateHere()}>
          使用当前位置
        </ActionButton>
        <ActionButton kind="plain" onClick={() => setTyping(!typing)}>
          输入坐标
        </ActionButton>
        {CAN_CHOOSE_ON_MAP ? (
          <ActionButton kind="plain" onClick={() => void chooseOnMap()}>
            在地图上选点
          </ActionButton>
        ) : null}
      </View>
      {typing ? (
        <View className="create-coords">
          <View className="field">
            <Text className="field-label">纬度</Text>
            <Input
              className="field-input"
              type="digit"
              value={latText}
              placeholder="如 30.25000"
              onInput={(event) => setLatText(event.detail.value)}
            />
          </View>
          <View className="field">
            <Text className="field-label">经度</Text>
            <Input
              className="field-input"
              type="digit"
              value={lngText}
              placeholder="如 120.16000"
              onInput={(event) => setLngText(event.detail.value)}
            />
          </View>
          <Text className="create-note">
            填写高德地图或腾讯地图中显示的坐标（国内地图通用的
            GCJ-02，与微信定位一致）。百度地图的坐标与之不同，请勿使用。
          </Text>
          <View className="create-place-ways">
            <ActionButton kind="secondary" onClick={applyTyped}>
              使用此坐标
            </ActionButton>
          </View>
        </View>
      ) : null}
      {recent.length > 0 ? (
        <>
          <Text className="section-title">最近用过的地点</Text>
          {recent.map((place) => (
            <View
              key={`${place.name}-${place.lat}-${place.lng}`}
              className="field create-recent"
              onClick={() => {
                onError(null);
                onPick(place);
              }}
            >
              <Text className="create-recent-name">{place.name}</Text>
              <Text className="create-recent-note">{place.radiusM} 米</Text>
            </View>
          ))}
        </>
      ) : null}
    </>
  );
}

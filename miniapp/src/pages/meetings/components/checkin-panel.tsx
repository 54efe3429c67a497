import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { type CheckinTarget, scanPayload, useCheckin } from './use-checkin';
import './checkin-panel.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';

interface CheckinPanelProps {
  /** The activity being checked in to; null = take it from the scanned code (the 扫码签到 page). */
  target: CheckinTarget | null;
  /** Resolves the activity from a payload when `target` is null. */
  resolve?: (payload: string) => Promise<CheckinTarget>;
  replacePage?: boolean;
}

/** Scan (weapp camera) or paste (H5 fallback) the secretary's code, then sign in. */
export function CheckinPanel({ target, resolve, replacePage }: CheckinPanelProps) {
  const { submit, submitting, error, locationDenied } = useCheckin();
  const [code, setCode] = useState('');
  const [resolveError, setResolveError] = useState<string | null>(null);

  async function go(payload: string) {
    setResolveError(null);
    let activity = target;
    if (!activity && resolve) {
      try {
        activity = await resolve(payload);
      } catch (caught) {
        setResolveError(caught instanceof Error ? caught.message : String(caught));
        return;
      }
    }
    if (activity) await submit(activity, payload, { replacePage });
  }

  async function scan() {
    const payload = await scanPayload();
    if (payload) await go(payload);
  }

  const message = resolveError ?? error;
  return (
    <View className="checkin-panel">
      {target?.place ? <Text className="checkin-panel-hint">本活动需在「{target.place.name}」现场定位签到</Text> : null}
      {IS_H5 ? (
        <>
          <Input
            className="checkin-panel-input"
            value={code}
            placeholder="粘贴签到码"
            onInput={(event) => setCode(event.detail.value)}
          />
          <ActionButton busy={submitting} onClick={() => void go(code)}>
            签到
          </ActionButton>
        </>
      ) : (
        <ActionButton busy={submitting} onClick={() => void scan()}>
          扫码签到
        </ActionButton>
      )}
      {message ? (
        <View className="checkin-panel-error">
          <Text>{message}</Text>
          {locationDenied ? (
            <View className="checkin-panel-settings" onClick={() => void Taro.openSetting()}>
              去设置
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

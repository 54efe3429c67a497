import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { CodePanel, PanelError } from './code-panel';
import { type CheckinEntry, type CheckinTarget, useCheckin } from './use-checkin';
import './checkin-panel.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';

interface CheckinPanelProps {
  /** The activity being checked in to; null = take it from the scanned code (the 扫码签到 page). */
  target: CheckinTarget | null;
  /** Resolves the activity from a payload when `target` is null. */
  resolve?: (payload: string) => Promise<CheckinTarget>;
  replacePage?: boolean;
  /** The meeting allows checking in from the app (`allowInApp`): one 签到 button, no code needed. */
  inApp?: boolean;
}

export function CheckinPanel({ target, resolve, replacePage, inApp }: CheckinPanelProps) {
  const { submit, submitting, error, locationDenied, clearError } = useCheckin();
  const [resolveError, setResolveError] = useState<string | null>(null);

  async function go(entry: CheckinEntry) {
    setResolveError(null);
    let activity = target;
    if (!activity && resolve && 'qr' in entry) {
      try {
        activity = await resolve(entry.qr);
      } catch (caught) {
        setResolveError(caught instanceof Error ? caught.message : String(caught));
        return;
      }
    }
    if (activity) await submit(activity, entry, { replacePage });
  }

  const settings =
    locationDenied && !IS_H5 ? (
      <View className="checkin-panel-settings" onClick={() => void Taro.openSetting()}>
        去设置
      </View>
    ) : null;

  return (
    <View className="checkin-panel">
      {target?.place ? <Text className="checkin-panel-hint">本活动需在「{target.place.name}」现场定位签到</Text> : null}
      {inApp && target ? (
        <>
          <Text className="checkin-panel-hint">本次会议可直接在应用内签到，无需扫码</Text>
          <ActionButton busy={submitting} onClick={() => void submit(target, { inApp: true }, { replacePage })}>
            签到
          </ActionButton>
          {error ? <PanelError message={error} action={settings} /> : null}
        </>
      ) : (
        <CodePanel
          word="签到"
          codeAllowed={!!target}
          busy={submitting}
          error={resolveError ?? error}
          errorAction={resolveError ? null : settings}
          onEntry={(entry) => void go(entry)}
          onReset={() => {
            clearError();
            setResolveError(null);
          }}
        />
      )}
    </View>
  );
}

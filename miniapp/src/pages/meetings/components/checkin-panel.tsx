import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { lazy, Suspense, useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import { type CheckinEntry, type CheckinTarget, normalizeCode, scanPayload, useCheckin } from './use-checkin';
import './checkin-panel.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';
/**
 * The H5 camera scanner, a chunk of its own loaded on the first 扫码 tap. The condition is written out (not
 * IS_H5) so webpack sees a constant and leaves the file, and jsQR with it, out of the weapp build.
 */
const H5Scanner = process.env.TARO_ENV === 'h5' ? lazy(() => import('./h5-scanner')) : null;

interface CheckinPanelProps {
  /** The activity being checked in to; null = take it from the scanned code (the 扫码签到 page). */
  target: CheckinTarget | null;
  /** Resolves the activity from a payload when `target` is null. */
  resolve?: (payload: string) => Promise<CheckinTarget>;
  replacePage?: boolean;
}

/**
 * How a member gives the secretary's code: `code` types its 6 digits (H5's main way: older members cannot
 * paste a long payload), `paste` the whole payload, `scan` the weapp camera. A typed code names no activity,
 * so it needs a `target`; the 扫码签到 page (no target) offers paste or scan only.
 */
type Mode = 'code' | 'paste' | 'scan';

export function CheckinPanel({ target, resolve, replacePage }: CheckinPanelProps) {
  const { submit, submitting, error, locationDenied, clearError } = useCheckin();
  const primary: Mode = IS_H5 ? (target ? 'code' : 'paste') : 'scan';
  const [mode, setMode] = useState<Mode>(primary);
  const [code, setCode] = useState('');
  const [payload, setPayload] = useState('');
  const [resolveError, setResolveError] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const [scanError, setScanError] = useState<string | null>(null);

  async function go(entry: CheckinEntry) {
    setResolveError(null);
    setScanError(null);
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

  async function scan() {
    const scanned = await scanPayload();
    if (scanned) await go({ qr: scanned });
  }

  function switchTo(next: Mode) {
    clearError();
    setResolveError(null);
    setMode(next);
  }

  /** H5: open the camera; the typed or pasted code stays on the page in case the camera cannot be used. */
  function openScanner() {
    clearError();
    setResolveError(null);
    setScanError(null);
    setScanning(true);
  }

  function scanned(found: string) {
    setScanning(false);
    void go({ qr: found });
  }

  // The other way in, offered as a small link under the main one.
  const alternative: { mode: Mode; label: string } | null =
    mode === 'code'
      ? { mode: IS_H5 ? 'paste' : 'scan', label: IS_H5 ? '无法输入数字？粘贴长签到码' : '改为扫码签到' }
      : target
        ? { mode: 'code', label: IS_H5 ? '改为输入 6 位签到码' : '无法扫码？输入 6 位签到码' }
        : null;

  const message = scanError ?? resolveError ?? error;
  return (
    <View className="checkin-panel">
      {target?.place ? <Text className="checkin-panel-hint">本活动需在「{target.place.name}」现场定位签到</Text> : null}
      {H5Scanner && scanning ? (
        <Suspense fallback={<Text className="checkin-panel-label">正在打开相机…</Text>}>
          <H5Scanner
            onPayload={scanned}
            onFail={(failure) => {
              setScanning(false);
              setScanError(failure);
            }}
            onCancel={() => setScanning(false)}
          />
        </Suspense>
      ) : null}
      {mode === 'code' ? (
        <>
          <Text className="checkin-panel-label">输入书记手机上显示的 6 位签到码</Text>
          <Input
            className="checkin-panel-code"
            type="number"
            maxlength={6}
            value={code}
            placeholder="6 位签到码"
            onInput={(event) => setCode(normalizeCode(event.detail.value))}
            onConfirm={() => void go({ code })}
          />
          <ActionButton busy={submitting} onClick={() => void go({ code })}>
            签到
          </ActionButton>
        </>
      ) : mode === 'paste' ? (
        <>
          <Input
            className="checkin-panel-input"
            value={payload}
            placeholder="粘贴签到码"
            onInput={(event) => setPayload(event.detail.value)}
          />
          <ActionButton busy={submitting} onClick={() => void go({ qr: payload })}>
            签到
          </ActionButton>
        </>
      ) : (
        <ActionButton busy={submitting} onClick={() => void scan()}>
          扫码签到
        </ActionButton>
      )}
      {H5Scanner && !scanning && mode !== 'scan' ? (
        <View className="checkin-panel-scan">
          <ActionButton kind="secondary" onClick={openScanner}>
            扫码
          </ActionButton>
        </View>
      ) : null}
      {alternative ? (
        <View className="checkin-panel-switch" onClick={() => switchTo(alternative.mode)}>
          {alternative.label}
        </View>
      ) : null}
      {message ? (
        <View className="checkin-panel-error">
          <Text>{message}</Text>
          {locationDenied && !IS_H5 ? (
            <View className="checkin-panel-settings" onClick={() => void Taro.openSetting()}>
              去设置
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

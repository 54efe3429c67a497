import { Input, Text, View } from '@tarojs/components';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { ActionButton } from '../../../components/action-button';
import type { ScanWord } from './h5-scanner';
import { type CheckinEntry, normalizeCode, scanPayload } from './use-checkin';
import './checkin-panel.scss';

const IS_H5 = process.env.TARO_ENV === 'h5';
/**
 * The H5 camera scanner, a chunk of its own loaded on the first 扫码 tap. The condition is written out (not
 * IS_H5) so webpack sees a constant and leaves the file, and jsQR with it, out of the weapp build.
 */
const H5Scanner = process.env.TARO_ENV === 'h5' ? lazy(() => import('./h5-scanner')) : null;

/**
 * How a member gives the secretary's code: `code` types its 6 digits (H5's main way: older members cannot
 * paste a long payload), `paste` the whole payload, `scan` the weapp camera. A typed code names no activity,
 * so it needs a known one (`codeAllowed`); the 扫码签到 page offers paste or scan only.
 */
type Mode = 'code' | 'paste' | 'scan';

export interface CodePanelProps {
  /** What the code is for: 签到 or 签退 — the words on the input, the buttons and the camera's messages. */
  word: ScanWord;
  codeAllowed: boolean;
  busy: boolean;
  /** The caller's failure, in Chinese (the camera's own failures are shown first). */
  error: string | null;
  /** Beside the error (e.g. 去设置 when location was refused). */
  errorAction?: ReactNode;
  onEntry(entry: CheckinEntry): void;
  /** The member switched the way in or opened the camera: the caller clears its error. */
  onReset(): void;
}

/** The scan / type / paste panel shared by 签到 and 签退. */
export function CodePanel({ word, codeAllowed, busy, error, errorAction, onEntry, onReset }: CodePanelProps) {
  const primary: Mode = IS_H5 ? (codeAllowed ? 'code' : 'paste') : 'scan';
  const [mode, setMode] = useState<Mode>(primary);
  const [code, setCode] = useState('');
  const [payload, setPayload] = useState('');
  const [scanning, setScanning] = useState(false);
  const [scanError, setScanError] = useState<string | null>(null);

  function enter(entry: CheckinEntry) {
    setScanError(null);
    onEntry(entry);
  }

  async function scan() {
    const scanned = await scanPayload();
    if (scanned) enter({ qr: scanned });
  }

  function switchTo(next: Mode) {
    onReset();
    setMode(next);
  }

  /** H5: open the camera; the typed or pasted code stays on the page in case the camera cannot be used. */
  function openScanner() {
    onReset();
    setScanError(null);
    setScanning(true);
  }

  // The other way in, offered as a small link under the main one.
  const alternative: { mode: Mode; label: string } | null =
    mode === 'code'
      ? {
          mode: IS_H5 ? 'paste' : 'scan',
          label: IS_H5 ? `无法输入数字？粘贴长${word}码` : `改为扫码${word}`,
        }
      : codeAllowed
        ? { mode: 'code', label: IS_H5 ? `改为输入 6 位${word}码` : `无法扫码？输入 6 位${word}码` }
        : null;

  const message = scanError ?? error;
  return (
    <>
      {H5Scanner && scanning ? (
        <Suspense fallback={<Text className="checkin-panel-label">正在打开相机…</Text>}>
          <H5Scanner
            word={word}
            onPayload={(found) => {
              setScanning(false);
              enter({ qr: found });
            }}
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
          <Text className="checkin-panel-label">输入书记手机上显示的 6 位{word}码</Text>
          <Input
            className="checkin-panel-code"
            type="number"
            maxlength={6}
            value={code}
            placeholder={`6 位${word}码`}
            onInput={(event) => setCode(normalizeCode(event.detail.value))}
            onConfirm={() => enter({ code })}
          />
          <ActionButton busy={busy} onClick={() => enter({ code })}>
            {word}
          </ActionButton>
        </>
      ) : mode === 'paste' ? (
        <>
          <Input
            className="checkin-panel-input"
            value={payload}
            placeholder={`粘贴${word}码`}
            onInput={(event) => setPayload(event.detail.value)}
          />
          <ActionButton busy={busy} onClick={() => enter({ qr: payload })}>
            {word}
          </ActionButton>
        </>
      ) : (
        <ActionButton busy={busy} onClick={() => void scan()}>
          扫码{word}
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
      {message ? <PanelError message={message} action={scanError ? null : errorAction} /> : null}
    </>
  );
}

/** A failure under the panel, in red, with an optional way out beside it. */
export function PanelError({ message, action }: { message: string; action?: ReactNode }) {
  return (
    <View className="checkin-panel-error">
      <Text>{message}</Text>
      {action ?? null}
    </View>
  );
}

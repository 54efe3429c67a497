/**
 * H5 only (the weapp scans with Taro.scanCode): the phone's back camera in a <video>, a frame drawn to a
 * canvas and decoded with jsQR every 200 ms until a code is found; then the camera stops and the payload goes
 * to `onPayload`. jsQR is imported when the camera opens, so it is a chunk of its own, not in the first load;
 * the check-in panel loads this file only when `process.env.TARO_ENV === 'h5'`, so the weapp has none of it.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import { ActionButton } from '../../../components/action-button';
import './h5-scanner.scss';

const SCAN_EVERY_MS = 200;
/** Frames are decoded at most this wide: a QR filling a third of the picture still has ~5 px modules. */
const DECODE_WIDTH = 640;

/** What the camera's failures say, for 签到 or 签退 (the code the member can type instead). */
export function scannerMessages(word: ScanWord) {
  const instead = `改用${word}码${word}`;
  return {
    denied: `未获得相机权限，无法扫码。请在浏览器设置中允许使用相机，或${instead}`,
    noCamera: `没有找到可用的相机，请${instead}`,
    unsupported: `当前浏览器无法打开相机扫码，请${instead}`,
    failed: `相机打开失败，请重试或${instead}`,
  } as const;
}

export type ScanWord = '签到' | '签退';

interface H5ScannerProps {
  /** What the scanned code is for (default 签到): the hint and the failure messages say it. */
  word?: ScanWord;
  onPayload(payload: string): void;
  /** The camera cannot be used: a Chinese message for the person; the panel closes the scanner. */
  onFail(message: string): void;
  onCancel(): void;
}

function failureMessage(caught: unknown, messages: ReturnType<typeof scannerMessages>): string {
  const name = (caught as { name?: string })?.name ?? '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') {
    return messages.denied;
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') {
    return messages.noCamera;
  }
  return messages.failed;
}

export default function H5Scanner({ word = '签到', onPayload, onFail, onCancel }: H5ScannerProps) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  // The latest callbacks and words, so the camera effect runs once per opening.
  const handlers = useRef({ onPayload, onFail, messages: scannerMessages(word) });
  handlers.current = { onPayload, onFail, messages: scannerMessages(word) };

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      stream = null;
    };

    async function start() {
      const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
      if (!media?.getUserMedia) {
        handlers.current.onFail(handlers.current.messages.unsupported);
        return;
      }
      try {
        const [decoder, opened] = await Promise.all([
          import(/* webpackChunkName: "jsqr" */ 'jsqr'),
          media.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
        ]);
        stream = opened;
        const video = videoRef.current;
        if (stopped || !video) {
          stop();
          return;
        }
        video.srcObject = opened;
        await video.play();
        const canvas = document.createElement('canvas');
        const context = canvas.getContext('2d', { willReadFrequently: true });
        const decode = decoder.default;
        const tick = () => {
          if (stopped) return;
          if (context && video.readyState >= 2 && video.videoWidth > 0) {
            const scale = Math.min(1, DECODE_WIDTH / video.videoWidth);
            canvas.width = Math.round(video.videoWidth * scale);
            canvas.height = Math.round(video.videoHeight * scale);
            context.drawImage(video, 0, 0, canvas.width, canvas.height);
            const frame = context.getImageData(0, 0, canvas.width, canvas.height);
            const found = decode(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
            if (found?.data) {
              stop();
              handlers.current.onPayload(found.data);
              return;
            }
          }
          timer = setTimeout(tick, SCAN_EVERY_MS);
        };
        tick();
      } catch (caught) {
        const wasStopped = stopped;
        stop();
        if (!wasStopped) handlers.current.onFail(failureMessage(caught, handlers.current.messages));
      }
    }

    void start();
    return stop;
  }, []);

  return (
    <View className="h5-scanner">
      <View className="h5-scanner-frame">
        <video ref={videoRef} className="h5-scanner-video" muted playsInline autoPlay />
        <View className="h5-scanner-target" />
      </View>
      <Text className="h5-scanner-hint">
        将书记手机上的{word}二维码放入框内，识别后自动{word}
      </Text>
      <ActionButton kind="plain" onClick={onCancel}>
        取消扫码
      </ActionButton>
    </View>
  );
}

import { useDidHide, useDidShow, useUnload } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { errorMessage, type FailureKind, failureKind } from '../../../lib/errors';

/** Calls `load` every `intervalMs` while the page is shown; stops on hide and unload; never overlaps. */
export function usePolling<T>(load: () => Promise<T>, intervalMs: number) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<FailureKind | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const active = useRef(false);

  async function tick() {
    if (!active.current) return;
    try {
      setData(await load());
      setError(null);
      setFailure(null);
    } catch (caught) {
      setError(errorMessage(caught));
      setFailure(failureKind(caught));
      // Gone or not ours: asking again every few seconds cannot change that.
      if (failureKind(caught) !== 'retry') active.current = false;
    }
    if (active.current) timer.current = setTimeout(() => void tick(), intervalMs);
  }

  function stop() {
    active.current = false;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }

  function start() {
    stop();
    active.current = true;
    void tick();
  }

  useDidShow(start);
  useDidHide(stop);
  useUnload(stop);
  return { data, error, failure, loading: data === undefined && error === null, restart: start };
}

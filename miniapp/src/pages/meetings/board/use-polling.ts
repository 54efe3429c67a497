import { useDidHide, useDidShow, useUnload } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { errorMessage } from '../../../lib/errors';

/** Calls `load` every `intervalMs` while the page is shown; stops on hide and unload; never overlaps. */
export function usePolling<T>(load: () => Promise<T>, intervalMs: number) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const active = useRef(false);

  async function tick() {
    if (!active.current) return;
    try {
      setData(await load());
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
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
  return { data, error, loading: data === undefined && error === null, restart: start };
}

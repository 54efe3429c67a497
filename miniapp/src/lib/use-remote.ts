import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, type FailureKind, failureKind } from './errors';

export interface Remote<T> {
  readonly data: T | undefined;
  readonly error: string | null;
  /** What the error screen should offer (retry, leave, sign in again). */
  readonly failure: FailureKind | null;
  readonly loading: boolean;
  /** Fetches again; keeps showing the previous data while it runs. */
  reload(): Promise<void>;
}

/**
 * Server data for a screen: loading, error (with retry) and data. Answers to stale calls are ignored.
 * `immediate: false` leaves the first fetch to the page (e.g. on every useDidShow). A page's parameters do
 * not change during its life, so `load` is read once per call, not tracked as a dependency.
 */
export function useRemote<T>(load: () => Promise<T>, options: { immediate?: boolean } = {}): Remote<T> {
  const immediate = options.immediate !== false;
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<FailureKind | null>(null);
  const [loading, setLoading] = useState(immediate);
  const generation = useRef(0);
  const mounted = useRef(true);
  const loader = useRef(load);
  loader.current = load;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await loader.current();
      if (mounted.current && mine === generation.current) {
        setData(value);
        setError(null);
        setFailure(null);
      }
    } catch (caught) {
      if (mounted.current && mine === generation.current) {
        setError(errorMessage(caught));
        setFailure(failureKind(caught));
      }
    } finally {
      if (mounted.current && mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    mounted.current = true;
    if (immediate) void reload();
    return () => {
      mounted.current = false;
    };
  }, [reload, immediate]);

  return { data, error, failure, loading, reload };
}

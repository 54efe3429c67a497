import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { errorMessage, type FailureKind, failureKind } from './errors';

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/**
 * A cursor-paginated list (DESIGN §5: `?limit=&cursor=`): `load(true)` fetches the first page, `load(false)`
 * appends the next one. Overlapping calls (a pull-down during a reach-bottom) are dropped, not interleaved.
 */
export interface PagedList<T> {
  readonly items: T[] | null;
  readonly cursor: string | null;
  readonly loading: boolean;
  readonly error: string | null;
  readonly failure: FailureKind | null;
  load(reset: boolean): Promise<void>;
}

export function usePagedList<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): PagedList<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<FailureKind | null>(null);
  const running = useRef(false);

  async function load(reset: boolean): Promise<void> {
    if (running.current || (!reset && !cursor)) return;
    running.current = true;
    setLoading(true);
    try {
      const page = await fetchPage(reset ? undefined : (cursor ?? undefined));
      setItems((previous) => (reset || !previous ? page.items : [...previous, ...page.items]));
      setCursor(page.nextCursor);
      setError(null);
      setFailure(null);
    } catch (caught) {
      setError(errorMessage(caught));
      setFailure(failureKind(caught));
    } finally {
      running.current = false;
      setLoading(false);
    }
  }

  return { items, cursor, loading, error, failure, load };
}

/**
 * A screen that is one paged list: the first page on every show (back from a detail, its marks may have
 * changed), pull-down refreshes, reaching the bottom loads the next page.
 */
export function usePagedScreen<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): PagedList<T> {
  const list = usePagedList(fetchPage);
  useDidShow(() => void list.load(true));
  usePullDownRefresh(async () => {
    await list.load(true);
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.load(false));
  return list;
}

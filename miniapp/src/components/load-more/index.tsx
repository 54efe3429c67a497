import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { PagedList } from '../../lib/use-paged-list';
import { EmptyBlock, StatusView } from '../status-view';
import './index.scss';

/** 加载更多 under a paged list, while there is a next page (scrolling to the bottom loads it too). */
export function LoadMore({ more, loading, onMore }: { more: boolean; loading: boolean; onMore(): void }) {
  if (!more) return null;
  return (
    <View className="load-more" onClick={onMore}>
      {loading ? '加载中…' : '加载更多'}
    </View>
  );
}

/**
 * A paged list's whole screen body: first load, failure with 重试, `empty` when there is nothing, the rows
 * (`children`, given the non-empty items), and 加载更多 while there is a next page.
 */
export function PagedView<T>({
  list,
  empty,
  children,
}: {
  list: PagedList<T>;
  empty: string;
  children(items: T[]): ReactNode;
}) {
  return (
    <StatusView
      loading={list.loading}
      error={list.error}
      failure={list.failure}
      hasData={!!list.items}
      onRetry={() => void list.load(true)}
    >
      {list.items && list.items.length === 0 ? <EmptyBlock text={empty} /> : null}
      {list.items?.length ? children(list.items) : null}
      <LoadMore more={!!list.cursor} loading={list.loading} onMore={() => void list.load(false)} />
    </StatusView>
  );
}

import { View } from '@tarojs/components';
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

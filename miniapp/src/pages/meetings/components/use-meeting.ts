import { useDidShow } from '@tarojs/taro';
import { meetingsApi } from '../../../api/meetings';
import { useRemote } from '../../../lib/use-remote';

/**
 * A meeting's detail with the caller's standing, read again whenever the page shows: coming back from the
 * result, 签退, leave or study page must show the change.
 */
export function useMeetingDetail(id: string) {
  const detail = useRemote(() => meetingsApi.get(id), { immediate: false });
  useDidShow(() => void detail.reload());
  return detail;
}

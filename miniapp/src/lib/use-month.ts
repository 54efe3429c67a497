import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { shanghaiMonth } from '../../../shared/time';
import { useRemote } from './use-remote';

/**
 * A month view (我的签到, 学习统计): this Asia/Shanghai month first, `showMonth` to step (and reload),
 * pull-down to refresh.
 */
export function useMonthRemote<T>(load: (month: string) => Promise<T>) {
  const [month, setMonth] = useState(() => shanghaiMonth(Date.now()));
  const remote = useRemote(() => load(month));
  usePullDownRefresh(async () => {
    await remote.reload();
    Taro.stopPullDownRefresh();
  });

  function showMonth(next: string) {
    setMonth(next);
    // useRemote reads the loader when called: reload after the month is set.
    setTimeout(() => void remote.reload(), 0);
  }

  return { month, showMonth, remote };
}

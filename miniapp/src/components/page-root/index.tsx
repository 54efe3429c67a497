import { View } from '@tarojs/components';
import { getCurrentInstance } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { canOpen, deniedMessage, pageOfPath } from '../../lib/page-access';
import { useSession } from '../../store/session';
import { useSettings } from '../../store/settings';
import { ErrorBlock } from '../status-view';

/**
 * Every page's outermost view.
 * - It carries `large-text` when 大字模式 is on: the class sets --xf-text-scale (and NutUI's font variables),
 *   which every text() size in the styles multiplies by.
 * - A page opened by a role that cannot use it (an old link, a typed URL) says so with 返回 / 回首页 instead
 *   of a form the server will refuse.
 */
export function PageRoot({ className, children }: { className: string; children?: ReactNode }) {
  const largeText = useSettings((state) => state.largeText);
  const member = useSession((state) => state.member);
  const page = pageOfPath(getCurrentInstance().router?.path);
  const denied = member && page && !canOpen(page, member) ? page : undefined;
  return (
    <View className={`page ${className}${largeText ? ' large-text' : ''}`}>
      {denied ? <ErrorBlock message={deniedMessage(denied)} failure="leave" onRetry={() => undefined} /> : children}
    </View>
  );
}

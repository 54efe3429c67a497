import { View } from '@tarojs/components';
import { getCurrentInstance } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { ROLE_LABELS, type Role } from '../../../../shared/auth/roles';
import { canOpen, deniedMessage, pageOfPath } from '../../lib/page-access';
import { hasAnyRole, useSession } from '../../store/session';
import { useSettings } from '../../store/settings';
import { ErrorBlock } from '../status-view';

/**
 * Every page's outermost view.
 * - It carries `large-text` when 大字模式 is on: the class sets --xf-text-scale (and NutUI's font variables),
 *   which every text() size in the styles multiplies by.
 * - A page opened by a role that cannot use it (an old link, a typed URL) says so with 返回 / 回首页 instead
 *   of a form the server will refuse. The roles are lib/page-access.ts's for the main package's pages, or
 *   `roles` from a subpackage page (党费, 转接): their lists live in shared/<domain>/access.ts, which the main
 *   package has no room to load.
 */
export function PageRoot({
  className,
  roles,
  children,
}: {
  className: string;
  roles?: readonly Role[];
  children?: ReactNode;
}) {
  const largeText = useSettings((state) => state.largeText);
  const member = useSession((state) => state.member);
  const page = pageOfPath(getCurrentInstance().router?.path);
  const denied = !member
    ? undefined
    : page && !canOpen(page, member)
      ? deniedMessage(page)
      : roles && !hasAnyRole(member, roles)
        ? `只有${roles.map((role) => ROLE_LABELS[role]).join('、')}可以使用此页面`
        : undefined;
  return (
    <View className={`page ${className}${largeText ? ' large-text' : ''}`}>
      {denied ? <ErrorBlock message={denied} failure="leave" onRetry={() => undefined} /> : children}
    </View>
  );
}

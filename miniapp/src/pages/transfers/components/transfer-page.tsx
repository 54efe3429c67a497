import type { ReactNode } from 'react';
import { ROLE_LABELS, type Role } from '../../../../../shared/auth/roles';
import { PageRoot } from '../../../components/page-root';
import { ErrorBlock } from '../../../components/status-view';
import { hasAnyRole, useSession } from '../../../store/session';

/**
 * A 组织关系转接 page's root: PageRoot, and — when the signed-in member's roles cannot use the page (an old link, a
 * typed URL) — the 返回 / 回首页 screen. `roles` come from shared/transfers/access.ts, the lists the server
 * enforces, checked here in the subpackage rather than in lib/page-access.ts (which the main package loads).
 */
export function TransferPage({
  className,
  roles,
  children,
}: {
  className: string;
  roles?: readonly Role[];
  children?: ReactNode;
}) {
  const member = useSession((state) => state.member);
  const denied = !!roles && !!member && !hasAnyRole(member, roles);
  return (
    <PageRoot className={`transfers ${className}`}>
      {denied ? (
        <ErrorBlock
          message={`只有${roles.map((role) => ROLE_LABELS[role]).join('、')}可以使用此页面`}
          failure="leave"
          onRetry={() => undefined}
        />
      ) : (
        children
      )}
    </PageRoot>
  );
}

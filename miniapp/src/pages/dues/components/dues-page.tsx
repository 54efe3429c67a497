import type { ReactNode } from 'react';
import { ROLE_LABELS, type Role } from '../../../../../shared/auth/roles';
import { PageRoot } from '../../../components/page-root';
import { ErrorBlock } from '../../../components/status-view';
import { hasAnyRole, useSession } from '../../../store/session';

/**
 * A 党费 page's root: PageRoot, and — when the signed-in member's roles cannot use the page (an old link, a typed
 * URL) — the same 返回 / 回首页 screen PageRoot shows for other domains' pages. `roles` come from
 * shared/dues/access.ts, the lists the server enforces, read here in the subpackage rather than in
 * lib/page-access.ts: every 党费 route reads that module, so listing it there would pull the whole of it into the
 * main package, which has no room for it (bench/sizes.ts).
 */
export function DuesPage({
  className,
  roles,
  children,
}: {
  className: string;
  roles: readonly Role[];
  children?: ReactNode;
}) {
  const member = useSession((state) => state.member);
  const denied = !!member && !hasAnyRole(member, roles);
  return (
    <PageRoot className={className}>
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

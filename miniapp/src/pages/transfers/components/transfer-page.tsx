import type { ReactNode } from 'react';
import type { Role } from '../../../../../shared/auth/roles';
import { PageRoot } from '../../../components/page-root';

/**
 * A 组织关系转接 page's root: PageRoot with the domain's class (transfers.scss scopes under it) and `roles`, the
 * lists the server enforces (shared/transfers/access.ts).
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
  return (
    <PageRoot className={`transfers ${className}`} roles={roles}>
      {children}
    </PageRoot>
  );
}

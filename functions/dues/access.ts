/** Who may act on a member's dues: the member themselves, or a runner whose role covers the member's branch. */
import { authorize, type MemberClaims, type Role } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import type { Actor } from './records';

export function requireSelfOrScope(
  claims: MemberClaims,
  member: { id: string; orgId: string; orgPath: string },
  roles: readonly Role[],
): void {
  if (claims.memberId === member.id) return;
  const result = authorize(claims, roles, { orgId: member.orgId, orgPath: member.orgPath });
  if (result !== 'ok') throw new DomainError(result);
}

/** The caller as a record keeps them: who, and in which capacity (the first role of `roles` they hold). */
export function actorOf(claims: MemberClaims, roles: readonly Role[]): Actor {
  const role = roles.find((r) => claims.roles.includes(r)) ?? 'member';
  return { id: claims.memberId, name: claims.name, role };
}

/** The org a route names, held to the caller's role and scope: 404 when there is none, 403 outside the scope. */
import type { MemberClaims } from '../../shared/auth/roles';
import type { RouteDef } from '../../shared/http/route';
import { requireScope } from '../commons/http';
import { type OrgRecord, requireOrg, scopeOf } from './service';

export async function scopedOrg(orgId: string, claims: MemberClaims, route: RouteDef): Promise<OrgRecord> {
  const target = await requireOrg(orgId);
  requireScope(claims, route, scopeOf(target));
  return target;
}

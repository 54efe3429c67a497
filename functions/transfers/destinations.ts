/**
 * GET /v1/transfers/destinations — the apply form's picker: every org of the caller's tree (one Query on the tree
 * index); branches are the destinations, the rest give the picker its shape. The caller's own branch is marked.
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import * as org from '../org/service';
import { rootOf } from './keys';

export async function destinations(claims: MemberClaims) {
  const root = await org.findOrg(rootOf(claims.orgPath));
  if (!root) throw new DomainError('ORG_NOT_FOUND');
  const orgs = (await org.listSubtree(root))
    .map((node) => ({ id: node.id, name: node.name, kind: node.kind, parentId: node.parentId, path: node.path }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { orgs, currentOrgId: claims.orgId };
}

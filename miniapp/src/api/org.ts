import { listMembers, orgTree } from '../../../shared/org/routes';
import type { OrgNode } from '../../../shared/org/schemas';
import { depthFirst, withTotals } from '../../../shared/org/tree';
import { request } from './client';

/** A tree row for display: the server's node, its depth, and how many branches it holds. */
export interface OrgRow {
  readonly node: OrgNode;
  readonly depth: number;
  readonly branches: number;
}

/** The visible tree in display order (each node after its parent); `branches` is rolled up here, not sent. */
export async function orgRows(): Promise<OrgRow[]> {
  const { nodes } = await orgApi.tree();
  const totals = new Map(withTotals(nodes).map((node) => [node.id, node.branches]));
  return depthFirst(nodes).map(({ node, depth }) => ({ node, depth, branches: totals.get(node.id) ?? 0 }));
}

/** The branches a caller may see, in tree order (what a committee member picks from). */
export async function visibleBranches(): Promise<OrgNode[]> {
  return (await orgRows()).filter((row) => row.node.kind === 'branch').map((row) => row.node);
}

export const orgApi = {
  tree: () => request(orgTree, {}),
  roster: (orgId: string, cursor?: string) =>
    request(listMembers, { params: { orgId }, query: { limit: 50, ...(cursor ? { cursor } : {}) } }),
};

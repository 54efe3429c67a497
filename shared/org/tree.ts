/**
 * Roll-ups over the org tree: a node's own `memberCount` counts only the members directly in it, so the
 * committee's and a 党总支's sizes are sums over their descendants. Pure: the flat node list in, totals out.
 */
import type { OrgKind } from './schemas';

/** What the roll-up reads of a node: `path` is `/root/…/id/`, so a node's ancestors are its path segments. */
export interface TreeNodeInput {
  readonly id: string;
  readonly kind: OrgKind;
  readonly path: string;
  readonly memberCount: number;
}

export interface TreeTotals {
  /** Its own members plus every descendant's. */
  readonly totalMembers: number;
  /** Branch-kind nodes in its subtree, itself included. */
  readonly branches: number;
}

/** The ids on a path, root first (`/a/b/c/` → a, b, c). */
export function pathIds(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

/**
 * Totals for every node of `nodes`. Each node adds itself to every ancestor in the list (n × depth, no
 * recursion); an ancestor outside the list (a subtree's parents) is simply not counted into.
 */
export function rollUp(nodes: readonly TreeNodeInput[]): Map<string, TreeTotals> {
  const totals = new Map<string, { totalMembers: number; branches: number }>();
  for (const node of nodes) totals.set(node.id, { totalMembers: 0, branches: 0 });
  for (const node of nodes) {
    const isBranch = node.kind === 'branch' ? 1 : 0;
    // The path ends with the node's own id; a malformed path still counts the node into itself.
    const chain = new Set([...pathIds(node.path), node.id]);
    for (const id of chain) {
      const total = totals.get(id);
      if (!total) continue;
      total.totalMembers += node.memberCount;
      total.branches += isBranch;
    }
  }
  return totals;
}

/** The nodes with their totals, in the order given. */
export function withTotals<N extends TreeNodeInput>(nodes: readonly N[]): (N & TreeTotals)[] {
  const totals = rollUp(nodes);
  return nodes.map((node) => ({ ...node, ...(totals.get(node.id) ?? { totalMembers: 0, branches: 0 }) }));
}

/**
 * Depth-first display order with each node's depth, children in the order given (the server sorts by path).
 * A node whose parent is not in the list starts its own tree at depth 0.
 */
export function depthFirst<N extends { readonly id: string; readonly parentId: string | null }>(
  nodes: readonly N[],
): { node: N; depth: number }[] {
  const children = new Map<string | null, N[]>();
  for (const node of nodes) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  const ids = new Set(nodes.map((node) => node.id));
  const out: { node: N; depth: number }[] = [];
  const walk = (node: N, depth: number) => {
    out.push({ node, depth });
    for (const child of children.get(node.id) ?? []) walk(child, depth + 1);
  };
  for (const node of nodes) if (node.parentId === null || !ids.has(node.parentId)) walk(node, 0);
  return out;
}

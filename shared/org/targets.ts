/**
 * A publication's 发布范围 (study items, notices): a set of orgs where none lies inside another — an org
 * reaches everything below it, so a descendant next to its ancestor would only repeat it. Pure, on the tree's
 * `/root/…/id/` paths.
 */

interface PathNode {
  readonly id: string;
  readonly path: string;
}

/** The chosen org that already covers `node` from above, if any (then `node` cannot be chosen on its own). */
export function coveringTarget<N extends PathNode>(node: N, chosen: readonly N[]): N | undefined {
  return chosen.find((target) => target.id !== node.id && node.path.startsWith(target.path));
}

/**
 * Tapping `node`: chosen → unchosen; covered by a chosen ancestor → no change; otherwise chosen, and the
 * chosen orgs below it fold into it. Returns ids in `nodes` order.
 */
export function toggleTarget<N extends PathNode>(
  nodes: readonly N[],
  chosenIds: readonly string[],
  nodeId: string,
): string[] {
  const node = nodes.find((candidate) => candidate.id === nodeId);
  const chosen = nodes.filter((candidate) => chosenIds.includes(candidate.id));
  if (!node) return chosen.map((target) => target.id);
  if (chosen.some((target) => target.id === node.id)) {
    return chosen.filter((target) => target.id !== node.id).map((target) => target.id);
  }
  if (coveringTarget(node, chosen)) return chosen.map((target) => target.id);
  return nodes
    .filter(
      (candidate) => candidate.id === node.id || (chosen.includes(candidate) && !candidate.path.startsWith(node.path)),
    )
    .map((target) => target.id);
}

/**
 * Which orgs count a transfer, and as what (the committee view's maintained counts, DESIGN §4): every org on the
 * from branch's path or the to branch's path sees it as `internal` (both ends inside its subtree), `out` (leaving
 * its subtree, to another branch or out of the system) or `in` (arriving from outside its subtree or from outside
 * the system). Paths are materialised, `/<root>/…/<org>/`; an outbound transfer has no to path, an inbound one no
 * from path. Pure.
 */
export type Direction = 'internal' | 'out' | 'in';
export const DIRECTIONS: readonly Direction[] = ['internal', 'out', 'in'];

const orgsOf = (path: string | null) => (path ?? '').split('/').filter(Boolean);

/** Each org on either path once (a common ancestor is on both), root first, with the direction it sees. */
export function directionsOf(
  fromPath: string | null,
  toPath: string | null,
): { orgId: string; direction: Direction }[] {
  const from = new Set(orgsOf(fromPath));
  const to = new Set(orgsOf(toPath));
  const seen = new Set<string>();
  const result: { orgId: string; direction: Direction }[] = [];
  for (const orgId of [...orgsOf(fromPath), ...orgsOf(toPath)]) {
    if (seen.has(orgId)) continue;
    seen.add(orgId);
    const direction: Direction = from.has(orgId) && to.has(orgId) ? 'internal' : from.has(orgId) ? 'out' : 'in';
    result.push({ orgId, direction });
  }
  return result;
}

/** The direction `orgPath`'s org sees, or null when the transfer does not touch its subtree. */
export function directionFor(orgPath: string, fromPath: string | null, toPath: string | null): Direction | null {
  const fromInside = fromPath?.startsWith(orgPath) ?? false;
  const toInside = toPath?.startsWith(orgPath) ?? false;
  if (fromInside && toInside) return 'internal';
  if (fromInside) return 'out';
  return toInside ? 'in' : null;
}

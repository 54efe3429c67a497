/**
 * Who approves the committee step of a transfer between two branches: the lowest org above both (a 党总支 when both
 * branches are under it, else the 党委), from the materialised paths `/<root>/…/<org>/`. Pure.
 */
export function lowestCommonAbove(fromPath: string, toPath: string): string | null {
  const from = fromPath.split('/').filter(Boolean);
  const to = toPath.split('/').filter(Boolean);
  let common: string | null = null;
  // Above both: never one of the branches themselves (their own path's last segment).
  for (let i = 0; i < Math.min(from.length, to.length) - 1; i++) {
    if (from[i] !== to[i]) break;
    common = from[i]!;
  }
  return common;
}

/** Which approved base prices a month (pure: bills, the member's page and re-pricing all ask it). */

export interface ApprovedBaseLike {
  readonly fromMonth: string;
  readonly decidedAt: string;
}

/**
 * The approved base in force in `month`: the latest from-month not after it; of two from the same month, the
 * later decision (a re-assessment corrects an earlier approval). Bases carry over into later years until a new
 * one is approved.
 */
export function baseInForce<T extends ApprovedBaseLike>(bases: readonly T[] | undefined, month: string): T | null {
  let found: T | null = null;
  for (const base of bases ?? []) {
    if (base.fromMonth > month) continue;
    const later =
      !found ||
      base.fromMonth > found.fromMonth ||
      (base.fromMonth === found.fromMonth && base.decidedAt > found.decidedAt);
    if (later) found = base;
  }
  return found;
}

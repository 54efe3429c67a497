/**
 * Who a notice reaches, as pure rules over materialised org paths (`/root/…/id/`, a subtree test is a prefix
 * test). An author aims a notice at orgs of their own subtree — a secretary at their branch, committee staff
 * at any org under theirs — and a member sees the notices aimed at their org or at any ancestor of it.
 */
import { isWithin, type Role } from '../auth/roles';
import { pathIds } from '../org/tree';

export interface OrgRef {
  readonly id: string;
  readonly path: string;
}

/** What targeting needs of the author: their org and roles (the roster's, not the token's). */
export interface Author {
  readonly orgId: string;
  readonly orgPath: string;
  readonly roles: readonly Role[];
}

/** Roles that publish notices (DESIGN §5.2: S C). */
export const PUBLISHERS = ['secretary', 'committee'] as const satisfies readonly Role[];

/** Whether `author` may aim a notice at `target`: committee staff their org's subtree, a secretary their org. */
export function canTarget(author: Author, target: OrgRef): boolean {
  if (author.roles.includes('committee') && isWithin(target.path, author.orgPath)) return true;
  return author.roles.includes('secretary') && target.id === author.orgId;
}

/** No `orgIds`: the author's whole subtree, i.e. their own org (its subtree is reached through it). */
export function defaultTargetIds(author: Author): string[] {
  return [author.orgId];
}

/**
 * The targets without repeats and without any org inside another target's subtree (its members are reached
 * already), in the order given. The same members are reached either way.
 */
export function normalizeTargets<T extends OrgRef>(targets: readonly T[]): T[] {
  const unique = [...new Map(targets.map((target) => [target.id, target])).values()];
  return unique.filter(
    (target) => !unique.some((other) => other.id !== target.id && isWithin(target.path, other.path)),
  );
}

/** A notice is aimed at a member when one of its targets is the member's org or one of its ancestors. */
export function isAimedAt(targets: readonly Pick<OrgRef, 'path'>[], memberOrgPath: string): boolean {
  return targets.some((target) => isWithin(memberOrgPath, target.path));
}

/** The orgs whose notice feeds a member of `orgPath` reads: every org on the path, the root first. */
export function feedOrgIds(orgPath: string): string[] {
  return pathIds(orgPath);
}

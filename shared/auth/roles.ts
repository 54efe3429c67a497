import * as z from 'zod';

/**
 * member: every bound Party member; secretary / organizer (组织委员): of their own branch;
 * committee: 党委 / 党总支 staff over the subtree of the org they belong to.
 */
export const Role = z.enum(['member', 'secretary', 'organizer', 'committee']);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  member: '党员',
  secretary: '支部书记',
  organizer: '组织委员',
  committee: '党委工作人员',
};

/** What a member's token says about them (JWT claims, DESIGN §5). */
export interface MemberClaims {
  readonly kind: 'member';
  readonly memberId: string;
  readonly name: string;
  /** The org node the member belongs to (a branch, or the committee for committee staff). */
  readonly orgId: string;
  /** Materialised path of that org, `/<root>/…/<orgId>/`: a subtree test is a prefix test. */
  readonly orgPath: string;
  readonly roles: readonly Role[];
}

/** A token for a WeChat user not yet bound to a member: it may only bind. */
export interface BindClaims {
  readonly kind: 'bind';
  readonly openid: string;
}

export type Claims = MemberClaims | BindClaims;

/** The branch (org node) a resource belongs to. */
export interface OrgScope {
  readonly orgId: string;
  readonly orgPath: string;
}

export type AuthorizeResult = 'ok' | 'FORBIDDEN_ROLE' | 'FORBIDDEN_SCOPE';

export function isWithin(orgPath: string, scopePath: string): boolean {
  return orgPath.startsWith(scopePath);
}

/**
 * Role AND scope: the caller must hold one of `allowed`, and for some role they hold, the target must be in
 * that role's scope — committee: their org's subtree; every other role: their own org only.
 */
export function authorize(claims: MemberClaims, allowed: readonly Role[], target: OrgScope): AuthorizeResult {
  const held = claims.roles.filter((role) => allowed.includes(role));
  if (held.length === 0) return 'FORBIDDEN_ROLE';
  const inScope = held.some((role) =>
    role === 'committee' ? isWithin(target.orgPath, claims.orgPath) : target.orgId === claims.orgId,
  );
  return inScope ? 'ok' : 'FORBIDDEN_SCOPE';
}

export function hasRole(claims: MemberClaims, allowed: readonly Role[]): boolean {
  return claims.roles.some((role) => allowed.includes(role));
}

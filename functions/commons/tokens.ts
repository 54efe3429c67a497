import { errors, jwtVerify, SignJWT } from 'jose';
import type { Claims, MemberClaims, Role } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { appSecrets } from './config';

const ISSUER = 'xianfeng';
const AUDIENCE = 'xianfeng-api';
/**
 * Access tokens are short (issue #6): the roster is re-read at every refresh, and privileged routes re-read
 * it live, so a removal takes effect at once; the TTL only bounds what a stolen token is worth.
 */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Clock skew we tolerate between Lambda containers (exp/iat/nbf). */
const CLOCK_TOLERANCE_SECONDS = 30;

export function accessTokenTtlSeconds(): number {
  const configured = Number(process.env.ACCESS_TOKEN_TTL_SECONDS);
  return Number.isInteger(configured) && configured > 0 && configured <= DEFAULT_ACCESS_TOKEN_TTL_SECONDS
    ? configured
    : DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
}

let cachedKey: { secret: string; key: Uint8Array } | undefined;
async function signingKey(): Promise<Uint8Array> {
  const { jwtSecret } = await appSecrets();
  if (cachedKey?.secret !== jwtSecret) cachedKey = { secret: jwtSecret, key: new TextEncoder().encode(jwtSecret) };
  return cachedKey.key;
}

export interface SignedToken {
  readonly token: string;
  /** ISO-8601. */
  readonly expiresAt: string;
}

export async function signToken(claims: Claims, nowMs = Date.now()): Promise<SignedToken> {
  const body =
    claims.kind === 'member'
      ? { kind: 'member', name: claims.name, org: claims.orgId, orgPath: claims.orgPath, roles: claims.roles }
      : { kind: 'bind' };
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + accessTokenTtlSeconds();
  const token = await new SignJWT(body)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.kind === 'member' ? claims.memberId : claims.openid)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(await signingKey());
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

export async function verifyToken(token: string): Promise<Claims> {
  try {
    const { payload } = await jwtVerify(token, await signingKey(), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'iat', 'iss', 'sub', 'aud'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      // A token that claims a longer life than we ever issue was not made by us (or by a leaked key's owner).
      maxTokenAge: DEFAULT_ACCESS_TOKEN_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS,
    });
    const lifetime = Number(payload.exp) - Number(payload.iat);
    if (!(lifetime > 0 && lifetime <= DEFAULT_ACCESS_TOKEN_TTL_SECONDS)) throw new DomainError('TOKEN_INVALID');
    if (payload.kind === 'bind' && payload.sub) return { kind: 'bind', openid: payload.sub };
    if (payload.kind === 'member' && payload.sub) {
      const claims: MemberClaims = {
        kind: 'member',
        memberId: payload.sub,
        name: String(payload.name ?? ''),
        orgId: String(payload.org ?? ''),
        orgPath: String(payload.orgPath ?? ''),
        roles: Array.isArray(payload.roles) ? (payload.roles as Role[]) : [],
      };
      return claims;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof errors.JWTExpired) throw new DomainError('TOKEN_EXPIRED', { cause: error });
    throw new DomainError('TOKEN_INVALID', { cause: error });
  }
  throw new DomainError('TOKEN_INVALID');
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

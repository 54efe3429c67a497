import { errors, jwtVerify, SignJWT } from 'jose';
import type { Claims, MemberClaims, Role } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { appSecrets } from './config';

const ISSUER = 'xianfeng';
export const TOKEN_TTL_SECONDS = 12 * 3600;

let cachedKey: { secret: string; key: Uint8Array } | undefined;
async function signingKey(): Promise<Uint8Array> {
  const { jwtSecret } = await appSecrets();
  if (cachedKey?.secret !== jwtSecret) cachedKey = { secret: jwtSecret, key: new TextEncoder().encode(jwtSecret) };
  return cachedKey.key;
}

export async function signToken(claims: Claims, ttlSeconds = TOKEN_TTL_SECONDS): Promise<string> {
  const body =
    claims.kind === 'member'
      ? { kind: 'member', name: claims.name, org: claims.orgId, orgPath: claims.orgPath, roles: claims.roles }
      : { kind: 'bind' };
  return new SignJWT(body)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.kind === 'member' ? claims.memberId : claims.openid)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(await signingKey());
}

export async function verifyToken(token: string): Promise<Claims> {
  try {
    const { payload } = await jwtVerify(token, await signingKey(), { issuer: ISSUER, algorithms: ['HS256'] });
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
    if (error instanceof errors.JWTExpired) throw new DomainError('TOKEN_EXPIRED', { cause: error });
    throw new DomainError('TOKEN_INVALID', { cause: error });
  }
  throw new DomainError('TOKEN_INVALID');
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

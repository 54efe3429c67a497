/**
 * Sessions (issue #6): a login yields a short access token and a refresh token. Every refresh re-reads the
 * member, so a deactivation, a role change or a transfer is in the next token; every refresh token works once
 * (rotation), and presenting a used one again revokes the whole session, since one of the two holders is a
 * thief.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MemberProfile } from '../../shared/auth/schemas';
import { DomainError } from '../../shared/errors';
import { newId } from '../commons/ids';
import { signToken } from '../commons/tokens';
import * as store from './store';

/** Idle limit: a phone unused for 30 days logs in again (wx.login, silent in WeChat). */
export const SESSION_IDLE_DAYS = 30;
/** However active, a session ends after 180 days. */
export const SESSION_MAX_DAYS = 180;
const DAY_S = 86_400;
/**
 * A phone whose refresh answer was lost (network drop, WeChat killed the app) still holds the token it sent.
 * For this long after a rotation, that previous token still refreshes (once more rotating the session), so the
 * member is not logged out by a bad signal; later, presenting it means a copy exists, and the session ends.
 */
export const REUSE_GRACE_SECONDS = 30;

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('base64url');
const newSecret = () => randomBytes(32).toString('base64url');

function sameHash(a: string, b: string | undefined): boolean {
  if (!b) return false;
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface Credentials {
  readonly token: string;
  readonly expiresAt: string;
  readonly refreshToken: string;
}

export function claimsOf(profile: MemberProfile) {
  return {
    kind: 'member' as const,
    memberId: profile.id,
    name: profile.name,
    orgId: profile.orgId,
    orgPath: profile.orgPath,
    roles: profile.roles,
  };
}

/** A new session for a member who just proved who they are (login or bind). */
export async function startSession(member: MemberProfile, openid: string, nowMs: number): Promise<Credentials> {
  const secret = newSecret();
  const now = Math.floor(nowMs / 1000);
  const session: store.SessionRecord = {
    id: newId('s'),
    memberId: member.id,
    openid,
    tokenHash: hashOf(secret),
    createdAt: new Date(nowMs).toISOString(),
    rotatedAt: new Date(nowMs).toISOString(),
    expiresAt: now + SESSION_IDLE_DAYS * DAY_S,
    notAfter: now + SESSION_MAX_DAYS * DAY_S,
  };
  await store.putSession(session);
  return { ...(await signToken(claimsOf(member), nowMs)), refreshToken: `${session.id}.${secret}` };
}

function parseRefreshToken(refreshToken: string): { sessionId: string; secret: string } {
  const dot = refreshToken.indexOf('.');
  return { sessionId: refreshToken.slice(0, dot), secret: refreshToken.slice(dot + 1) };
}

/**
 * The session a refresh token belongs to, if the token is its current one. A token that is no longer current
 * but was the one just before revokes the session (reuse); anything else is simply invalid.
 */
async function currentSession(
  refreshToken: string,
  nowMs: number,
): Promise<{ session: store.SessionRecord; hash: string }> {
  const { sessionId, secret } = parseRefreshToken(refreshToken);
  const session = await store.getSession(sessionId);
  const now = Math.floor(nowMs / 1000);
  if (!session || session.revokedAt || session.expiresAt <= now || session.notAfter <= now) {
    throw new DomainError('REFRESH_TOKEN_INVALID');
  }
  const hash = hashOf(secret);
  if (sameHash(hash, session.tokenHash)) return { session, hash };
  if (sameHash(hash, session.previousHash)) {
    const sinceRotation = nowMs - Date.parse(session.rotatedAt);
    // Within the grace the rotation continues from the current hash: the lost answer's token dies instead.
    if (sinceRotation <= REUSE_GRACE_SECONDS * 1000) return { session, hash: session.tokenHash };
    await store.revokeSession(session.id, new Date(nowMs).toISOString(), 'reuse');
  }
  throw new DomainError('REFRESH_TOKEN_INVALID');
}

/**
 * A new access token and the next refresh token. `loadMember` re-reads the member and throws when they may no
 * longer sign in; the session is then revoked, so the old refresh token is dead too.
 */
export async function refreshSession(
  refreshToken: string,
  nowMs: number,
  loadMember: (memberId: string, openid: string) => Promise<MemberProfile>,
): Promise<Credentials & { member: MemberProfile; sessionId: string }> {
  const { session, hash } = await currentSession(refreshToken, nowMs);
  const nowIso = new Date(nowMs).toISOString();
  let member: MemberProfile;
  try {
    member = await loadMember(session.memberId, session.openid);
  } catch (error) {
    await store.revokeSession(session.id, nowIso, 'roster');
    throw error;
  }
  const secret = newSecret();
  const idleUntil = Math.min(Math.floor(nowMs / 1000) + SESSION_IDLE_DAYS * DAY_S, session.notAfter);
  // Two refreshes with the same token race here: one wins, the other is told to log in again.
  if (!(await store.rotateSession(session.id, hash, hashOf(secret), nowIso, idleUntil))) {
    throw new DomainError('REFRESH_TOKEN_INVALID');
  }
  return {
    ...(await signToken(claimsOf(member), nowMs)),
    refreshToken: `${session.id}.${secret}`,
    member,
    sessionId: session.id,
  };
}

/** Logout: the refresh token stops working. Unknown tokens are ignored (logout never tells anything). */
export async function endSession(refreshToken: string, nowMs: number): Promise<void> {
  const { sessionId, secret } = parseRefreshToken(refreshToken);
  const session = await store.getSession(sessionId);
  if (session && sameHash(hashOf(secret), session.tokenHash)) {
    await store.revokeSession(session.id, new Date(nowMs).toISOString(), 'logout');
  }
}

export function sessionIdOf(refreshToken: string): string {
  return parseRefreshToken(refreshToken).sessionId;
}

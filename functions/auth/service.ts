/** Login, binding, sessions and binding codes: the decisions, with the store doing the writes. */
import { randomInt } from 'node:crypto';
import { BINDING_CODE_ALPHABET, type LoginResponse, type MemberProfile } from '../../shared/auth/schemas';
import { DomainError } from '../../shared/errors';
import { RATE_LIMITS } from '../../shared/http/rate-limits';
import { hit, refuseIfLocked } from '../commons/rate-limit';
import { signToken } from '../commons/tokens';
import * as org from '../org/service';
import { endSession, refreshSession, sessionIdOf, startSession } from './sessions';
import * as store from './store';
import { code2Session } from './wechat';

export const BINDING_CODE_TTL_HOURS = 24;

/** The member behind an openid, if they may sign in now: active, and still bound to this WeChat user. */
async function signInProfile(memberId: string, openid: string, inactive: 'MEMBER_INACTIVE' | 'SESSION_REVOKED') {
  const member = await org.findMember(memberId);
  if (member?.status !== 'active' || member.openid !== openid) throw new DomainError(inactive);
  return org.profileOf(member, await org.requireOrg(member.orgId));
}

export async function login(code: string, ip: string, nowMs: number): Promise<LoginResponse> {
  await hit(RATE_LIMITS.loginPerIp, ip, nowMs);
  const { openid } = await code2Session(code);
  await hit(RATE_LIMITS.loginPerOpenid, openid, nowMs);
  const memberId = await store.memberIdForOpenid(openid);
  if (!memberId) return { ...(await signToken({ kind: 'bind', openid }, nowMs)), refreshToken: null, member: null };
  const member = await signInProfile(memberId, openid, 'MEMBER_INACTIVE');
  return { ...(await startSession(member, openid, nowMs)), member };
}

/** A wrong code: counted against the caller (the lock-out), then one answer for unknown, used and expired. */
async function wrongCode(openid: string, ip: string, nowMs: number): Promise<never> {
  await Promise.all([
    hit(RATE_LIMITS.bindFailuresPerOpenid, openid, nowMs),
    hit(RATE_LIMITS.bindFailuresPerIp, ip, nowMs),
  ]);
  throw new DomainError('BINDING_CODE_INVALID');
}

export async function bind(openid: string, bindingCode: string, ip: string, nowMs: number) {
  await Promise.all([
    refuseIfLocked(RATE_LIMITS.bindFailuresPerOpenid, openid, nowMs),
    refuseIfLocked(RATE_LIMITS.bindFailuresPerIp, ip, nowMs),
    hit(RATE_LIMITS.bindPerOpenid, openid, nowMs),
  ]);
  const record = await store.getBindingCode(bindingCode);
  if (!record || record.usedAt || record.revokedAt || record.expiresAt * 1000 <= nowMs) {
    return wrongCode(openid, ip, nowMs);
  }
  const outcome = await store.bindOpenid(
    bindingCode,
    openid,
    record.memberId,
    org.bindOpenidItem(record.memberId, openid),
    new Date(nowMs).toISOString(),
  );
  if (outcome === 'code_unusable') return wrongCode(openid, ip, nowMs); // lost a race for the same code
  if (outcome === 'openid_bound') throw new DomainError('ALREADY_BOUND');
  if (outcome === 'member_unavailable') {
    const member = await org.findMember(record.memberId);
    throw new DomainError(member?.status === 'inactive' ? 'MEMBER_INACTIVE' : 'MEMBER_ALREADY_BOUND');
  }
  const member = await signInProfile(record.memberId, openid, 'MEMBER_INACTIVE');
  return { ...(await startSession(member, openid, nowMs)), member };
}

/**
 * An Idempotency-Key replay of a bind: the stored answer holds no token, so a new session is started for the
 * member this openid is bound to — if that is still who the first answer named, and they may still sign in.
 */
export async function rebind(openid: string, stored: { member?: Partial<MemberProfile> }, nowMs: number) {
  const memberId = await store.memberIdForOpenid(openid);
  if (!memberId || memberId !== stored.member?.id) throw new DomainError('SESSION_REVOKED');
  const member = await signInProfile(memberId, openid, 'SESSION_REVOKED');
  return { ...(await startSession(member, openid, nowMs)), member };
}

export async function refresh(refreshToken: string, ip: string, nowMs: number) {
  await Promise.all([
    hit(RATE_LIMITS.refreshPerIp, ip, nowMs),
    hit(RATE_LIMITS.refreshPerSession, sessionIdOf(refreshToken), nowMs),
  ]);
  const { sessionId: _id, ...answer } = await refreshSession(refreshToken, nowMs, (memberId, openid) =>
    signInProfile(memberId, openid, 'SESSION_REVOKED'),
  );
  return answer;
}

export async function logout(refreshToken: string, ip: string, nowMs: number) {
  await hit(RATE_LIMITS.refreshPerIp, ip, nowMs);
  await endSession(refreshToken, nowMs);
  return { ok: true as const };
}

function randomBindingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += BINDING_CODE_ALPHABET[randomInt(BINDING_CODE_ALPHABET.length)];
  return code;
}

/** A new code for the member; their previous unused code is revoked in the same transaction. */
export async function issueBindingCode(memberId: string, issuedBy: string, nowMs: number) {
  const expiresAt = Math.floor(nowMs / 1000) + BINDING_CODE_TTL_HOURS * 3600;
  const nowIso = new Date(nowMs).toISOString();
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = randomBindingCode();
    const previous = await store.currentBindingCode(memberId);
    const old = previous ? await store.getBindingCode(previous) : null;
    const usable = Boolean(old && !old.usedAt && !old.revokedAt && old.expiresAt * 1000 > nowMs);
    // 32^8 codes: a collision is rare, and a concurrent issue for the same member rare too: just draw again.
    const outcome = await store.issueCurrentBindingCode(
      { code, memberId, expiresAt, issuedBy },
      previous,
      usable,
      nowIso,
    );
    if (outcome === 'issued') return { bindingCode: code, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }
  throw new Error('could not draw an unused binding code');
}

/** Revokes the member's current code (作废绑定码): `revoked` says whether there was a usable one. */
export async function revokeBindingCode(memberId: string, nowMs: number) {
  return { revoked: await store.revokeCurrentBindingCode(memberId, new Date(nowMs).toISOString()) };
}

export async function me(memberId: string) {
  const member = await org.requireMember(memberId);
  const branch = await org.requireOrg(member.orgId);
  return { member: org.profileOf(member, branch), branch: { id: branch.id, name: branch.name, kind: branch.kind } };
}

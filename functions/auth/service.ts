/** Login, binding and binding codes: the decisions, with the store doing the writes. */
import { randomInt } from 'node:crypto';
import type { MemberClaims } from '../../shared/auth/roles';
import { BINDING_CODE_ALPHABET, type LoginResponse, type MemberProfile } from '../../shared/auth/schemas';
import { DomainError } from '../../shared/errors';
import { isConditionFailure } from '../commons/dynamo';
import { signToken } from '../commons/tokens';
import * as org from '../org/service';
import * as store from './store';
import { code2Session } from './wechat';

export const BINDING_CODE_TTL_HOURS = 24;

export function claimsOf(profile: MemberProfile): MemberClaims {
  return {
    kind: 'member',
    memberId: profile.id,
    name: profile.name,
    orgId: profile.orgId,
    orgPath: profile.orgPath,
    roles: profile.roles,
  };
}

async function activeProfile(memberId: string): Promise<MemberProfile> {
  const member = await org.requireMember(memberId);
  if (member.status !== 'active') throw new DomainError('MEMBER_INACTIVE');
  return org.profileOf(member, await org.requireOrg(member.orgId));
}

export async function login(code: string): Promise<LoginResponse> {
  const { openid } = await code2Session(code);
  const memberId = await store.memberIdForOpenid(openid);
  if (!memberId) return { token: await signToken({ kind: 'bind', openid }), member: null };
  const member = await activeProfile(memberId);
  return { token: await signToken(claimsOf(member)), member };
}

export async function bind(openid: string, bindingCode: string, nowMs: number) {
  const record = await store.getBindingCode(bindingCode);
  if (!record) throw new DomainError('BINDING_CODE_INVALID');
  if (record.usedAt) throw new DomainError('BINDING_CODE_USED');
  if (record.expiresAt * 1000 <= nowMs) throw new DomainError('BINDING_CODE_EXPIRED');
  const outcome = await store.bindOpenid(
    bindingCode,
    openid,
    record.memberId,
    org.bindOpenidItem(record.memberId, openid),
    new Date(nowMs).toISOString(),
  );
  if (outcome === 'code_unusable') throw new DomainError('BINDING_CODE_USED'); // lost a race for the same code
  if (outcome === 'openid_bound') throw new DomainError('ALREADY_BOUND');
  if (outcome === 'member_unavailable') {
    const member = await org.findMember(record.memberId);
    throw new DomainError(member?.status === 'inactive' ? 'MEMBER_INACTIVE' : 'MEMBER_ALREADY_BOUND');
  }
  const member = await activeProfile(record.memberId);
  return { token: await signToken(claimsOf(member)), member };
}

function randomBindingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += BINDING_CODE_ALPHABET[randomInt(BINDING_CODE_ALPHABET.length)];
  return code;
}

export async function issueBindingCode(memberId: string, issuedBy: string, nowMs: number) {
  const expiresAt = Math.floor(nowMs / 1000) + BINDING_CODE_TTL_HOURS * 3600;
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = randomBindingCode();
    try {
      await store.putBindingCode({ code, memberId, expiresAt, issuedBy });
      return { bindingCode: code, expiresAt: new Date(expiresAt * 1000).toISOString() };
    } catch (error) {
      if (!isConditionFailure(error)) throw error; // 32^8 codes: a collision is rare, just draw again
    }
  }
  throw new Error('could not draw an unused binding code');
}

export async function me(memberId: string) {
  const member = await org.requireMember(memberId);
  const branch = await org.requireOrg(member.orgId);
  return { member: org.profileOf(member, branch), branch: { id: branch.id, name: branch.name, kind: branch.kind } };
}

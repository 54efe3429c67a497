import type { MemberClaims, Role } from '../../shared/auth/roles';
import type { DomainError } from '../../shared/errors';
import { canRead, requireApplicant, requireApprover, seesWarnings, stepsOf } from './parties';
import type { TransferRecord } from './records';

// 党委 c › 党总支 g › branches b1, b2; branch b3 directly under the 党委.
const transfer = (state: TransferRecord['state'], extra: Partial<TransferRecord> = {}) =>
  ({
    id: 'tr1',
    state,
    memberId: 'm1',
    appliedBy: { id: 's1', name: '书记', role: 'secretary' },
    fromOrgId: 'b1',
    fromOrgPath: '/c/g/b1/',
    toOrgId: 'b2',
    toOrgPath: '/c/g/b2/',
    committeeOrgId: 'g',
    committeeOrgPath: '/c/g/',
    ...extra,
  }) as TransferRecord;

const who = (memberId: string, orgPath: string, ...roles: Role[]): MemberClaims => ({
  kind: 'member',
  memberId,
  name: memberId,
  orgId: orgPath.split('/').at(-2)!,
  orgPath,
  roles: ['member', ...roles],
});

const codeOf = (act: () => unknown) => {
  try {
    act();
    return 'ok';
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('who is who on a transfer', () => {
  it('each step has its approver: the out-branch secretary, the committee over the step, the in-branch secretary', () => {
    expect(stepsOf(who('s1', '/c/g/b1/', 'secretary'), transfer('draft'))).toEqual(['pending_out_branch']);
    expect(stepsOf(who('k1', '/c/g/', 'committee'), transfer('draft'))).toEqual(['pending_committee']);
    // The 党委 is above the 党总支: its staff may act on the 党总支's step too.
    expect(stepsOf(who('k0', '/c/', 'committee'), transfer('draft'))).toEqual(['pending_committee']);
    expect(stepsOf(who('s2', '/c/g/b2/', 'secretary'), transfer('draft'))).toEqual(['pending_in_branch']);
    expect(stepsOf(who('o1', '/c/g/b1/', 'organizer'), transfer('draft'))).toEqual([]);
    expect(stepsOf(who('s3', '/c/b3/', 'secretary'), transfer('draft'))).toEqual([]);
  });

  it('approving: 403 for no step of it, 409 for another step or after the end, the actor for the step pending', () => {
    const atCommittee = transfer('pending_committee');
    expect(codeOf(() => requireApprover(who('s3', '/c/b3/', 'secretary'), atCommittee))).toBe('FORBIDDEN_SCOPE');
    expect(codeOf(() => requireApprover(who('s1', '/c/g/b1/', 'secretary'), atCommittee))).toBe(
      'TRANSFER_STATE_CONFLICT',
    );
    expect(requireApprover(who('k0', '/c/', 'committee'), atCommittee)).toEqual({
      id: 'k0',
      name: 'k0',
      role: 'committee',
    });
    expect(codeOf(() => requireApprover(who('s2', '/c/g/b2/', 'secretary'), transfer('completed')))).toBe(
      'TRANSFER_STATE_CONFLICT',
    );
  });

  it('withdrawing: the applicant or the member; their branch’s others 403 FORBIDDEN_ROLE, strangers FORBIDDEN_SCOPE', () => {
    const open = transfer('pending_out_branch');
    expect(requireApplicant(who('s1', '/c/g/b1/', 'secretary'), open).role).toBe('secretary');
    expect(requireApplicant(who('m1', '/c/g/b1/'), open).role).toBe('member');
    expect(codeOf(() => requireApplicant(who('m9', '/c/g/b1/'), open))).toBe('FORBIDDEN_ROLE');
    expect(codeOf(() => requireApplicant(who('k0', '/c/', 'committee'), open))).toBe('FORBIDDEN_ROLE');
    expect(codeOf(() => requireApplicant(who('m8', '/c/b3/'), open))).toBe('FORBIDDEN_SCOPE');
  });

  it('readers: the member, the applicant, approvers, committees over either branch; the approvers see the dues', () => {
    const open = transfer('pending_out_branch');
    for (const reader of [
      who('m1', '/c/g/b1/'),
      who('s1', '/c/g/b1/', 'secretary'),
      who('s2', '/c/g/b2/', 'secretary'),
      who('k1', '/c/g/', 'committee'),
    ]) {
      expect(canRead(reader, open)).toBe(true);
    }
    for (const stranger of [
      who('m9', '/c/g/b1/'),
      who('o1', '/c/g/b1/', 'organizer'),
      who('s3', '/c/b3/', 'secretary'),
    ]) {
      expect(canRead(stranger, open)).toBe(false);
    }
    expect(seesWarnings(who('m1', '/c/g/b1/'), open)).toBe(false);
    expect(seesWarnings(who('s1', '/c/g/b1/', 'secretary'), open)).toBe(true);
  });

  it('an outbound transfer: the 党委 approves the middle step; no in-branch step', () => {
    const out = transfer('pending_committee', {
      kind: 'outbound',
      toOrgId: null,
      toOrgPath: null,
      committeeOrgId: 'c',
      committeeOrgPath: '/c/',
    });
    expect(stepsOf(who('k1', '/c/g/', 'committee'), out)).toEqual([]);
    expect(stepsOf(who('k0', '/c/', 'committee'), out)).toEqual(['pending_committee']);
    // The 党总支's staff oversee the out-branch: they read it, without a step of their own.
    expect(canRead(who('k1', '/c/g/', 'committee'), out)).toBe(true);
  });
});

/**
 * Who the caller is on a transfer: its member, its applicant, an approver of one of its steps, a committee over
 * it — or nobody. Every route with a transfer id asks this first, from the roster's current claims.
 */
import { isWithin, type MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { isFinal, type PendingState } from '../../shared/transfers/state';
import type { Actor, TransferRecord } from './records';
import { approverAt, conflict } from './transition';

type Parties = Pick<
  TransferRecord,
  | 'memberId'
  | 'appliedBy'
  | 'fromOrgId'
  | 'fromOrgPath'
  | 'toOrgId'
  | 'toOrgPath'
  | 'committeeOrgId'
  | 'committeeOrgPath'
  | 'subjectIsSecretary'
>;

const isSecretaryOf = (claims: MemberClaims, orgId: string | null) =>
  orgId !== null && claims.roles.includes('secretary') && claims.orgId === orgId;

/** Committee staff act over their org's subtree (DESIGN §5: a path prefix). */
const isCommitteeOver = (claims: MemberClaims, orgPath: string | null) =>
  orgPath !== null && claims.roles.includes('committee') && isWithin(orgPath, claims.orgPath);

/** The steps this caller may decide, whatever the transfer's state now. */
export function stepsOf(claims: MemberClaims, record: Parties): PendingState[] {
  const steps: PendingState[] = [];
  // Nobody decides their own: a secretary's transfer is decided at its first step by the committee over them.
  if (
    record.subjectIsSecretary
      ? isCommitteeOver(claims, record.committeeOrgPath)
      : isSecretaryOf(claims, record.fromOrgId)
  ) {
    steps.push('pending_out_branch');
  }
  if (isCommitteeOver(claims, record.committeeOrgPath)) steps.push('pending_committee');
  if (isSecretaryOf(claims, record.toOrgId)) steps.push('pending_in_branch');
  return steps;
}

/** The member, whoever applied, the approvers in scope, and committee staff over either branch. */
export function canRead(claims: MemberClaims, record: Parties): boolean {
  return (
    claims.memberId === record.memberId ||
    claims.memberId === record.appliedBy.id ||
    stepsOf(claims, record).length > 0 ||
    isCommitteeOver(claims, record.fromOrgPath) ||
    isCommitteeOver(claims, record.toOrgPath)
  );
}

/** Approvers of a step and committee staff over it see the arrears warning before they decide. */
export function seesWarnings(claims: MemberClaims, record: Parties): boolean {
  return (
    stepsOf(claims, record).length > 0 ||
    isCommitteeOver(claims, record.fromOrgPath) ||
    isCommitteeOver(claims, record.toOrgPath)
  );
}

/** Whether the transfer touches the caller's branch, or their committee's subtree (which 403 they get). */
function inBranchScope(claims: MemberClaims, record: Parties): boolean {
  return (
    (record.fromOrgId !== null && claims.orgId === record.fromOrgId) ||
    (record.toOrgId !== null && claims.orgId === record.toOrgId) ||
    isCommitteeOver(claims, record.fromOrgPath) ||
    isCommitteeOver(claims, record.toOrgPath) ||
    isCommitteeOver(claims, record.committeeOrgPath)
  );
}

/**
 * Approve or reject: only the approver of the step pending now. An approver of another step of this transfer
 * is told it is not at their step (409); anyone else is refused (403).
 */
export function requireApprover(claims: MemberClaims, record: TransferRecord): Actor {
  const steps = stepsOf(claims, record);
  // The route let only secretaries and committee staff in: whoever approves no step here is out of scope.
  if (steps.length === 0) throw new DomainError('FORBIDDEN_SCOPE');
  if (!steps.includes(record.state as PendingState)) throw conflict(record, isFinal(record.state));
  return {
    id: claims.memberId,
    name: claims.name,
    role: approverAt(record, record.state)?.role ?? 'secretary',
  };
}

/** Withdraw: whoever applied, or the member themself. */
export function requireApplicant(claims: MemberClaims, record: TransferRecord): Actor {
  if (claims.memberId === record.appliedBy.id) return { ...record.appliedBy, name: claims.name };
  if (claims.memberId === record.memberId) return { id: claims.memberId, name: claims.name, role: 'member' };
  // Someone on its branches (their secretary, committee staff over it) is not the applicant; anyone else is
  // outside its scope.
  throw new DomainError(inBranchScope(claims, record) ? 'FORBIDDEN_ROLE' : 'FORBIDDEN_SCOPE');
}

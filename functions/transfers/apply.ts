/**
 * POST /v1/transfers — applying: the member for themself, or their branch's secretary for them. One transaction
 * writes the transfer, its first timeline entry, the member's pointer, the open lock (at most one open transfer
 * per member: the key's condition decides, never a read), the to-do count, the committee's counts, the link from
 * a transfer it resubmits, and the message to the out-branch's secretaries.
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { shanghaiDay } from '../../shared/time';
import type { ApplyTransferRequest } from '../../shared/transfers/schemas';
import { lowestCommonAbove } from '../../shared/transfers/scope';
import { newId } from '../commons/ids';
import * as org from '../org/service';
import { statsItems } from './aggregates';
import type { Actor, StepRecord, TransferRecord } from './records';
import * as store from './store';
import { advance, membersWithRole, stepMessages } from './transition';

/**
 * Each application tells the out-branch secretaries: apply-and-withdraw in a loop would flood them. A person needs
 * one, or two after a mistake.
 */
export const APPLICATIONS_PER_DAY = 5;

/** Transaction conflicts with other steps at the same org (its to-do count) are retried this often. */
const ROUNDS = 8;
/** Where the items that can fail on their condition sit: transfer, first step, pointer, lock, member, link. */
const LOCK_ITEM = 3;
const MEMBER_ITEM = 4;
const LINK_ITEM = 5;

export async function applyTransfer(
  body: ApplyTransferRequest,
  claims: MemberClaims,
  nowMs: number,
): Promise<TransferRecord> {
  const { member, actor } = await applicantAndMember(body.memberId, claims);
  const from = await org.findOrg(member.orgId);
  if (from?.kind !== 'branch') throw new DomainError('TRANSFER_NOT_BRANCH_MEMBER');
  const destination = await destinationOf(body, from);
  const previous = body.previousId ? await resubmitted(body.previousId, member.id) : null;
  const nowIso = new Date(nowMs).toISOString();
  const draft: TransferRecord = {
    id: newId('tr'),
    kind: body.kind,
    state: 'draft',
    version: 0,
    memberId: member.id,
    memberName: member.name,
    fromOrgId: from.id,
    fromOrgName: from.name,
    fromOrgPath: from.path,
    ...destination,
    rootId: from.rootId,
    reason: body.reason,
    appliedBy: actor,
    previousId: previous?.id ?? null,
    nextId: null,
    approverOrgId: null,
    pendingSince: null,
    overdueFlaggedAt: null,
    letter: null,
    inboundLetter: null,
    subjectIsSecretary: member.roles.includes('secretary'),
    steps: 0,
    createdAt: nowIso,
    updatedAt: nowIso,
  };
  const record = advance(draft, 'submit', {}, nowIso);
  const first: StepRecord = {
    seq: record.steps,
    state: record.state,
    action: 'submit',
    actorId: actor.id,
    actorName: actor.name,
    role: actor.role,
    at: nowIso,
    comment: body.reason,
  };
  const items = [
    ...store.newTransferItems(record, first, true),
    // Still in that branch as the transaction commits (a move meanwhile would make `from` wrong).
    org.activeMemberCheck(member.id, from.id),
    ...(previous ? [store.linkNextItem(previous, record.id, nowIso)] : []),
    store.todoCountItem(record.approverOrgId!, 1),
    ...statsItems(null, record),
    ...(await stepMessages(draft, record, actor, nowIso)),
    // Last, so the indexes above hold: applications of this member today, counted as they commit.
    store.appliedTodayItem(member.id, shanghaiDay(nowMs), APPLICATIONS_PER_DAY),
  ];
  for (let round = 0; round < ROUNDS; round++) {
    const reasons = await store.transact(items);
    if (!reasons) return record;
    if (reasons[LOCK_ITEM] === 'ConditionalCheckFailed') throw new DomainError('TRANSFER_ALREADY_OPEN');
    if (reasons[MEMBER_ITEM] === 'ConditionalCheckFailed') throw new DomainError('TRANSFER_NOT_BRANCH_MEMBER');
    if (previous && reasons[LINK_ITEM] === 'ConditionalCheckFailed') throw previouslyResubmitted();
    if (reasons.at(-1) === 'ConditionalCheckFailed') {
      throw new DomainError('TOO_MANY_REQUESTS', {
        message: `同一党员一天最多提交 ${APPLICATIONS_PER_DAY} 次转接申请，请明天再试`,
      });
    }
    if (!reasons.includes('TransactionConflict')) throw new Error(`apply transfer: ${reasons.join(',')}`);
    await store.pause(round);
  }
  throw new DomainError('TOO_MANY_REQUESTS');
}

/** Self, or a secretary for an active member of their own branch. */
async function applicantAndMember(
  memberId: string | undefined,
  claims: MemberClaims,
): Promise<{ member: org.MemberRecord; actor: Actor }> {
  if (memberId === undefined || memberId === claims.memberId) {
    const self = await org.findMember(claims.memberId);
    if (self?.status !== 'active') throw new DomainError('TRANSFER_NOT_BRANCH_MEMBER');
    return { member: self, actor: { id: claims.memberId, name: claims.name, role: 'member' } };
  }
  if (!claims.roles.includes('secretary')) throw new DomainError('FORBIDDEN_ROLE');
  const member = await org.findMember(memberId);
  // Someone of another branch, or nobody: the same answer, so ids cannot be probed.
  if (!member || member.orgId !== claims.orgId) throw new DomainError('FORBIDDEN_SCOPE');
  if (member.status !== 'active') throw new DomainError('TRANSFER_NOT_BRANCH_MEMBER');
  return { member, actor: { id: claims.memberId, name: claims.name, role: 'secretary' } };
}

type Destination = Pick<
  TransferRecord,
  'toOrgId' | 'toOrgName' | 'toOrgPath' | 'destination' | 'committeeOrgId' | 'committeeOrgName' | 'committeeOrgPath'
>;

/**
 * Internal: another branch of the same tree; its middle step is the lowest org above both branches with committee
 * staff (a 党总支 when both are under it and it has staff). Outbound: an organisation outside, and the tree's 党委 approves and issues the letter.
 */
async function destinationOf(body: ApplyTransferRequest, from: org.OrgRecord): Promise<Destination> {
  if (body.kind === 'outbound') {
    const root = await org.requireOrg(from.rootId);
    return {
      toOrgId: null,
      toOrgName: null,
      toOrgPath: null,
      destination: {
        name: body.destination!.name,
        ...(body.destination!.contact ? { contact: body.destination!.contact } : {}),
      },
      committeeOrgId: root.id,
      committeeOrgName: root.name,
      committeeOrgPath: root.path,
    };
  }
  if (body.toOrgId === from.id) throw new DomainError('TRANSFER_SAME_BRANCH');
  const to = await org.findOrg(body.toOrgId!);
  if (to?.kind !== 'branch' || to.rootId !== from.rootId) throw new DomainError('TRANSFER_DESTINATION_UNKNOWN');
  const committee = await staffedAbove(lowestCommonAbove(from.path, to.path) ?? from.rootId);
  return {
    toOrgId: to.id,
    toOrgName: to.name,
    toOrgPath: to.path,
    destination: null,
    committeeOrgId: committee.id,
    committeeOrgName: committee.name,
    committeeOrgPath: committee.path,
  };
}

/**
 * The lowest org above both branches that has committee staff to act: a 党总支 without staff of its own would
 * leave the step in nobody's 待我审批, so it goes up to the org above it (the tree's 党委 at the latest).
 */
async function staffedAbove(orgId: string): Promise<org.OrgRecord> {
  let current = await org.requireOrg(orgId);
  while (current.parentId && (await membersWithRole(current.id, 'committee')).length === 0) {
    current = await org.requireOrg(current.parentId);
  }
  return current;
}

const RESUBMITTABLE: readonly TransferRecord['state'][] = ['rejected', 'withdrawn', 'expired'];

const previouslyResubmitted = () =>
  new DomainError('TRANSFER_STATE_CONFLICT', { message: '这份转接已经重新提交过，请在新的申请上办理' });

/** Only the same member's transfer that ended without a move, and only once. */
async function resubmitted(previousId: string, memberId: string): Promise<TransferRecord> {
  const previous = await store.getTransfer(previousId, true);
  if (previous?.memberId !== memberId) throw new DomainError('TRANSFER_NOT_FOUND');
  if (!RESUBMITTABLE.includes(previous.state)) {
    throw new DomainError('TRANSFER_STATE_CONFLICT', {
      message: '只能重新提交已退回、已撤回或介绍信已过期的转接',
      details: { state: previous.state },
    });
  }
  if (previous.nextId) throw previouslyResubmitted();
  return previous;
}

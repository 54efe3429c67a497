/**
 * One step of a transfer as transaction items: the pure state machine says where it goes, and the write is
 * conditional on the state and version read — so of twenty approvals of one step exactly one commits. Every step
 * writes its timeline entry, moves the to-do counts, the committee's counts and the open lock, and tells whoever
 * must act next (the outbox, in the same transaction). Callers add what their step changes besides (the member's
 * move, the letter) and run ONE transaction.
 */
import { DomainError } from '../../shared/errors';
import { ACTION_LABELS } from '../../shared/transfers/labels';
import { nextState, type TransferAction } from '../../shared/transfers/state';
import { messageItems } from '../messages/outbox';
import * as org from '../org/service';
import { statsItems } from './aggregates';
import type { Actor, StepRecord, TransferRecord } from './records';
import { releaseOpenItem, replaceTransferItem, stepItem, type TransactItem, todoCountItem } from './store';

export interface StepInput {
  readonly comment?: string | null;
  /** The version the caller read; a stale one → 409 TRANSFER_STATE_CONFLICT. */
  readonly version?: number;
}

export interface Step {
  readonly next: TransferRecord;
  readonly items: TransactItem[];
}

/** A transaction holds 100 items and a message takes 2: a handful of approvers at most is told. */
const MAX_TOLD = 10;

export function conflict(record: Pick<TransferRecord, 'state'>, finalState = false): DomainError {
  return new DomainError('TRANSFER_STATE_CONFLICT', {
    ...(finalState ? { message: '该转接已经结束，不能再办理' } : {}),
    details: { state: record.state },
  });
}

/** The org that must act at a state, and as which role. */
export function approverAt(
  record: Pick<TransferRecord, 'fromOrgId' | 'committeeOrgId' | 'toOrgId' | 'subjectIsSecretary'>,
  state: TransferRecord['state'],
): { orgId: string; role: 'secretary' | 'committee' } | null {
  // A secretary's own transfer: the committee over their branch decides its first step.
  if (state === 'pending_out_branch' && record.subjectIsSecretary && record.committeeOrgId) {
    return { orgId: record.committeeOrgId, role: 'committee' };
  }
  if (state === 'pending_out_branch' && record.fromOrgId) return { orgId: record.fromOrgId, role: 'secretary' };
  if (state === 'pending_committee' && record.committeeOrgId)
    return { orgId: record.committeeOrgId, role: 'committee' };
  if (state === 'pending_in_branch' && record.toOrgId) return { orgId: record.toOrgId, role: 'secretary' };
  return null;
}

/** The record after `action`, or the refusal (pure; the write's condition guards the race). */
export function advance(
  record: TransferRecord,
  action: TransferAction,
  input: StepInput,
  nowIso: string,
  patch: Partial<TransferRecord> = {},
): TransferRecord {
  if (input.version !== undefined && input.version !== record.version) throw conflict(record);
  if (record.kind === 'inbound') throw conflict(record, true);
  const moved = nextState(record.kind, record.state, action);
  if ('error' in moved) throw conflict(record, moved.error === 'TRANSFER_FINAL');
  const approver = approverAt(record, moved.state);
  return {
    ...record,
    ...patch,
    state: moved.state,
    version: record.version + 1,
    approverOrgId: approver?.orgId ?? null,
    pendingSince: approver ? nowIso : null,
    overdueFlaggedAt: null,
    steps: record.steps + 1,
    updatedAt: nowIso,
  };
}

/** Active members of `orgId` holding `role` (a branch's secretary, a committee's staff). */
export async function membersWithRole(orgId: string, role: 'secretary' | 'committee'): Promise<org.MemberRecord[]> {
  return org.activeMembersWithRole(orgId, role, MAX_TOLD);
}

/** Messages for a step: the next approvers (a step waits for you), and the member and applicant (a decision). */
export async function stepMessages(before: TransferRecord, next: TransferRecord, actor: Actor, nowIso: string) {
  const told = new Set<string>([actor.id]);
  const items: TransactItem[] = [];
  const ref = { type: 'transfer' as const, id: next.id };
  const approver = approverAt(next, next.state);
  if (approver) {
    for (const member of await membersWithRole(approver.orgId, approver.role)) {
      if (told.has(member.id)) continue;
      told.add(member.id);
      items.push(
        ...messageItems(
          {
            id: `transfer-${next.id}-${next.steps}-step-${member.id}`,
            memberId: member.id,
            kind: 'transfer_step',
            title: '组织关系转接待您审批',
            body: `${next.memberName}：${next.fromOrgName ?? next.inboundLetter?.from ?? ''} → ${next.toOrgName ?? next.destination?.name ?? ''}`,
            ref,
          },
          nowIso,
        ),
      );
    }
  }
  if (before.state !== 'draft') {
    for (const memberId of [next.memberId, next.appliedBy.id]) {
      if (told.has(memberId)) continue;
      told.add(memberId);
      items.push(
        ...messageItems(
          {
            id: `transfer-${next.id}-${next.steps}-decision-${memberId}`,
            memberId,
            kind: 'transfer_decision',
            title: '组织关系转接进度',
            body: `${actor.name}${ACTION_LABELS[lastAction(before, next)]}：${next.memberName}的转接`,
            ref,
          },
          nowIso,
        ),
      );
    }
  }
  return items;
}

function lastAction(before: TransferRecord, next: TransferRecord): TransferAction {
  if (next.state === 'rejected') return 'reject';
  if (next.state === 'withdrawn') return 'withdraw';
  if (next.state === 'receipt_confirmed') return 'confirm_receipt';
  if (next.state === 'expired') return 'expire';
  return before.state === 'draft' ? 'submit' : 'approve';
}

/**
 * The items of one step: the transfer (on the state and version read), its timeline entry, the to-do counts of
 * the org that stops waiting and the one that starts, the committee's counts, the open lock when it ends, and the
 * messages. `actor` is who acts (the job acts as 系统).
 */
export async function stepItems(
  record: TransferRecord,
  action: TransferAction,
  actor: Actor,
  input: StepInput,
  nowMs: number,
  patch: Partial<TransferRecord> = {},
): Promise<Step> {
  const nowIso = new Date(nowMs).toISOString();
  const next = advance(record, action, input, nowIso, patch);
  const entry: StepRecord = {
    seq: next.steps,
    state: next.state,
    action,
    actorId: actor.id,
    actorName: actor.name,
    role: actor.role,
    at: nowIso,
    comment: input.comment ?? null,
  };
  const items: TransactItem[] = [replaceTransferItem(next, record), stepItem(next.id, entry)];
  // One update per counter: a step passing from one org's desk to the same org's (a secretary's own transfer at
  // the committee) leaves its count as it is — and a transaction may not touch an item twice.
  if (record.approverOrgId !== next.approverOrgId) {
    if (record.approverOrgId) items.push(todoCountItem(record.approverOrgId, -1));
    if (next.approverOrgId) items.push(todoCountItem(next.approverOrgId, 1));
  }
  items.push(...statsItems(record, next));
  if (['completed', 'rejected', 'withdrawn', 'receipt_confirmed', 'expired'].includes(next.state)) {
    items.push(releaseOpenItem(next.memberId, next.id));
  }
  items.push(...(await stepMessages(record, next, actor, nowIso)));
  return { next, items };
}

/** Why a step's transaction failed, as the caller should hear it: the first item is always the transfer. */
export function stepFailure(reasons: string[], record: TransferRecord): DomainError | null {
  if (reasons[0] === 'ConditionalCheckFailed') return conflict(record);
  return null;
}

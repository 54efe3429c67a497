/**
 * POST /v1/transfers/{id}/approve · reject · withdraw: the caller's place on the transfer decides whether they may
 * (403 otherwise), the state machine whether the step fits (409), and the write's condition on the state and
 * version read whether they were first (409 for the rest: twenty approvals of one step, one commits). The
 * committee's approval of an outbound transfer issues the 介绍信 (./letters.ts); the in-branch secretary's
 * approval of an internal one moves the member (./move.ts).
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import type { TransferAction } from '../../shared/transfers/state';
import { issueLetter } from './letters';
import { completionItems } from './move';
import { requireApplicant, requireApprover } from './parties';
import type { Actor, TransferRecord } from './records';
import * as store from './store';
import { conflict, type StepInput, stepItems } from './transition';

/** Rounds of re-reading after a transaction conflict (another step at the same org, the member edited). */
const ROUNDS = 8;

export type Decision =
  | { readonly action: 'approve'; readonly comment?: string; readonly duesOverride?: { reason: string } }
  | { readonly action: 'reject'; readonly reason: string }
  | { readonly action: 'withdraw'; readonly reason?: string };

export async function decide(
  id: string,
  decision: Decision & { readonly version?: number },
  claims: MemberClaims,
  nowMs: number,
): Promise<TransferRecord> {
  for (let round = 0; round < ROUNDS; round++) {
    const record = await loadTransfer(id);
    const actor = decision.action === 'withdraw' ? requireApplicant(claims, record) : requireApprover(claims, record);
    const input: StepInput = { comment: commentOf(decision), version: decision.version };
    if (decision.action === 'approve' && record.kind === 'outbound' && record.state === 'pending_committee') {
      return issueLetter(
        record,
        actor,
        { comment: decision.comment, duesOverride: decision.duesOverride, version: decision.version },
        nowMs,
      );
    }
    const outcome = await attempt(record, decision.action, actor, input, nowMs);
    if (outcome) return outcome;
    await store.pause(round);
  }
  throw new DomainError('TRANSFER_STATE_CONFLICT', {
    message: '这份转接或该党员的信息正被同时修改，本次未办理，请稍后刷新重试',
  });
}

export async function loadTransfer(id: string): Promise<TransferRecord> {
  const record = await store.getTransfer(id, true);
  if (!record) throw new DomainError('TRANSFER_NOT_FOUND');
  return record;
}

function commentOf(decision: Decision): string | null {
  if (decision.action === 'approve') return decision.comment || null;
  return decision.reason || null;
}

/** One try: → the transfer as committed, or null to read again and retry (a conflict that was not ours). */
async function attempt(
  record: TransferRecord,
  action: TransferAction,
  actor: Actor,
  input: StepInput,
  nowMs: number,
): Promise<TransferRecord | null> {
  const step = await stepItems(record, action, actor, input, nowMs);
  const completes = step.next.state === 'completed';
  const move = completes ? await completionItems(record, nowMs) : [];
  const reasons = await store.transact([...step.items, ...move]);
  if (!reasons) return step.next;
  // The first item is always the transfer on the state and version read: someone else decided first.
  if (reasons[0] === 'ConditionalCheckFailed') throw conflict(record);
  // The member changed between our read and the write (an edit, a binding): read them again.
  if (completes && reasons[step.items.length] === 'ConditionalCheckFailed') return null;
  if (reasons.includes('TransactionConflict')) return null;
  throw new Error(`transfer step: ${reasons.join(',')}`);
}

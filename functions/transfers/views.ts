/**
 * GET /v1/transfers/{id} — where a transfer stands: the transfer, every step taken (who, as what, when, what they
 * said), the step pending now (which org acts, as which role, since when, by when, overdue), and for approvers
 * the member's dues. Visible to its member, whoever applied, and the approvers and committees over it; to anyone
 * else it does not exist (404, like a missing one).
 */

import type { z } from 'zod';
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import type { Pending, TimelineEntry, TransferDetailResponse } from '../../shared/transfers/schemas';
import { duesWarnings } from './dues-warnings';
import { canRead, seesWarnings } from './parties';
import { dueAtOf, type StepRecord, type TransferRecord, toTransfer } from './records';
import * as store from './store';
import { approverAt } from './transition';

export async function transferDetail(
  id: string,
  claims: MemberClaims,
  nowMs: number,
): Promise<z.infer<typeof TransferDetailResponse>> {
  const found = await store.getTransferWithSteps(id);
  if (!found || !canRead(claims, found.record)) throw new DomainError('TRANSFER_NOT_FOUND');
  const { record, steps } = found;
  const warnings = seesWarnings(claims, record) ? await duesWarnings(record.memberId) : null;
  return {
    transfer: toTransfer(record, nowMs),
    timeline: steps.map(toTimelineEntry),
    pending: pendingOf(record, nowMs),
    warnings: { unpaidBills: warnings?.unpaidBills ?? null, duesPaidThrough: warnings?.duesPaidThrough ?? null },
  };
}

function toTimelineEntry(step: StepRecord): TimelineEntry {
  return {
    state: step.state,
    action: step.action,
    actorId: step.actorId,
    actorName: step.actorName,
    role: step.role,
    at: step.at,
    comment: step.comment,
  };
}

const APPROVER_ORG_NAME = {
  pending_out_branch: 'fromOrgName',
  pending_committee: 'committeeOrgName',
  pending_in_branch: 'toOrgName',
} as const;

/** The step waiting now: the org that must act, as which role, since when and by when (7 days). */
export function pendingOf(record: TransferRecord, nowMs: number): z.infer<typeof Pending> | null {
  const approver = approverAt(record, record.state);
  if (!approver || !record.pendingSince) return null;
  const dueAt = dueAtOf(record.pendingSince);
  const nameField = APPROVER_ORG_NAME[record.state as keyof typeof APPROVER_ORG_NAME];
  return {
    state: record.state,
    approverOrgId: approver.orgId,
    approverOrgName: record[nameField] ?? '',
    approverRole: approver.role,
    since: record.pendingSince,
    dueAt,
    overdue: nowMs > Date.parse(dueAt),
  };
}

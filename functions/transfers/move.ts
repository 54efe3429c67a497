/**
 * The in-branch secretary's approval of an internal transfer completes it: the member moves to the new branch
 * (branch and path, roster key, both branches' counts; branch roles stay behind) in the SAME transaction as the
 * step, on the member's version read here — so either all of it happens or none. Unpaid bills, attendance, study
 * and points keep the branch they were recorded under (§6.1): only the member moves.
 */
import { DomainError } from '../../shared/errors';
import * as org from '../org/service';
import type { TransferRecord } from './records';
import type { TransactItem } from './store';

/** The member's move, as transaction items to follow the step's own (the member's condition comes first). */
export async function completionItems(record: TransferRecord, nowMs: number): Promise<TransactItem[]> {
  const [member, to] = await Promise.all([
    org.findMember(record.memberId),
    record.toOrgId ? org.findOrg(record.toOrgId) : null,
  ]);
  if (member?.status !== 'active' || member.orgId !== record.fromOrgId) {
    throw new DomainError('TRANSFER_STATE_CONFLICT', {
      message: '该党员已不在转出支部的在册名单中，转接无法办结，请退回或撤回',
    });
  }
  if (to?.kind !== 'branch') throw new DomainError('TRANSFER_DESTINATION_UNKNOWN');
  return org.moveMemberItems(member, to, new Date(nowMs).toISOString());
}

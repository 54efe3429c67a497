/**
 * Transfers for the benchmark, written straight through the store's own item builders (the very items the apply
 * and approve routes write): N transfers waiting at one step, without N × 2 API calls through the rate limits.
 */
import { newId } from '../functions/commons/ids';
import type { MemberRecord, OrgRecord } from '../functions/org/service';
import type { TransferRecord } from '../functions/transfers/records';
import { newTransferItems, todoCountItem, transact } from '../functions/transfers/store';
import { lowestCommonAbove } from '../shared/transfers/scope';

export type Waiting = 'pending_committee' | 'pending_in_branch';

/** An internal transfer of `member` to `to`, waiting at `state`, as the routes would have left it. */
export async function seedWaiting(
  member: MemberRecord,
  from: OrgRecord,
  to: OrgRecord,
  committee: OrgRecord,
  state: Waiting,
  atMs: number,
): Promise<TransferRecord> {
  const at = new Date(atMs).toISOString();
  const approverOrgId = state === 'pending_committee' ? committee.id : to.id;
  const record: TransferRecord = {
    id: newId('t'),
    kind: 'internal',
    state,
    version: state === 'pending_committee' ? 2 : 3,
    memberId: member.id,
    memberName: member.name,
    fromOrgId: from.id,
    fromOrgName: from.name,
    fromOrgPath: from.path,
    toOrgId: to.id,
    toOrgName: to.name,
    toOrgPath: to.path,
    destination: null,
    committeeOrgId: lowestCommonAbove(from.path, to.path) ?? committee.id,
    committeeOrgName: committee.name,
    committeeOrgPath: committee.path,
    rootId: committee.rootId,
    reason: '工作调动',
    appliedBy: { id: member.id, name: member.name, role: 'member' },
    previousId: null,
    nextId: null,
    approverOrgId,
    pendingSince: at,
    overdueFlaggedAt: null,
    letter: null,
    inboundLetter: null,
    steps: 1,
    createdAt: at,
    updatedAt: at,
  };
  const first = {
    seq: 1,
    state,
    action: 'submit',
    actorId: member.id,
    actorName: member.name,
    role: 'member',
    at,
    comment: null,
  } as const;
  const reasons = await transact([...newTransferItems(record, first, true), todoCountItem(approverOrgId, 1)]);
  if (reasons) throw new Error(`seed transfer: ${reasons.join(',')}`);
  return record;
}

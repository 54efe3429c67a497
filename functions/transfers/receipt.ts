/**
 * POST /v1/transfers/{id}/receipt — the receiving organisation's 回执 came back: the committee records it while the
 * letter is valid, and in ONE transaction the transfer reaches receipt_confirmed (its open lock released) and the
 * member leaves the roster (inactive, 转出, the branch's count down). Their past stays with the branch (§6.1).
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { shanghaiDay } from '../../shared/time';
import { recordReceipt as receiptRoute } from '../../shared/transfers/admin-routes';
import { isExpired } from '../../shared/transfers/letter';
import { isFinal } from '../../shared/transfers/state';
import { requireScope } from '../commons/http';
import { invalidField } from '../commons/invalid-field';
import * as org from '../org/service';
import type { Actor, LetterRecord, TransferRecord } from './records';
import { getTransfer, pause, transact } from './store';
import { conflict, stepItems } from './transition';

/** Rounds after a conflict that was not a decision: the member edited meanwhile, another step's counts. */
const ROUNDS = 8;

export interface ReceiptInput {
  readonly receivedBy: string;
  /** YYYY-MM-DD, the day it arrived there (Asia/Shanghai). */
  readonly receivedAt: string;
}

const badDay = (message: string) => invalidField('receivedAt', message);

/** The transfer as it must be for a 回执: in the committee's scope, with a letter out and still valid. */
async function receivable(id: string, claims: MemberClaims, nowMs: number) {
  const record = await getTransfer(id, true);
  if (!record) throw new DomainError('TRANSFER_NOT_FOUND');
  const orgPath = record.committeeOrgPath ?? record.toOrgPath ?? record.fromOrgPath ?? '';
  requireScope(claims, receiptRoute, { orgId: record.committeeOrgId ?? '', orgPath });
  const letter = record.letter;
  if (!letter || record.kind !== 'outbound') throw new DomainError('TRANSFER_NO_LETTER');
  if (record.state === 'expired' || (record.state === 'letter_issued' && isExpired(letter.validUntil, nowMs))) {
    throw new DomainError('TRANSFER_LETTER_EXPIRED');
  }
  if (record.state !== 'letter_issued') throw conflict(record, isFinal(record.state));
  return { record, letter };
}

export async function recordReceipt(
  id: string,
  input: ReceiptInput,
  claims: MemberClaims,
  nowMs: number,
): Promise<TransferRecord & { letter: LetterRecord }> {
  const nowIso = new Date(nowMs).toISOString();
  const actor: Actor = { id: claims.memberId, name: claims.name, role: 'committee' };
  for (let round = 0; round < ROUNDS; round++) {
    const { record, letter } = await receivable(id, claims, nowMs);
    if (input.receivedAt > shanghaiDay(nowMs)) throw badDay('接收日期不能晚于今天');
    if (input.receivedAt < shanghaiDay(letter.issuedAt)) throw badDay('接收日期不能早于介绍信开具日期');
    const receipt = {
      receivedBy: input.receivedBy,
      receivedAt: input.receivedAt,
      recordedById: claims.memberId,
      recordedByName: claims.name,
      recordedAt: nowIso,
    };
    const comment = `回执：${input.receivedBy}，${input.receivedAt} 收到`;
    const step = await stepItems(record, 'confirm_receipt', actor, { comment }, nowMs, {
      letter: { ...letter, receipt },
    });
    const member = await org.findMember(record.memberId);
    // A member already taken off the roster (deactivated by hand) is not counted out twice.
    const leaving =
      member?.status === 'active'
        ? org.transferOutItems(member, `转往${record.destination?.name ?? '系统外'}（${letter.number}）`, nowIso)
        : [];
    const reasons = await transact([...step.items, ...leaving]);
    if (!reasons) return step.next as TransferRecord & { letter: LetterRecord };
    // The transfer changed (another 回执, the expiry job) or the member was edited: read both again.
    await pause(round);
  }
  throw new DomainError('TRANSFER_STATE_CONFLICT', { message: '这份转接正被同时办理，本次未登记，请稍后刷新重试' });
}

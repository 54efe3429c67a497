/**
 * Who may read a 介绍信 and how it reads (GET /v1/transfers/{id}/letter and its PDF): the committee staff whose
 * subtree holds the issuing committee, and the member it introduces.
 */
import { authorize, isWithin, type MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/org/rules';
import { LETTER_READERS } from '../../shared/transfers/access';
import type { Letter } from '../../shared/transfers/admin-schemas';
import { duesPaidThroughText } from '../../shared/transfers/letter';
import { letterParagraphs } from '../../shared/transfers/letter-text';
import * as org from '../org/service';
import type { IssuedLetter } from './letters';
import type { LetterRecord, TransferRecord } from './records';
import { getTransfer } from './store';

/** Committee staff over the committee that issued (or would issue) the transfer's letter. */
export function isLetterCommittee(claims: MemberClaims, record: TransferRecord): boolean {
  return (
    claims.roles.includes('committee') &&
    record.committeeOrgPath !== null &&
    isWithin(record.committeeOrgPath, claims.orgPath)
  );
}

/**
 * The transfer, if the caller may read its letter. Anyone else: 403 when the transfer is outside their scope
 * (another branch, another tree — as for every scoped route), 404 when it is in their branch but not theirs;
 * 409 when it has no letter.
 */
export async function readableLetter(
  id: string,
  claims: MemberClaims,
): Promise<TransferRecord & { letter: LetterRecord }> {
  const record = await getTransfer(id, true);
  if (!record) throw new DomainError('TRANSFER_NOT_FOUND');
  if (record.memberId !== claims.memberId && !isLetterCommittee(claims, record)) {
    const branch = {
      orgId: record.fromOrgId ?? record.toOrgId ?? '',
      orgPath: record.fromOrgPath ?? record.toOrgPath ?? '',
    };
    const scope = authorize(claims, LETTER_READERS, branch);
    throw new DomainError(scope === 'ok' ? 'TRANSFER_NOT_FOUND' : scope);
  }
  // An inbound transfer carries the letter the member came with: we did not issue it, so there is none to print.
  if (!record.letter || record.kind !== 'outbound') throw new DomainError('TRANSFER_NO_LETTER');
  return record as TransferRecord & { letter: LetterRecord };
}

/** The facts a letter was issued with; a letter without them (none yet) reads them from the roster. */
async function factsOf(record: TransferRecord, letter: LetterRecord): Promise<IssuedLetter> {
  const kept = letter as Partial<IssuedLetter>;
  if (kept.memberGender && kept.memberCategory && kept.idNumberMasked) return letter as IssuedLetter;
  const member = await org.requireMember(record.memberId);
  return {
    ...letter,
    memberGender: member.gender,
    memberCategory: member.category,
    idNumberMasked: maskIdNumber(member.idNumber),
    fromOrgName: record.fromOrgName ?? '',
    destinationName: record.destination?.name ?? '',
  };
}

export async function toLetter(record: TransferRecord & { letter: LetterRecord }): Promise<Letter> {
  const letter = await factsOf(record, record.letter);
  return {
    transferId: record.id,
    number: letter.number,
    issuedAt: letter.issuedAt,
    validUntil: letter.validUntil,
    validityDays: letter.validityDays,
    ruleVersion: letter.ruleVersion,
    duesPaidThrough: letter.duesPaidThrough,
    duesPaidThroughText: duesPaidThroughText(letter.duesPaidThrough),
    duesOverride: letter.duesOverride,
    memberName: record.memberName,
    fromOrgName: letter.fromOrgName,
    destinationName: letter.destinationName,
    committeeName: letter.committeeName,
    paragraphs: letterParagraphs({
      number: letter.number,
      destinationName: letter.destinationName,
      memberName: record.memberName,
      gender: letter.memberGender,
      category: letter.memberCategory,
      idNumberMasked: letter.idNumberMasked,
      fromOrgName: letter.fromOrgName,
      reason: record.reason,
      duesPaidThrough: letter.duesPaidThrough,
      validUntil: letter.validUntil,
      committeeName: letter.committeeName,
      issuedAt: letter.issuedAt,
    }),
    state: record.state,
    receipt: letter.receipt,
  };
}

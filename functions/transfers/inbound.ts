/**
 * POST /v1/transfers/inbound — a member arriving from outside the system with a 介绍信: the receiving branch's
 * secretary registers them. ONE transaction: the member (with their ID-number claim and the branch's count), the
 * letter's number held once (a letter registered twice is refused by key), the transfer (completed at once: no
 * approvals), its timeline entry, the member's pointer and the counts. The member then binds WeChat with the
 * usual binding code.
 */
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { fromShanghai, shanghaiDay } from '../../shared/time';
import type { InboundRequest } from '../../shared/transfers/admin-schemas';
import { validityRuleFor, validUntil } from '../../shared/transfers/letter';
import { tableName } from '../commons/config';
import { newId } from '../commons/ids';
import { invalidField } from '../commons/invalid-field';
import * as org from '../org/service';
import { statsItems } from './aggregates';
import { inboundKey } from './keys';
import type { StepRecord, TransferRecord } from './records';
import { newTransferItems, pause, transact } from './store';

const ROUNDS = 8;
/** Where the items that can refuse sit: member, ID-number claim, branch count, letter number. */
const ID_NUMBER_ITEM = 1;
const ORG_ITEM = 2;
const LETTER_ITEM = 3;

const badIssueDay = () => invalidField('letter.issuedAt', '介绍信开具日期不能晚于今天');

export async function registerInbound(
  body: InboundRequest,
  claims: MemberClaims,
  nowMs: number,
): Promise<{ record: TransferRecord; member: org.MemberRecord }> {
  // A secretary registers into their own branch only.
  if (body.orgId !== undefined && body.orgId !== claims.orgId) throw new DomainError('FORBIDDEN_SCOPE');
  const branch = await org.requireOrg(claims.orgId);
  if (branch.kind !== 'branch') throw new DomainError('FORBIDDEN_SCOPE');
  if (body.letter.issuedAt > shanghaiDay(nowMs)) throw badIssueDay();
  const nowIso = new Date(nowMs).toISOString();
  const actor = { id: claims.memberId, name: claims.name, role: 'secretary' };
  const member = org.newMemberRecord(branch, body.member, nowIso);
  const issuedAt = fromShanghai(`${body.letter.issuedAt} 00:00`);
  // The letter states its own validity, which the form does not ask for: the rule's default stands in for it.
  const rule = validityRuleFor(body.letter.issuedAt.slice(0, 7));
  const record: TransferRecord = {
    id: newId('tr'),
    kind: 'inbound',
    state: 'completed',
    version: 1,
    memberId: member.id,
    memberName: member.name,
    fromOrgId: null,
    fromOrgName: null,
    fromOrgPath: null,
    toOrgId: branch.id,
    toOrgName: branch.name,
    toOrgPath: branch.path,
    destination: null,
    committeeOrgId: null,
    committeeOrgName: null,
    committeeOrgPath: null,
    rootId: branch.rootId,
    reason: `持${body.letter.from}开具的介绍信（${body.letter.number}）转入`,
    appliedBy: actor,
    previousId: null,
    nextId: null,
    approverOrgId: null,
    pendingSince: null,
    overdueFlaggedAt: null,
    letter: {
      number: body.letter.number,
      issuedAt,
      validUntil: validUntil(issuedAt, rule.defaultDays),
      validityDays: rule.defaultDays,
      ruleVersion: rule.version,
      duesPaidThrough: null,
      duesOverride: null,
      committeeName: body.letter.from,
      receipt: null,
      remindedAt: null,
    },
    inboundLetter: { number: body.letter.number, from: body.letter.from, issuedAt: body.letter.issuedAt },
    steps: 1,
    createdAt: nowIso,
    updatedAt: nowIso,
  };
  const step: StepRecord = {
    seq: 1,
    state: 'completed',
    action: 'register_inbound',
    actorId: actor.id,
    actorName: actor.name,
    role: actor.role,
    at: nowIso,
    comment: record.reason,
  };
  const items = [
    ...org.newMemberTransactItems(member),
    {
      Put: {
        TableName: tableName(),
        Item: { ...inboundKey(body.letter.number), transferId: record.id, memberId: member.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...newTransferItems(record, step, false),
    ...statsItems(null, record),
  ];
  for (let round = 0; round < ROUNDS; round++) {
    const reasons = await transact(items);
    if (!reasons) return { record, member };
    if (reasons[ID_NUMBER_ITEM] === 'ConditionalCheckFailed') throw new DomainError('ID_NUMBER_TAKEN');
    if (reasons[LETTER_ITEM] === 'ConditionalCheckFailed') throw new DomainError('TRANSFER_LETTER_REGISTERED');
    if (reasons[ORG_ITEM] === 'ConditionalCheckFailed') throw new DomainError('ORG_NOT_FOUND');
    if (!reasons.includes('TransactionConflict')) throw new Error(`register inbound: ${reasons.join(',')}`);
    await pause(round);
  }
  throw new DomainError('TOO_MANY_REQUESTS');
}

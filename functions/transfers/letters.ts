/**
 * The committee's approval of a transfer out of the system: the 介绍信 is issued in the same transaction as the
 * step (DESIGN §6). Its number takes the committee's next sequence of the Shanghai year — seq+1 on the condition
 * that the counter still holds what was read — so under any number of concurrent issues every number is used
 * once and none is skipped (a number is spent only when its whole transaction commits). 党费交至 comes from the
 * member's bills; short of the month of issue the committee must give a reason to issue all the same.
 */
import { DomainError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/org/rules';
import { shanghaiMonth } from '../../shared/time';
import {
  duesPaidThroughText,
  letterNumber,
  letterYear,
  validityRuleFor,
  validUntil,
} from '../../shared/transfers/letter';
import { tableName } from '../commons/config';
import * as org from '../org/service';
import { duesWarnings } from './dues-warnings';
import { letterNoKey, letterSeqKey } from './keys';
import type { Actor, LetterRecord, TransferRecord } from './records';
import { chosenDays, readSettings } from './settings';
import { letterSeq, pause, type TransactItem, transact } from './store';
import { advance, conflict, stepItems } from './transition';

/** What a letter keeps besides the record's fields, so its text never changes after issue (§6.1). */
export interface IssuedLetter extends LetterRecord {
  readonly memberGender: 'male' | 'female';
  readonly memberCategory: 'full' | 'probationary';
  readonly idNumberMasked: string;
  readonly fromOrgName: string;
  readonly destinationName: string;
}

export interface IssueInput {
  readonly comment?: string;
  readonly duesOverride?: { readonly reason: string };
  readonly version?: number;
}

/**
 * Rounds against other issues of the same committee (the counter) and other steps (to-do counts): 20 issues at
 * once each win within 20 rounds; jittered pauses spread them.
 */
const MAX_ROUNDS = 60;

/** Paid up when 党费交至 reaches the Shanghai month of issue (YYYY-MM compares as text). */
const paidUpTo = (through: string | null, month: string) => through !== null && through >= month;

function seqItem(committeeOrgId: string, year: number, read: number): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: letterSeqKey(committeeOrgId, year),
      UpdateExpression: 'SET seq = :next',
      ConditionExpression: read === 0 ? 'attribute_not_exists(pk)' : 'seq = :read',
      ExpressionAttributeValues: { ':next': read + 1, ...(read === 0 ? {} : { ':read': read }) },
    },
  };
}

/** A number once per committee (two committees may share a prefix, so the committee is part of the key). */
function numberItem(committeeOrgId: string, number: string, transferId: string): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...letterNoKey(`${committeeOrgId}#${number}`), transferId },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function issueLetter(
  record: TransferRecord,
  actor: Actor,
  input: IssueInput,
  nowMs: number,
): Promise<TransferRecord> {
  const nowIso = new Date(nowMs).toISOString();
  // The step's own refusals (state, version) come before any rule about the letter.
  advance(record, 'approve', input, nowIso);
  const committeeOrgId = record.committeeOrgId;
  if (record.kind !== 'outbound' || !committeeOrgId) throw conflict(record);
  const month = shanghaiMonth(nowMs);
  const [settings, member, dues] = await Promise.all([
    readSettings(committeeOrgId, true),
    org.requireMember(record.memberId),
    duesWarnings(record.memberId),
  ]);
  const through = dues.duesPaidThrough;
  const paidUp = paidUpTo(through, month);
  if (!paidUp && !input.duesOverride) {
    throw new DomainError('TRANSFER_DUES_NOT_PAID_UP', {
      message: `该党员党费交至${duesPaidThroughText(through)}，未交至转出当月（${month.replace('-', '年')}月）：请先补交，或填写原因后仍开具介绍信`,
      details: { duesPaidThrough: through, month },
    });
  }
  const rule = validityRuleFor(month);
  const days = chosenDays(rule, settings.validityDays);
  const year = letterYear(nowMs);
  const facts = {
    issuedAt: nowIso,
    validUntil: validUntil(nowMs, days),
    validityDays: days,
    ruleVersion: rule.version,
    duesPaidThrough: through,
    // Recorded only when it was needed: a letter of a member paid up carries no override.
    duesOverride:
      paidUp || !input.duesOverride ? null : { reason: input.duesOverride.reason, byName: actor.name, at: nowIso },
    committeeName: record.committeeOrgName ?? '',
    receipt: null,
    remindedAt: null,
    memberGender: member.gender,
    memberCategory: member.category,
    idNumberMasked: maskIdNumber(member.idNumber),
    fromOrgName: record.fromOrgName ?? '',
    destinationName: record.destination?.name ?? '',
  };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const read = await letterSeq(committeeOrgId, year);
    const number = letterNumber(settings.letterPrefix, year, read + 1);
    const letter: IssuedLetter = { ...facts, number };
    const step = await stepItems(record, 'approve', actor, { comment: input.comment, version: input.version }, nowMs, {
      letter,
    });
    const reasons = await transact([
      ...step.items,
      seqItem(committeeOrgId, year, read),
      numberItem(committeeOrgId, number, record.id),
    ]);
    if (!reasons) return step.next;
    // The transfer moved on meanwhile (another approval, a withdrawal): that is the caller's answer.
    if (reasons[0] === 'ConditionalCheckFailed') throw conflict(record);
    // Another letter took the number, or another step held an item: read again and retry.
    await pause(Math.min(round, 6));
  }
  throw new DomainError('TOO_MANY_REQUESTS', { message: '同时开具的介绍信较多，请稍后再试' });
}

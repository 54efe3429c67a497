/**
 * The daily transfers job (EventBridge; a timer under `npm start`): steps pending over 7 days are flagged and
 * their approvers and the tree's committee told; letters past their validity expire (the open lock goes, the
 * member stays where they were); a month after issue without a 回执 the committee is reminded. Idempotent: a flag,
 * an expiry and a reminder each happen once — the writes are conditional on the state and version read and on
 * the flag not being set, and every message has an id per transfer and step.
 */
import { shanghaiMonth, toShanghai } from '../../shared/time';
import { isExpired } from '../../shared/transfers/letter';
import { tableName } from '../commons/config';
import { messageItems } from '../messages/outbox';
import * as org from '../org/service';
import { transferKey } from './keys';
import { type Actor, STEP_DUE_DAYS, type TransferRecord } from './records';
import { lettersOut, pause, type TransactItem, transact, waitingSince } from './store';
import { approverAt, membersWithRole, stepItems } from './transition';

export interface DailyReport {
  readonly overdue: number;
  readonly expired: number;
  readonly reminded: number;
}

/** The job acts as 系统 on the timeline. */
export const SYSTEM_ACTOR: Actor = { id: 'system', name: '系统', role: 'system' };
const ROUNDS = 5;

/** Each distinct recipient once: two messages to one member in a transaction would both move their counter. */
async function recipients(groups: Promise<org.MemberRecord[]>[]): Promise<string[]> {
  return [...new Set((await Promise.all(groups)).flat().map((member) => member.id))];
}

/** A conditional write of the job: retried on a transaction conflict, dropped when its condition fails. */
async function once(items: () => Promise<TransactItem[]>): Promise<boolean> {
  for (let round = 0; round < ROUNDS; round++) {
    const reasons = await transact(await items());
    if (!reasons) return true;
    if (!reasons.includes('TransactionConflict')) return false;
    await pause(round);
  }
  return false;
}

/** Flag set on the step read (state and version), only if not yet set: a rerun or a step moved on adds nothing. */
function flagItem(
  record: TransferRecord,
  attribute: 'overdueFlaggedAt' | 'letter.remindedAt',
  nowIso: string,
): TransactItem {
  const path = attribute === 'overdueFlaggedAt' ? '#flag' : '#letter.#flag';
  return {
    Update: {
      TableName: tableName(),
      Key: transferKey(record.id),
      UpdateExpression: `SET ${path} = :now`,
      ConditionExpression: `#state = :state AND version = :version AND NOT attribute_type(${path}, :string)`,
      ExpressionAttributeNames: {
        '#state': 'state',
        '#flag': attribute === 'overdueFlaggedAt' ? 'overdueFlaggedAt' : 'remindedAt',
        ...(attribute === 'overdueFlaggedAt' ? {} : { '#letter': 'letter' }),
      },
      ExpressionAttributeValues: {
        ':now': nowIso,
        ':state': record.state,
        ':version': record.version,
        ':string': 'S',
      },
    },
  };
}

async function flagOverdue(record: TransferRecord, nowIso: string): Promise<boolean> {
  const approver = approverAt(record, record.state);
  if (record.overdueFlaggedAt || !approver) return false;
  const told = await recipients([
    membersWithRole(approver.orgId, approver.role),
    membersWithRole(record.rootId, 'committee'),
  ]);
  const since = toShanghai(record.pendingSince ?? record.updatedAt).format('M月D日');
  return once(async () => [
    flagItem(record, 'overdueFlaggedAt', nowIso),
    ...told.flatMap((memberId) =>
      messageItems(
        {
          id: `transfer-${record.id}-${record.steps}-overdue-${memberId}`,
          memberId,
          kind: 'transfer_overdue',
          title: '组织关系转接审批已超期',
          body: `${record.memberName}的转接自${since}起待办理，已超过 ${STEP_DUE_DAYS} 天`,
          ref: { type: 'transfer', id: record.id },
        },
        nowIso,
      ),
    ),
  ]);
}

async function remindReceipt(record: TransferRecord, nowIso: string): Promise<boolean> {
  const letter = record.letter!;
  const told = await recipients([membersWithRole(record.committeeOrgId!, 'committee')]);
  return once(async () => [
    flagItem(record, 'letter.remindedAt', nowIso),
    ...told.flatMap((memberId) =>
      messageItems(
        {
          id: `transfer-${record.id}-letter-reminder-${memberId}`,
          memberId,
          kind: 'transfer_letter',
          title: '介绍信回执未收到',
          body: `${record.memberName}的介绍信（${letter.number}）开具已满一个月，尚未收到接收方回执`,
          ref: { type: 'transfer', id: record.id },
        },
        nowIso,
      ),
    ),
  ]);
}

/** A letter's answer is due a calendar month (Asia/Shanghai) after issue. */
export const receiptDue = (issuedAt: string) => toShanghai(issuedAt).add(1, 'month').valueOf();

async function letterWork(committee: org.OrgRecord, nowMs: number, report: { expired: number; reminded: number }) {
  const nowIso = new Date(nowMs).toISOString();
  for (const record of await lettersOut(committee.id)) {
    if (record.state !== 'letter_issued' || !record.letter) continue;
    if (isExpired(record.letter.validUntil, nowMs)) {
      if (await once(async () => (await stepItems(record, 'expire', SYSTEM_ACTOR, {}, nowMs)).items)) {
        report.expired += 1;
      }
    } else if (!record.letter.remindedAt && nowMs >= receiptDue(record.letter.issuedAt)) {
      if (await remindReceipt(record, nowIso)) report.reminded += 1;
    }
  }
}

export async function runDailyJob(nowMs = Date.now()): Promise<DailyReport> {
  const nowIso = new Date(nowMs).toISOString();
  const before = new Date(nowMs - STEP_DUE_DAYS * 86_400_000).toISOString();
  const [branches, generals, committees] = await Promise.all([
    org.listOrgsOfKind('branch'),
    org.listOrgsOfKind('general_branch'),
    org.listOrgsOfKind('committee'),
  ]);
  const report = { overdue: 0, expired: 0, reminded: 0 };
  for (const approver of [...branches, ...generals, ...committees]) {
    for (const record of await waitingSince(approver.id, before)) {
      if (await flagOverdue(record, nowIso)) report.overdue += 1;
    }
  }
  // Letters are issued by a tree's 党委; a 党总支 heading a tree of its own issues them too.
  for (const issuer of [...committees, ...generals]) await letterWork(issuer, nowMs, report);
  return report;
}

export function describeRun(report: DailyReport): string | null {
  if (!report.overdue && !report.expired && !report.reminded) return null;
  return `transfers: ${report.overdue} overdue flagged, ${report.expired} letters expired, ${report.reminded} reminders`;
}

export const handler = async (): Promise<DailyReport> => {
  const report = await runDailyJob();
  console.log(JSON.stringify({ level: 'info', msg: 'transfers daily', month: shanghaiMonth(Date.now()), ...report }));
  return report;
};

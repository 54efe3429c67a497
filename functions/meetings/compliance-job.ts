/**
 * 三会一课 reminders (issue #9 item 8; EventBridge daily, a timer under `npm start`): in the last week of each
 * month, quarter and year (Asia/Shanghai), every branch of every org tree that has not yet held a kind the rule
 * requires in the period now ending gets a message to its secretary and 组织委员 — every branch, taken from the
 * org index of branches (one Query), so one that never reported anything is reminded too.
 *
 * Once per (branch, kind, period): the message id is derived from that triple and the outbox adds an id to an
 * inbox only once (attribute_not_exists), so the week's daily runs, or two runs at once, remind once.
 * "Held" is the statistics' own: a meeting of the kind with a saved record (`held_<kind>` of the month rows).
 */
import { createHash } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type ComplianceKind, dueForReminder, held, type Period, periodLabel } from '../../shared/meetings/frequency';
import { MEETING_KIND_NAMES } from '../../shared/meetings/kinds';
import { shanghaiMonth } from '../../shared/time';
import { mapWithConcurrency } from '../commons/concurrency';
import { cancellationReasons, dynamo } from '../commons/dynamo';
import { MESSAGE_ITEM_INDEX, messageItems } from '../messages/outbox';
import type { OrgRecord } from '../org/service';
import * as org from '../org/service';
import { rootOf } from './aggregates';
import { ruleOfTree } from './settings';
import * as store from './stats-store';

/** Who is reminded: the people who call the branch's meetings. */
const RUNNERS = new Set(['secretary', 'organizer']);
/** Branches checked at once: a few round trips for a 党委 of dozens of branches. */
const BRANCH_CONCURRENCY = 8;

export interface ComplianceReport {
  /** The (kind, period) pairs due now, e.g. `committee_meeting:2026-11`. */
  readonly due: string[];
  readonly branches: number;
  /** (branch, kind) pairs with nothing held yet. */
  readonly lacking: number;
  /** Messages added by this run (a repeat adds none). */
  readonly sent: number;
  /** Messages that could not be added (a conflict): the next daily run tries again. */
  readonly failed: number;
}

/** Stable per (branch, kind, period), within the message id pattern (≤ 64 URL-safe characters). */
export function complianceMessageId(branchId: string, kind: ComplianceKind, period: Period): string {
  const hash = createHash('sha256').update(`${branchId}|${kind}|${period.key}`).digest('base64url').slice(0, 22);
  return `cmp-${period.key}-${hash}`;
}

type Due = { kind: ComplianceKind; period: Period };

/** Adds one message (one per transaction: each moves its member's unread counter) → 'sent' | 'exists' | 'failed'. */
async function addMessage(
  memberId: string,
  branch: OrgRecord,
  due: Due,
  nowIso: string,
): Promise<'sent' | 'exists' | 'failed'> {
  const name = MEETING_KIND_NAMES[due.kind];
  const items = messageItems(
    {
      id: complianceMessageId(branch.id, due.kind, due.period),
      memberId,
      kind: 'meeting_compliance',
      title: '三会一课提醒',
      body: `${branch.name}${periodLabel(due.period)}尚无已保存记录的${name}，请在期末前召开并保存会议记录`,
      ref: null,
    },
    nowIso,
  );
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
    return 'sent';
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons) throw error;
    return reasons[MESSAGE_ITEM_INDEX] === 'ConditionalCheckFailed' ? 'exists' : 'failed';
  }
}

/** What is due in this run for one org tree: its rule (with its committee's settings) and the periods ending. */
async function dueOfTree(orgPath: string, nowMs: number) {
  const rule = await ruleOfTree(orgPath, shanghaiMonth(nowMs));
  const due = dueForReminder(nowMs, rule);
  const months = due.flatMap((d) => d.period.months).sort();
  return { rule, due, first: months[0], last: months.at(-1) };
}

export async function runComplianceJob(nowMs = Date.now()): Promise<ComplianceReport> {
  const report = { due: [] as string[], branches: 0, lacking: 0, sent: 0, failed: 0 };
  const nowIso = new Date(nowMs).toISOString();
  const branches = await org.listOrgsOfKind('branch');
  report.branches = branches.length;
  const trees = new Map<string, Promise<Awaited<ReturnType<typeof dueOfTree>>>>();
  await mapWithConcurrency(branches, BRANCH_CONCURRENCY, async (branch) => {
    const root = rootOf(branch.path);
    if (!trees.has(root)) trees.set(root, dueOfTree(branch.path, nowMs));
    const { rule, due, first, last } = await trees.get(root)!;
    if (due.length === 0 || !first || !last) return;
    for (const d of due)
      if (!report.due.includes(`${d.kind}:${d.period.key}`)) report.due.push(`${d.kind}:${d.period.key}`);
    const rows = new Map((await store.branchMonths(branch.id, first, last)).map((row) => [row.month, row]));
    const lacking = due.filter((d) => held(d.kind, d.period, rule, (m) => rows.get(m)?.[`held_${d.kind}`] ?? 0) === 0);
    if (lacking.length === 0) return;
    report.lacking += lacking.length;
    const runners = (await org.listActiveMembers(branch.id)).filter((m) => m.roles.some((r) => RUNNERS.has(r)));
    for (const runner of runners) {
      for (const d of lacking) {
        const outcome = await addMessage(runner.id, branch, d, nowIso);
        if (outcome === 'sent') report.sent += 1;
        if (outcome === 'failed') report.failed += 1;
      }
    }
  });
  return report;
}

/** What a run did, for the local logs: only runs that added or missed a message. */
export function describeRun(report: ComplianceReport): string | null {
  if (report.sent === 0 && report.failed === 0) return null;
  return JSON.stringify({ level: 'info', msg: 'meetings compliance', ...report });
}

export const handler = async (): Promise<void> => {
  const report = await runComplianceJob();
  console.log(JSON.stringify({ level: 'info', msg: 'meetings compliance', ...report }));
};

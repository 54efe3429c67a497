/**
 * 党费's scheduled work (EventBridge daily at 01:00 Asia/Shanghai; a timer under `npm start`): the month's bills
 * for every branch of every tree (keyed (member, month), so the 1st issues them and later runs only add bills
 * for bases approved since), then the arrears warnings — a member 3 and 5 months unpaid gets one message per
 * (level, latest month), and their branch's secretary and 组织委员 one for a member reaching 6 (§6: 自行脱党
 * unless there is good reason). Running twice, or twice at once, adds nothing.
 */

import { formatYuanCn } from '../../shared/dues/money';
import { shanghaiMonth } from '../../shared/time';
import { mapWithConcurrency } from '../commons/concurrency';
import { sendOnce } from '../messages/fan-out';
import type { OrgRecord } from '../org/service';
import * as org from '../org/service';
import { generateBills } from './bills';
import { branchArrears } from './figures';

const BRANCH_CONCURRENCY = 2;
const RUNNERS = new Set(['secretary', 'organizer']);

export interface MonthlyReport {
  readonly month: string;
  readonly branches: number;
  readonly billsCreated: number;
  readonly warned: number;
}

async function warnArrears(branch: OrgRecord, nowMs: number): Promise<number> {
  const members = await branchArrears(branch, nowMs);
  const nowIso = new Date(nowMs).toISOString();
  // The branch's secretary and 组织委员, read once for every member who has reached six months.
  let runners: Promise<string[]> | undefined;
  const runnersOf = () =>
    (runners ??= org
      .listActiveMembers(branch.id)
      .then((all) => all.filter((m) => m.roles.some((r) => RUNNERS.has(r))).map((m) => m.id)));
  let sent = 0;
  for (const member of members) {
    const latest = member.months.at(-1)!;
    const level = member.level;
    const text = `您已连续 ${member.consecutive} 个月（${member.months[0]} 至 ${latest}）未交党费，共 ${formatYuanCn(member.owedFen)}`;
    const toMember = await sendOnce({
      memberIds: [member.memberId],
      nowIso,
      message: (memberId) => ({
        id: `dues-arrears-${level}-${latest}`,
        memberId,
        kind: 'dues_arrears',
        title: level >= 6 ? '党费欠缴已满 6 个月' : `党费欠缴 ${level} 个月提醒`,
        body: `${text}。按照党章规定，连续 6 个月不交纳党费又无正当理由的，视为自行脱党，请尽快交纳。`,
        ref: { type: 'dues', id: memberId },
      }),
    });
    sent += toMember.sent;
    if (level >= 6) {
      const toRunners = await sendOnce({
        memberIds: await runnersOf(),
        nowIso,
        message: (memberId) => ({
          id: `dues-lapse-${member.memberId}-${latest}`,
          memberId,
          kind: 'dues_arrears',
          title: '党员欠缴党费满 6 个月',
          body: `${member.name}已连续 ${member.consecutive} 个月未交党费，请了解原因并按规定处置`,
          ref: { type: 'dues', id: member.memberId },
        }),
      });
      sent += toRunners.sent;
    }
  }
  return sent;
}

export async function runMonthlyJob(nowMs = Date.now()): Promise<MonthlyReport> {
  const month = shanghaiMonth(nowMs);
  const branches = await org.listOrgsOfKind('branch');
  const results = await mapWithConcurrency(branches, BRANCH_CONCURRENCY, async (branch) => {
    const bills = await generateBills(branch, month, nowMs);
    return { created: bills.created, warned: await warnArrears(branch, nowMs) };
  });
  return {
    month,
    branches: branches.length,
    billsCreated: results.reduce((n, r) => n + r.created, 0),
    warned: results.reduce((n, r) => n + r.warned, 0),
  };
}

export function describeRun(report: MonthlyReport): string | null {
  if (report.billsCreated === 0 && report.warned === 0) return null;
  return JSON.stringify({ level: 'info', msg: 'dues monthly', ...report });
}

export const handler = async (): Promise<void> => {
  const report = await runMonthlyJob();
  console.log(JSON.stringify({ level: 'info', msg: 'dues monthly', ...report }));
};

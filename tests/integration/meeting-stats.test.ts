/**
 * Meeting statistics, 落实率, the Excel exports and the 三会一课 reminder job (issue #9 items 8, 9) on DynamoDB
 * Local: figures equal a recount of the attendee records, 落实率 follows `held_<kind>`, a committee gets a row for
 * every branch, and the job reminds every branch lacking a required meeting, once.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { tableName } from '../../functions/commons/config';
import { dynamo, queryAll } from '../../functions/commons/dynamo';
import { branchMonthUpdate } from '../../functions/meetings/aggregates';
import { runComplianceJob } from '../../functions/meetings/compliance-job';
import { listMessages } from '../../functions/messages/store';
import { createMember, createOrg, listSubtree, type OrgRecord, requireOrg } from '../../functions/org/service';
import type { Stack } from '../../scripts/stack';
import { type AttendeeFacts, countsOf } from '../../shared/meetings/attendee';
import { periodOf } from '../../shared/meetings/frequency';
import { fromShanghai, monthRange, shanghaiMonth } from '../../shared/time';
import { createActivity } from '../support/activities';
import { newPerson } from '../support/people';
import { apiClient, startTestStack } from '../support/stack';

type Api = ReturnType<typeof apiClient>;
type Figures = Record<string, number | null>;
interface Stats {
  period: string;
  rule: { version: string };
  byKind: Record<string, { required: number; held: number; rate: number | null; recorded: number }>;
  attendance: Figures;
  meetings: Record<string, number>;
  branches?: (Omit<Stats, 'branches' | 'period' | 'rule'> & { orgId: string; name: string })[];
  error?: { code: string };
}

let stack: Stack;
let api: Api;
const tokens: Record<string, string> = {};
let committee: OrgRecord;
let emptyBranch: OrgRecord;
let emptySecretaryId: string;

const stats = (orgId: string, query = '', as = 'demo-committee') =>
  api.call<Stats>('GET', `/v1/orgs/${orgId}/meeting-stats${query}`, { token: tokens[as] });

async function sheetOf(bytes: ArrayBuffer, index = 0) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const rows: unknown[][] = [];
  book.worksheets[index]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const header = rows[0] as string[];
  return { header, body: rows.slice(1), at: (row: unknown[], name: string) => row[header.indexOf(name)] };
}

async function checkIn(activityId: string, as: string) {
  const qr = await api.call<{ payload: string }>('GET', `/v1/activities/${activityId}/qr`, {
    token: tokens['demo-secretary-1'],
  });
  const answer = await api.call('POST', `/v1/activities/${activityId}/checkins`, {
    token: tokens[as],
    body: { qr: qr.body.payload },
  });
  expect(answer.status).toBe(201);
}

/** The month's figures counted from the records themselves: every meeting's attendee items. */
async function recount(orgId: string, month: string) {
  const { from, to } = monthRange(month);
  const meetings = await queryAll<{ id: string; kind?: string; status?: string; requireCheckout?: boolean }>({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': `ORG#${orgId}#ACTIVITIES`, ':from': from, ':to': to },
  });
  const t = { expected: 0, present: 0, late: 0, onLeave: 0, madeUp: 0, checkedOut: 0, needCheckout: 0, manual: 0 };
  const members = new Set<string>();
  const kinds: Record<string, number> = {};
  const live = meetings.filter((meeting) => meeting.status !== 'cancelled');
  for (const meeting of live) {
    kinds[meeting.kind ?? 'theme_day'] = (kinds[meeting.kind ?? 'theme_day'] ?? 0) + 1;
    const attendees = await queryAll<AttendeeFacts & { memberId: string }>({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `ACT#${meeting.id}`, ':prefix': 'CHECKIN#' },
    });
    for (const attendee of attendees) {
      const c = countsOf(attendee);
      members.add(attendee.memberId);
      t.expected += 1;
      t.present += c.checkedIn;
      t.late += c.late;
      t.onLeave += c.onLeave;
      t.madeUp += c.madeUp;
      t.checkedOut += c.checkedOut;
      t.manual += c.manual;
      if (meeting.requireCheckout) t.needCheckout += c.checkedIn;
    }
  }
  const attendance = {
    expected: t.expected,
    present: t.present,
    late: t.late,
    onLeave: t.onLeave,
    madeUp: t.madeUp,
    absent: t.expected - t.present - t.onLeave - t.madeUp,
    leftEarly: t.needCheckout - t.checkedOut,
    manual: t.manual,
  };
  return { attendance, members: members.size, meetings: live.length, kinds };
}

/** A saved meeting record's effect on the month's aggregate, as the record route moves it (`held_<kind>`). */
async function recordHeld(org: OrgRecord, startAt: string, kind: string) {
  const update = branchMonthUpdate({ orgId: org.id, orgPath: org.path, startAt }, { [`held_${kind}`]: 1 });
  await dynamo().send(new TransactWriteCommand({ TransactItems: [update!] }));
}

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  for (const openid of ['demo-committee', 'demo-secretary-1', 'demo-member-1', 'demo-member-2', 'demo-member-3']) {
    tokens[openid] = (await api.loginAs(openid)).token;
  }
  committee = await requireOrg('org-committee');
  // A branch that has never had a meeting: it must still get a row and a reminder.
  emptyBranch = await createOrg({ name: '统计测试新建党支部', kind: 'branch', parent: committee });
  emptySecretaryId = (await createMember(emptyBranch, { ...newPerson('空支部书记'), roles: ['secretary'] })).id;
}, 60_000);

afterAll(() => stack.stop());

describe('Route: GET /v1/orgs/{orgId}/meeting-stats and GET /v1/orgs/{orgId}/attendance/export', () => {
  it("counts a branch's month exactly as a recount of its records, and the export's totals agree", async () => {
    const runner = { token: tokens['demo-secretary-1']!, orgId: 'org-branch-1' };
    const a = await createActivity(api, runner, '统计测试：支委会', { kind: 'committee_meeting' });
    const b = await createActivity(api, runner, '统计测试：党小组会', { kind: 'group_meeting', requireCheckout: true });
    for (const member of ['demo-member-1', 'demo-member-2', 'demo-member-3']) await checkIn(a, member);
    for (const member of ['demo-member-1', 'demo-member-2']) await checkIn(b, member);
    const month = shanghaiMonth(Date.now());

    const exported = await api.call<ArrayBuffer>('GET', `/v1/orgs/org-branch-1/attendance/export?month=${month}`, {
      token: tokens['demo-secretary-1'],
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('spreadsheetml');
    const answer = await stats('org-branch-1', `?period=${month}`, 'demo-secretary-1');
    expect(answer.status).toBe(200);
    const truth = await recount('org-branch-1', month);

    expect(answer.body.attendance).toMatchObject(truth.attendance);
    expect(truth.attendance.present).toBeGreaterThanOrEqual(5);
    expect(answer.body.meetings.committee_meeting).toBe(truth.kinds.committee_meeting);
    expect(answer.body.meetings.group_meeting).toBe(truth.kinds.group_meeting);
    expect(answer.body.branches).toBeUndefined();

    const sheet = await sheetOf(exported.body);
    const totals = sheet.body.at(-1)!;
    const members = sheet.body.slice(0, -1);
    expect(totals[0]).toBe('合计');
    expect(members).toHaveLength(truth.members);
    expect(sheet.header.length).toBe(1 + truth.meetings + 9);
    const figures = { 应到: 'expected', 出席: 'present', 迟到: 'late', 早退: 'leftEarly', 请假: 'onLeave' } as const;
    for (const [header, key] of Object.entries({ ...figures, 补学: 'madeUp', 缺席: 'absent', 补签: 'manual' })) {
      expect([header, sheet.at(totals, header)]).toEqual([header, answer.body.attendance[key]]);
      const sum = members.reduce<number>((total, row) => total + Number(sheet.at(row, header)), 0);
      expect([header, sum]).toEqual([header, answer.body.attendance[key]]);
    }
    const column = sheet.header.findIndex((h) => h.includes('统计测试：支委会'));
    const statuses = members.map((row) => row[column]);
    expect(statuses.filter((s) => s === '迟到')).toHaveLength(3);
    expect(statuses.filter((s) => s === '缺席')).toHaveLength(members.length - 3);
  });

  it('raises 落实率 when a meeting of the kind gets a saved record, and names the rule version', async () => {
    const branch = await requireOrg('org-branch-2');
    const quarter = periodOf('quarter', shanghaiMonth(Date.now())).key;
    const before = await stats(branch.id, `?period=${quarter}`);
    expect(before.status).toBe(200);
    expect(before.body.rule.version).toBe('v1');
    expect(before.body.byKind.party_congress).toEqual({ required: 1, held: 0, rate: 0, recorded: 0 });
    expect(before.body.byKind.committee_meeting).toMatchObject({ required: 3, held: 0, rate: 0 });

    await recordHeld(branch, new Date().toISOString(), 'party_congress');
    const after = await stats(branch.id, `?period=${quarter}`);
    expect(after.body.byKind.party_congress).toEqual({ required: 1, held: 1, rate: 1, recorded: 1 });
    expect(after.body.byKind.committee_meeting).toEqual(before.body.byKind.committee_meeting);
    const year = await stats(branch.id, `?period=${quarter.slice(0, 4)}`);
    expect(year.body.byKind.party_congress).toMatchObject({ required: 4, held: 1, rate: 0.25 });
    const month = await stats(branch.id);
    expect(month.body.period).toBe(shanghaiMonth(Date.now()));
    expect(month.body.byKind.party_congress).toMatchObject({ required: 0, rate: null });
  });

  it('gives a committee one row per branch of its subtree, in tree order, the empty ones included', async () => {
    const answer = await stats(committee.id);
    expect(answer.status).toBe(200);
    const branches = (await listSubtree(committee))
      .filter((org) => org.kind === 'branch')
      .sort((x, y) => (x.path < y.path ? -1 : 1));
    expect(answer.body.branches!.map((row) => row.orgId)).toEqual(branches.map((branch) => branch.id));
    const empty = answer.body.branches!.find((row) => row.orgId === emptyBranch.id)!;
    expect(empty.attendance).toMatchObject({ expected: 0, present: 0, absent: 0, rate: null });
    expect(empty.byKind.theme_day).toEqual({ required: 1, held: 0, rate: 0, recorded: 0 });
    for (const key of ['expected', 'present', 'late', 'absent', 'leftEarly']) {
      const sum = answer.body.branches!.reduce((total, row) => total + Number(row.attendance[key]), 0);
      expect([key, answer.body.attendance[key]]).toEqual([key, sum]);
    }
    expect(answer.body.byKind.theme_day!.required).toBe(branches.length);

    const general = await stats('org-general-1');
    expect(general.body.branches!.map((row) => row.orgId)).toEqual(['org-branch-1', 'org-branch-2']);
  });

  it('exports the 落实率 table with a row per branch and the totals', async () => {
    const answer = await stats(committee.id);
    const exported = await api.call<ArrayBuffer>('GET', `/v1/orgs/${committee.id}/meeting-stats/export`, {
      token: tokens['demo-committee'],
    });
    expect(exported.status).toBe(200);
    const sheet = await sheetOf(exported.body);
    expect(sheet.body.map((row) => row[0])).toEqual([...answer.body.branches!.map((row) => row.name), '合计']);
    expect(sheet.at(sheet.body.at(-1)!, '出席')).toBe(answer.body.attendance.present);
    expect(sheet.header).toContain('支委会\n落实率');
  });

  it('refuses bad periods, other branches and an attendance export above a branch with clear codes', async () => {
    for (const period of ['2026-13', '2026-Q5', 'last', '2099', '2019-Q1']) {
      const answer = await stats('org-branch-1', `?period=${period}`);
      expect([period, answer.status, answer.body.error?.code]).toEqual([period, 400, 'VALIDATION_FAILED']);
    }
    expect((await stats(committee.id, '', 'demo-secretary-1')).status).toBe(403);
    expect((await stats('org-branch-2', '', 'demo-secretary-1')).status).toBe(403);
    const above = await api.call<Stats>('GET', `/v1/orgs/${committee.id}/attendance/export`, {
      token: tokens['demo-committee'],
    });
    expect([above.status, above.body.error?.code]).toEqual([422, 'EXPORT_NEEDS_BRANCH']);
  });

  it('meets a 429 when one person hammers the exports, each a whole month read', async () => {
    const token = tokens['demo-secretary-1'];
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      statuses.push((await api.call('GET', '/v1/orgs/org-branch-1/attendance/export?month=2026-01', { token })).status);
    }
    // The earlier tests of this file exported as this secretary too: the fence falls within the first 21.
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThan(10);
    expect(statuses.slice(0, first).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(first).every((status) => status === 429)).toBe(true);
  });
});

describe('Job: 三会一课 reminders in the period’s last week', () => {
  const at = (wallClock: string) => Date.parse(fromShanghai(wallClock));
  const reminders = async (memberId: string) =>
    (await listMessages(memberId, 50)).items.filter((message) => message.kind === 'meeting_compliance');

  it('reminds every branch lacking a required meeting, even with no aggregates at all, and only once', async () => {
    // December 2025: no branch has a single aggregate row; branch 1 then records one 支委会.
    await recordHeld(await requireOrg('org-branch-1'), fromShanghai('2025-12-10 19:00'), 'committee_meeting');
    expect((await runComplianceJob(at('2025-12-20 10:00'))).sent).toBe(0); // not the last week yet

    const first = await runComplianceJob(at('2025-12-28 10:00'));
    expect(first.due).toHaveLength(6);
    expect(first.failed).toBe(0);
    const mine = await reminders('m-demo-secretary-1');
    expect(mine).toHaveLength(5);
    expect(mine.some((message) => message.body.includes('支委会'))).toBe(false);
    expect(await reminders('m-demo-organizer-2')).toHaveLength(6);
    const empty = await reminders(emptySecretaryId);
    expect(empty).toHaveLength(6);
    expect(empty.map((message) => message.body).join()).toContain('2025年度尚无已保存记录的组织生活会');

    const again = await runComplianceJob(at('2025-12-29 10:00'));
    expect([again.sent, again.failed, again.lacking]).toEqual([0, 0, first.lacking]);
    expect(await reminders('m-demo-secretary-1')).toHaveLength(5);
    expect(await reminders(emptySecretaryId)).toHaveLength(6);
  });
});

/**
 * GET /v1/me/attendance — 我的签到: my meetings of a month and my status in each. This month's meetings are made
 * and checked in to through the API; last month's (past their check-in window) are written through the
 * meetings store, with their check-ins in the check-in transaction, as a finished meeting would have them.
 */
import { dynamo } from '../../functions/commons/dynamo';
import { checkinTransaction, putActivity } from '../../functions/meetings/store';
import { countChange, getMember, getOrg, replaceMemberItem, transact } from '../../functions/org/store';
import type { Stack } from '../../scripts/stack';
import { dayjs, monthRange, shanghaiMonth } from '../../shared/time';
import { createActivity, minutes } from '../support/activities';
import { type Enrolled, enrol } from '../support/enrol';
import { apiClient, startTestStack } from '../support/stack';

interface Item {
  activityId: string;
  orgId: string;
  title: string;
  startAt: string;
  placeName?: string;
  status: string;
  checkedInAt?: string;
  late: boolean;
}
interface Attendance {
  month: string;
  items: Item[];
  totals: Record<string, number>;
  truncated?: boolean;
  error: { code: string; fields?: { path: string }[] };
}

let stack: Stack;
let api: ReturnType<typeof apiClient>;
let committee: string;
let secretary: { token: string; orgId: string };
/** Fresh members: `me` of branch 1, `neighbour` beside them, `mover` from branch 2 to branch 1. */
let me: Enrolled;
let neighbour: Enrolled;
let mover: Enrolled;

const month = shanghaiMonth(Date.now());
const addMonths = (m: string, n: number) => dayjs(`${m}-01`).add(n, 'month').format('YYYY-MM');
const lastMonth = addMonths(month, -1);
const last = monthRange(lastMonth);
const shanghai = (wallClock: string) => new Date(`${wallClock}+08:00`).toISOString();
/** This month's meeting still to come: an hour from now, when that is still this month. */
const upcomingStart = Date.now() + minutes(60);
const hasUpcoming = upcomingStart + minutes(60) < Date.parse(monthRange(month).to);

const attendance = (token: string, query = '') => api.call<Attendance>('GET', `/v1/me/attendance${query}`, { token });

async function putPast(id: string, orgId: string, startAt: string, place: string | null = null) {
  const org = (await getOrg(orgId))!;
  await putActivity({
    id,
    orgId,
    orgPath: org.path,
    orgName: org.name,
    title: `往期活动 ${id}`,
    startAt,
    endAt: new Date(Date.parse(startAt) + 7200_000).toISOString(),
    place: place ? { name: place, lat: 29.4769, lng: 121.8697, radiusM: 200 } : null,
    createdBy: 'm-demo-secretary-1',
    createdAt: startAt,
    checkedIn: 0,
    late: 0,
  });
}

/** A check-in as the check-in transaction writes it (the activity's counters move with it). */
async function putCheckin(activityId: string, member: Enrolled, at: string, late: boolean) {
  const checkin = { id: `c-${activityId}-${member.id}`, activityId, memberId: member.id, name: '测试人员', at, late };
  await dynamo().send(checkinTransaction(checkin));
}

async function checkInNow(activityId: string, member: Enrolled) {
  const qr = await api.call<{ payload: string }>('GET', `/v1/activities/${activityId}/qr`, { token: secretary.token });
  const answer = await api.call('POST', `/v1/activities/${activityId}/checkins`, {
    token: member.token,
    body: { qr: qr.body.payload },
  });
  expect(answer.status).toBe(201);
}

/** Moves a member between branches as a completed transfer does: the member and both counts, one transaction. */
async function move(member: Enrolled, toOrgId: string) {
  const record = (await getMember(member.id, true))!;
  const to = (await getOrg(toOrgId))!;
  const moved = { ...record, orgId: to.id, orgPath: to.path, version: record.version + 1 };
  await transact([replaceMemberItem(moved, record.version), countChange(record.orgId, -1), countChange(to.id, 1)]);
}

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  committee = (await api.loginAs('demo-committee')).token;
  const sec = await api.loginAs('demo-secretary-1');
  secretary = { token: sec.token, orgId: sec.member.orgId };
  me = await enrol(api, committee, 'org-branch-1', 'attendance-me');
  neighbour = await enrol(api, committee, 'org-branch-1', 'attendance-neighbour');
  mover = await enrol(api, committee, 'org-branch-2', 'attendance-mover');

  // Last month, branch 1: one on the month's first instant (checked in on time, the evening before by UTC
  // and by the calendar), one late, one missed; one a millisecond before the month, which it must not list.
  await putPast('a-att-present', 'org-branch-1', last.from, '门诊楼三楼会议室');
  await putPast('a-att-late', 'org-branch-1', shanghai(`${lastMonth}-12T19:00:00`));
  await putPast('a-att-absent', 'org-branch-1', shanghai(`${lastMonth}-19T19:00:00`));
  await putPast('a-att-before', 'org-branch-1', new Date(Date.parse(last.from) - 1).toISOString());
  await putCheckin('a-att-present', me, new Date(Date.parse(last.from) - minutes(10)).toISOString(), false);
  await putCheckin('a-att-late', me, shanghai(`${lastMonth}-12T19:07:00`), true);
  await putCheckin('a-att-before', me, new Date(Date.parse(last.from) + minutes(5)).toISOString(), true);
  // The neighbour made the meeting I missed.
  await putCheckin('a-att-absent', neighbour, shanghai(`${lastMonth}-19T18:55:00`), false);
  // Last month, branch 2: the mover's meeting there, before they moved to branch 1.
  await putPast('a-att-old-branch', 'org-branch-2', shanghai(`${lastMonth}-08T09:00:00`));
  await putCheckin('a-att-old-branch', mover, shanghai(`${lastMonth}-08T09:10:00`), true);
  await move(mover, 'org-branch-1');
}, 60_000);

afterAll(() => stack.stop());

describe('Route: GET /v1/me/attendance', () => {
  it('gives last month present, late and absent, newest first, with totals per status', async () => {
    const answer = await attendance(me.token, `?month=${lastMonth}`);
    expect(answer.status).toBe(200);
    expect(answer.body.month).toBe(lastMonth);
    expect(answer.body.items.map((item) => [item.activityId, item.status, item.late])).toEqual([
      ['a-att-absent', 'absent', false],
      ['a-att-late', 'late', true],
      ['a-att-present', 'present', false],
    ]);
    expect(answer.body.items[2]).toMatchObject({
      orgId: 'org-branch-1',
      title: '往期活动 a-att-present',
      startAt: last.from,
      placeName: '门诊楼三楼会议室',
      checkedInAt: new Date(Date.parse(last.from) - minutes(10)).toISOString(),
    });
    expect(answer.body.items[1]!.checkedInAt).toBe(shanghai(`${lastMonth}-12T19:07:00`));
    expect(answer.body.items[0]).not.toHaveProperty('checkedInAt');
    expect(answer.body.totals).toMatchObject({
      activities: 3,
      present: 1,
      late: 1,
      absent: 1,
      upcoming: 0,
      ongoingMissing: 0,
    });
    expect(answer.body.truncated).toBeUndefined();
  });

  it('defaults to this month: a late check-in through the API, the meeting under way, the one to come', async () => {
    const monthStart = Date.parse(monthRange(month).from);
    const start = Math.max(Date.now() - minutes(5), monthStart) - Date.now();
    const lateId = await createActivity(api, secretary, '本月主题党日', {}, start, start + minutes(120));
    await checkInNow(lateId, me);
    const upcomingId = hasUpcoming
      ? await createActivity(api, secretary, '本月夜学', {}, minutes(60), minutes(120))
      : undefined;

    const answer = await attendance(me.token);
    expect(answer.status).toBe(200);
    expect(answer.body.month).toBe(month);
    const status = Object.fromEntries(answer.body.items.map((item) => [item.activityId, item.status]));
    expect(status[lateId]).toBe('late');
    if (upcomingId) expect(status[upcomingId]).toBe('upcoming');
    // Today's seeded 主题党日 of branch 1 started this hour and lasts three: under way, and I am not in yet.
    const seeded = answer.body.items.filter((item) => item.activityId !== lateId && item.activityId !== upcomingId);
    expect(seeded.map((item) => item.status)).toEqual(['ongoing_missing']);
    expect(answer.body.totals).toMatchObject({
      activities: hasUpcoming ? 3 : 2,
      present: 0,
      late: 1,
      absent: 0,
      upcoming: hasUpcoming ? 1 : 0,
      ongoingMissing: 1,
    });
    const starts = answer.body.items.map((item) => item.startAt);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it('shows a member who moved branch their old branch’s check-in, beside their new branch’s meetings', async () => {
    const answer = await attendance(mover.token, `?month=${lastMonth}`);
    expect(answer.status).toBe(200);
    const old = answer.body.items.find((item) => item.activityId === 'a-att-old-branch');
    expect(old).toMatchObject({ orgId: 'org-branch-2', status: 'late', late: true });
    expect(old!.checkedInAt).toBe(shanghai(`${lastMonth}-08T09:10:00`));
    // Branch 1's meetings of that month are listed too (the member's branch now); none has their check-in.
    expect(answer.body.items.map((item) => item.activityId).sort()).toEqual(
      ['a-att-absent', 'a-att-late', 'a-att-old-branch', 'a-att-present'].sort(),
    );
    expect(answer.body.totals).toMatchObject({ activities: 4, present: 0, late: 1, absent: 3 });
  });

  it('shows only the caller’s own check-ins', async () => {
    const answer = await attendance(neighbour.token, `?month=${lastMonth}`);
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((item) => [item.activityId, item.status])).toEqual([
      ['a-att-absent', 'present'],
      ['a-att-late', 'absent'],
      ['a-att-present', 'absent'],
    ]);
    // A member of branch 2 sees its meeting (not the mover's check-in) and none of branch 1's; nobody can ask
    // for someone else's record.
    const other = await attendance((await api.loginAs('demo-member-13')).token, `?month=${lastMonth}`);
    expect(other.body.items.map((item) => [item.activityId, item.status])).toEqual([['a-att-old-branch', 'absent']]);
    const someoneElse = await attendance(neighbour.token, `?month=${lastMonth}&memberId=${me.id}`);
    expect(someoneElse.status).toBe(400);
    expect(someoneElse.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('answers committee staff (no branch of their own) with an empty month', async () => {
    const answer = await attendance(committee, `?month=${lastMonth}`);
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([]);
    expect(answer.body.totals.activities).toBe(0);
  });

  it('takes the current month and 24 months back', async () => {
    for (const m of [month, addMonths(month, -24)]) {
      const answer = await attendance(me.token, `?month=${m}`);
      expect(answer.status).toBe(200);
      expect(answer.body.month).toBe(m);
    }
  });

  it.each([
    ['a month 13', '?month=2026-13'],
    ['a one-digit month', '?month=2026-1'],
    ['a date', `?month=${month}-01`],
    ['words', '?month=last'],
    ['an empty month', '?month='],
    ['next month', `?month=${addMonths(month, 1)}`],
    ['25 months back', `?month=${addMonths(month, -25)}`],
  ])('refuses %s with 400 naming the field', async (_case, query) => {
    const answer = await attendance(me.token, query);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(answer.body.error.fields?.map((f) => f.path)).toEqual(['month']);
  });

  it('refuses a caller without a token with 401', async () => {
    const answer = await api.call<Attendance>('GET', '/v1/me/attendance');
    expect(answer.status).toBe(401);
  });
});

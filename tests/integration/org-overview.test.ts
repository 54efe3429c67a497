/**
 * GET /v1/orgs/{orgId}/overview — the committee's 首页: each branch's members, today's and the month's
 * activities, attendance over those that have started. Activities of this month are made and checked in
 * through the API; older ones, with chosen counters, are put through the meetings store.
 */
import { type ActivityRecord, activitiesStartingBetween, putActivity } from '../../functions/meetings/store';
import type { Stack } from '../../scripts/stack';
import { dayjs, monthRange, shanghaiDay, shanghaiMonth, toShanghai } from '../../shared/time';
import { createActivity } from '../support/activities';
import { apiClient, startTestStack } from '../support/stack';

interface Figures {
  members: number;
  todayActivities: number;
  monthActivities: number;
  expected: number;
  present: number;
  late: number;
  rate: number | null;
}
interface Overview {
  orgId: string;
  month: string;
  today: string;
  totals: Figures;
  branches: (Figures & { orgId: string; name: string; truncated?: boolean })[];
  error: { code: string; fields?: { path: string }[] };
}
interface TreeNode {
  id: string;
  kind: string;
  path: string;
  memberCount: number;
}

let stack: Stack;
let api: ReturnType<typeof apiClient>;
const tokens: Record<string, string> = {};
/** The branches as the org tree lists them (path order), with their maintained member counts. */
let tree: TreeNode[];
const members = (orgId: string) => tree.find((node) => node.id === orgId)!.memberCount;

const month = shanghaiMonth(Date.now());
const today = shanghaiDay(Date.now());
const addMonths = (m: string, n: number) => dayjs(`${m}-01`).add(n, 'month').format('YYYY-MM');
const lastMonth = addMonths(month, -1);
const thisMonthStart = monthRange(month).from;
/** An activity late this month that has not started (absent in the month's last minutes). */
const futureStart = Date.parse(monthRange(month).to) - 60_000;
const hasFuture = futureStart > Date.now() + 60_000;

const overview = (orgId: string, as: string, query = '') =>
  api.call<Overview>('GET', `/v1/orgs/${orgId}/overview${query}`, { token: tokens[as] });

/** An activity written as the meetings service writes one, with the counters a finished meeting would have. */
async function putPast(
  orgId: string,
  startAt: string,
  counters: { expected?: number; checkedIn: number; late: number },
) {
  const record: ActivityRecord = {
    id: `a-overview-${orgId}-${Date.parse(startAt)}`,
    orgId,
    orgPath: tree.find((node) => node.id === orgId)!.path,
    orgName: '测试支部',
    title: '往期主题党日',
    startAt,
    endAt: new Date(Date.parse(startAt) + 7200_000).toISOString(),
    place: null,
    createdBy: 'm-demo-secretary-2',
    createdAt: startAt,
    ...counters,
  };
  await putActivity(record);
}

let activityId: string;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  const people = ['demo-committee', 'demo-secretary-1', 'demo-organizer-1', 'demo-member-1', 'demo-member-2'];
  for (const openid of people) tokens[openid] = (await api.loginAs(openid)).token;
  const answer = await api.call<{ nodes: TreeNode[] }>('GET', '/v1/orgs/tree', { token: tokens['demo-committee'] });
  tree = answer.body.nodes.filter((node) => node.kind === 'branch');

  // Branch 1, today: a meeting that started a minute ago (never before today's midnight), two members in.
  const startOfToday = toShanghai(Date.now()).startOf('day').valueOf();
  const start = Math.max(Date.now() - 60_000, startOfToday) - Date.now();
  activityId = await createActivity(
    api,
    { token: tokens['demo-secretary-1']!, orgId: 'org-branch-1' },
    '首页概览测试',
    {},
    start,
    start + 7200_000,
  );
  for (const member of ['demo-member-1', 'demo-member-2']) {
    const qr = await api.call<{ payload: string }>('GET', `/v1/activities/${activityId}/qr`, {
      token: tokens['demo-secretary-1'],
    });
    const checkin = await api.call('POST', `/v1/activities/${activityId}/checkins`, {
      token: tokens[member],
      body: { qr: qr.body.payload },
    });
    expect(checkin.status).toBe(201);
  }

  // Branch 2: the first instant of this month; last month two meetings (one from before `expected` was
  // recorded); and one a millisecond before last month began, which no overview here may count.
  await putPast('org-branch-2', thisMonthStart, { expected: 5, checkedIn: 5, late: 0 });
  await putPast('org-branch-2', new Date(`${lastMonth}-10T10:00:00+08:00`).toISOString(), {
    expected: 10,
    checkedIn: 7,
    late: 2,
  });
  await putPast('org-branch-2', new Date(`${lastMonth}-20T19:00:00+08:00`).toISOString(), { checkedIn: 3, late: 0 });
  await putPast('org-branch-2', new Date(Date.parse(monthRange(lastMonth).from) - 1).toISOString(), {
    expected: 9,
    checkedIn: 9,
    late: 9,
  });
  // Branch 3: a meeting later this month, not started yet.
  if (hasFuture) await putPast('org-branch-3', new Date(futureStart).toISOString(), { checkedIn: 0, late: 0 });
}, 60_000);

afterAll(() => stack.stop());

describe('Route: GET /v1/orgs/{orgId}/overview', () => {
  it('records the branch members at creation as the activity’s expected attendees', async () => {
    const detail = await api.call<{ activity: { expected: number } }>('GET', `/v1/activities/${activityId}`, {
      token: tokens['demo-member-1'],
    });
    expect(detail.body.activity.expected).toBe(members('org-branch-1'));
  });

  it("gives the committee every branch in tree order with this month's figures, and their sums", async () => {
    const answer = await overview('org-committee', 'demo-committee');
    expect(answer.status).toBe(200);
    const { body } = answer;
    expect(body).toMatchObject({ orgId: 'org-committee', month, today });
    expect(body.branches.map((b) => b.orgId)).toEqual(tree.map((node) => node.id));
    const row = (orgId: string) => body.branches.find((b) => b.orgId === orgId)!;
    const b1 = members('org-branch-1');
    const b2 = members('org-branch-2');
    // Every branch has the seeded 主题党日 of today (started this hour, expected = its members then).
    expect(row('org-branch-1')).toEqual({
      orgId: 'org-branch-1',
      name: '内科第一党支部',
      members: b1,
      todayActivities: 2,
      monthActivities: 2,
      expected: 2 * b1,
      present: 2,
      late: 2,
      rate: Math.round((2 / (2 * b1)) * 1000) / 1000,
    });
    expect(row('org-branch-2')).toMatchObject({
      members: b2,
      todayActivities: today.endsWith('-01') ? 2 : 1,
      monthActivities: 2,
      expected: b2 + 5,
      present: 5,
      late: 0,
      rate: Math.round((5 / (b2 + 5)) * 1000) / 1000,
    });
    const futureToday = hasFuture && shanghaiDay(futureStart) === today;
    expect(row('org-branch-3')).toMatchObject({
      members: members('org-branch-3'),
      todayActivities: futureToday ? 2 : 1,
      monthActivities: hasFuture ? 2 : 1,
      expected: members('org-branch-3'),
      present: 0,
      rate: 0,
    });
    expect(row('org-branch-1').truncated).toBeUndefined();
    const sum = (key: keyof Figures) => body.branches.reduce((total, b) => total + (b[key] as number), 0);
    for (const key of ['members', 'todayActivities', 'monthActivities', 'expected', 'present', 'late'] as const) {
      expect(body.totals[key]).toBe(sum(key));
    }
    expect(body.totals.rate).toBe(Math.round((sum('present') / sum('expected')) * 1000) / 1000);
  });

  it('answers for an earlier month: its activities only, none of them today, an old one expecting the members now', async () => {
    const answer = await overview('org-committee', 'demo-committee', `?month=${lastMonth}`);
    expect(answer.status).toBe(200);
    expect(answer.body.month).toBe(lastMonth);
    const b2 = members('org-branch-2');
    const row = answer.body.branches.find((b) => b.orgId === 'org-branch-2')!;
    expect(row).toMatchObject({ todayActivities: 0, monthActivities: 2, expected: 10 + b2, present: 10, late: 2 });
    expect(row.rate).toBe(Math.round((10 / (10 + b2)) * 1000) / 1000);
    for (const other of answer.body.branches.filter((b) => b.orgId !== 'org-branch-2')) {
      expect(other).toMatchObject({ todayActivities: 0, monthActivities: 0, expected: 0, present: 0, rate: null });
    }
    expect(answer.body.totals).toMatchObject({ monthActivities: 2, expected: 10 + b2, present: 10, rate: row.rate });
  });

  it('gives a 党总支 only the branches under it', async () => {
    const answer = await overview('org-general-1', 'demo-committee');
    expect(answer.status).toBe(200);
    expect(answer.body.branches.map((b) => b.orgId)).toEqual(['org-branch-1', 'org-branch-2']);
  });

  it('gives a secretary their own branch alone, with the figures the committee sees for it', async () => {
    const [mine, committee] = await Promise.all([
      overview('org-branch-1', 'demo-secretary-1'),
      overview('org-committee', 'demo-committee'),
    ]);
    expect(mine.status).toBe(200);
    expect(mine.body.branches).toEqual([committee.body.branches.find((b) => b.orgId === 'org-branch-1')]);
    const { orgId: _id, name: _name, ...figures } = mine.body.branches[0]!;
    expect(mine.body.totals).toEqual(figures);
  });

  it.each([
    ['a secretary, another branch', 'org-branch-2', 'demo-secretary-1', 'FORBIDDEN_SCOPE'],
    ['a secretary, the committee above', 'org-committee', 'demo-secretary-1', 'FORBIDDEN_SCOPE'],
    ['an organizer, own branch', 'org-branch-1', 'demo-organizer-1', 'FORBIDDEN_ROLE'],
    ['a member, own branch', 'org-branch-1', 'demo-member-1', 'FORBIDDEN_ROLE'],
  ])('refuses %s with 403', async (_case, orgId, as, code) => {
    const answer = await overview(orgId, as);
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe(code);
  });

  it('answers 404 for an org that does not exist', async () => {
    const answer = await overview('org-nowhere', 'demo-committee');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('ORG_NOT_FOUND');
  });

  it('takes the current month and 24 months back', async () => {
    for (const m of [month, addMonths(month, -24)]) {
      const answer = await overview('org-committee', 'demo-committee', `?month=${m}`);
      expect(answer.status).toBe(200);
      expect(answer.body.month).toBe(m);
    }
  });

  it.each([
    ['a month 13', '?month=2026-13'],
    ['a one-digit month', '?month=2026-1'],
    ['a date', `?month=${today}`],
    ['words', '?month=last'],
    ['an empty month', '?month='],
    ['next month', `?month=${addMonths(month, 1)}`],
    ['25 months back', `?month=${addMonths(month, -25)}`],
  ])('refuses %s with 400 naming the field', async (_case, query) => {
    const answer = await overview('org-committee', 'demo-committee', query);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(answer.body.error.fields?.map((f) => f.path)).toEqual(['month']);
  });

  it('reads a month with a bounded number of pages, oldest first, and says when the bound cut it short', async () => {
    const { from } = monthRange(lastMonth);
    const { to } = monthRange(month);
    const all = await activitiesStartingBetween('org-branch-2', from, to, { pageSize: 2, maxPages: 5 });
    expect(all.complete).toBe(true);
    // Last month's two, this month's first instant, today's seeded meeting; not the one a millisecond early.
    expect(all.items).toHaveLength(4);
    expect(all.items.map((a) => a.startAt)).toEqual(all.items.map((a) => a.startAt).sort());
    expect(all.items.every((a) => a.startAt >= from && a.startAt < to)).toBe(true);
    const cut = await activitiesStartingBetween('org-branch-2', from, to, { pageSize: 1, maxPages: 2 });
    expect(cut).toEqual({ items: all.items.slice(0, 2), complete: false });
  });

  it('refuses a query parameter it does not know with 400', async () => {
    const answer = await overview('org-committee', 'demo-committee', '?limit=5');
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
  });
});

/**
 * 组织关系转接, the way it goes (issue #11 items 1, 3–6): a member applies, the out-branch secretary, the lowest
 * committee over both branches and the in-branch secretary approve, and the member moves in one transaction —
 * both counts by exactly one, their rights with them at once; an outbound transfer up to the committee's step;
 * where it stands, the timeline, 待我审批, my transfers, the picker; reject, resubmit, withdraw.
 */
import type { Stack } from '../../scripts/stack';
import { approvedBase, billIdOf, billsFor, login, monthsBack, thisMonth } from '../support/dues';
import { enrol } from '../support/enrol';
import { apiClient, startTestStack } from '../support/stack';
import {
  act,
  applied,
  BRANCH_1,
  BRANCH_2,
  BRANCH_3,
  COMMITTEE,
  committeeStaff,
  detail,
  GENERAL,
  internal,
  type Json,
  memberCounts,
  outbound,
  stepped,
} from '../support/transfers';

let stack: Stack;
let api: ReturnType<typeof apiClient>;
const t: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  Object.assign(
    t,
    await api.tokensOf([
      'demo-committee',
      'demo-secretary-1',
      'demo-secretary-2',
      'demo-secretary-3',
      'demo-organizer-1',
      'demo-member-2',
      'demo-member-3',
      'demo-member-4',
    ]),
  );
}, 60_000);

afterAll(() => stack.stop());

const get = (path: string, who: string) => api.call<Json>('GET', path, { token: t[who] ?? who });

const counts = () => memberCounts(api, t['demo-committee']!);

async function todo(who: string, query = '') {
  const answer = await get(`/v1/transfers/todo${query}`, who);
  expect(answer.status).toBe(200);
  return answer.body as { transfers: Json[]; nextCursor: string | null; count: number };
}

describe('in the system: three approvals, then the member moves', () => {
  let transfer: Json;
  let countsBefore: Record<string, number>;

  beforeAll(async () => {
    // 党费: paid three months back, unpaid the last two — a warning for the approvers, never a block.
    const member = await login(api, 'demo-member-2');
    await approvedBase(api, member, t['demo-secretary-1']!);
    await billsFor(api, t['demo-organizer-1']!, BRANCH_1, [monthsBack(2), monthsBack(1), thisMonth()]);
    const paid = await api.call<Json>('POST', '/v1/dues/offline-payments', {
      token: t['demo-organizer-1'],
      body: {
        memberId: member.memberId,
        billIds: [billIdOf(member.memberId, monthsBack(2))],
        channel: 'cash',
        receiptNo: 'TR-FLOW-1',
      },
    });
    expect(paid.status).toBe(201);
    countsBefore = await counts();
  });

  it('applies: pending at the out-branch, with the 党委 as the committee step and a message to the secretary', async () => {
    const before = await todo('demo-secretary-1');
    transfer = await applied(api, t['demo-member-2']!, internal(BRANCH_3));
    expect(transfer).toMatchObject({
      kind: 'internal',
      state: 'pending_out_branch',
      version: 1,
      memberId: 'm-demo-member-2',
      fromOrgId: BRANCH_1,
      toOrgId: BRANCH_3,
      // Branch 1 is under the 党总支, branch 3 directly under the 党委: the lowest org above both is the 党委.
      committeeOrgId: COMMITTEE,
      appliedBy: { id: 'm-demo-member-2', role: 'member' },
      previousId: null,
      overdue: false,
    });
    expect(Date.parse(transfer.dueAt) - Date.parse(transfer.pendingSince)).toBe(7 * 86_400_000);
    const after = await todo('demo-secretary-1');
    expect(after.count).toBe(before.count + 1);
    expect(after.transfers[0]!.id).toBe(transfer.id);
    const inbox = await get('/v1/me/messages', 'demo-secretary-1');
    expect(inbox.body.items).toContainEqual(
      expect.objectContaining({ kind: 'transfer_step', ref: { type: 'transfer', id: transfer.id } }),
    );
  });

  it('the member sees where it stands: the step, who acts, since and by when — no dues warnings for them', async () => {
    const mine = await get('/v1/me/transfers', 'demo-member-2');
    expect(mine.body.open.id).toBe(transfer.id);
    expect(mine.body.transfers.map((x: Json) => x.id)).toEqual([transfer.id]);
    const seen = await detail(api, t['demo-member-2']!, transfer.id);
    expect(seen.status).toBe(200);
    expect(seen.body.pending).toEqual({
      state: 'pending_out_branch',
      approverOrgId: BRANCH_1,
      approverOrgName: '内科第一党支部',
      approverRole: 'secretary',
      since: transfer.pendingSince,
      dueAt: transfer.dueAt,
      overdue: false,
    });
    expect(seen.body.timeline).toEqual([
      expect.objectContaining({ action: 'submit', state: 'pending_out_branch', actorId: 'm-demo-member-2' }),
    ]);
    expect(seen.body.warnings).toEqual({ unpaidBills: null, duesPaidThrough: null });
  });

  it('the approvers see the unpaid bills and 党费交至 before they decide', async () => {
    const seen = await detail(api, t['demo-secretary-1']!, transfer.id);
    expect(seen.body.warnings).toEqual({
      unpaidBills: { count: 2, months: [monthsBack(1), thisMonth()], totalFen: 16_200 },
      duesPaidThrough: monthsBack(2),
    });
  });

  it('goes out-branch → committee → in-branch, each step on the to-do of the org that must act', async () => {
    const out = await stepped(api, t['demo-secretary-1']!, transfer.id, 'approve', { comment: '同意转出' });
    expect(out).toMatchObject({ state: 'pending_committee', version: 2 });
    const committeeTodo = await todo('demo-committee');
    expect(committeeTodo.transfers.map((x) => x.id)).toContain(transfer.id);
    expect((await todo('demo-secretary-1')).transfers.map((x) => x.id)).not.toContain(transfer.id);

    const middle = await stepped(api, t['demo-committee']!, transfer.id, 'approve', { version: 2 });
    expect(middle).toMatchObject({ state: 'pending_in_branch', version: 3 });
    const arriving = await todo('demo-secretary-3');
    expect(arriving.transfers[0]!.id).toBe(transfer.id);
    expect(arriving.count).toBe(1);
    expect((await todo('demo-committee')).count).toBe(committeeTodo.count - 1);
  });

  it('the in-branch secretary accepts: completed, and the member is in the new branch with both counts exact', async () => {
    const done = await stepped(api, t['demo-secretary-3']!, transfer.id, 'approve', { comment: '欢迎' });
    expect(done).toMatchObject({ state: 'completed', version: 4, pendingSince: null, dueAt: null });
    const after = await counts();
    expect(after[BRANCH_1]).toBe(countsBefore[BRANCH_1]! - 1);
    expect(after[BRANCH_3]).toBe(countsBefore[BRANCH_3]! + 1);
    expect(after[BRANCH_2]).toBe(countsBefore[BRANCH_2]);
    const me = await get('/v1/me', 'demo-member-2');
    expect(me.body.member).toMatchObject({ orgId: BRANCH_3, orgName: '行政后勤党支部' });
    expect((await todo('demo-secretary-3')).count).toBe(0);

    const seen = await detail(api, t['demo-member-2']!, transfer.id);
    expect(seen.body.pending).toBeNull();
    expect(seen.body.timeline.map((s: Json) => [s.action, s.state, s.role, s.comment])).toEqual([
      ['submit', 'pending_out_branch', 'member', '工作调动，到新科室工作'],
      ['approve', 'pending_committee', 'secretary', '同意转出'],
      ['approve', 'pending_in_branch', 'committee', null],
      ['approve', 'completed', 'secretary', '欢迎'],
    ]);
    const mine = await get('/v1/me/transfers', 'demo-member-2');
    expect(mine.body.open).toBeNull();
  });

  it('the unpaid bills stay with the out-branch (history is not rewritten)', async () => {
    const totals = await get(`/v1/orgs/${BRANCH_1}/dues?month=${thisMonth()}`, 'demo-committee');
    expect(totals.body.unpaid.map((row: Json) => row.memberId)).toContain('m-demo-member-2');
    const moved = await get(`/v1/orgs/${BRANCH_3}/dues?month=${thisMonth()}`, 'demo-committee');
    expect(moved.body.unpaid.map((row: Json) => row.memberId)).not.toContain('m-demo-member-2');
  });
});

describe('the moved member’s rights follow at once', () => {
  it('a branch-2 secretary moved to branch 1 (via the 党总支): old check-ins, roster and roles refuse them', async () => {
    const person = await enrol(api, t['demo-secretary-2']!, BRANCH_2, 'transfer-moving-secretary', ['secretary']);
    const now = Date.now();
    const activity = await api.call<Json>('POST', '/v1/activities', {
      token: t['demo-secretary-2'],
      body: {
        orgId: BRANCH_2,
        title: '主题党日',
        startAt: new Date(now - 60_000).toISOString(),
        endAt: new Date(now + 3_600_000).toISOString(),
      },
    });
    const activityId = activity.body.activity.id;
    const qr = (await get(`/v1/activities/${activityId}/qr`, 'demo-secretary-2')).body.payload;
    expect((await get(`/v1/orgs/${BRANCH_2}/members`, person.token)).status).toBe(200);

    const general = await committeeStaff(api, GENERAL, 'transfer-general-staff');
    const transfer = await applied(api, person.token, internal(BRANCH_1));
    // Both branches are under the 党总支 and it has staff: they approve the middle step, on their to-do — and,
    // since the member is the out-branch's secretary (nobody decides their own), the first step too.
    expect(transfer.committeeOrgId).toBe(GENERAL);
    const generalTodo = await todo(general.token);
    expect([generalTodo.count, generalTodo.transfers.map((x) => x.id)]).toEqual([1, [transfer.id]]);
    expect((await act(api, t['demo-secretary-2']!, transfer.id, 'approve')).status).toBe(403);
    await stepped(api, general.token, transfer.id);
    expect((await todo(general.token)).count).toBe(1);
    await stepped(api, general.token, transfer.id);
    await stepped(api, t['demo-secretary-1']!, transfer.id);

    const checkin = await api.call<Json>('POST', `/v1/activities/${activityId}/checkins`, {
      token: person.token,
      body: { qr },
    });
    expect([checkin.status, checkin.body.error?.code]).toEqual([403, 'NOT_IN_BRANCH']);
    const roster = await get(`/v1/orgs/${BRANCH_2}/members`, person.token);
    expect([roster.status, roster.body.error?.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const me = await get('/v1/me', person.token);
    expect(me.body.member).toMatchObject({ orgId: BRANCH_1, roles: ['member'] });
    // …and the new branch's member pages are theirs at once, with the same token.
    expect((await get('/v1/transfers/destinations', person.token)).body.currentOrgId).toBe(BRANCH_1);
  });
});

describe('out of the system, up to the committee', () => {
  it('the secretary applies for a member; the out-branch approves; the 党委 must act next', async () => {
    const transfer = await applied(api, t['demo-secretary-1']!, outbound({ memberId: 'm-demo-member-3' }));
    expect(transfer).toMatchObject({
      kind: 'outbound',
      toOrgId: null,
      destination: { name: '浙江省人民医院党委', contact: '0571-88888888' },
      committeeOrgId: COMMITTEE,
      committeeOrgName: '先锋医院党委',
      appliedBy: { role: 'secretary' },
    });
    // The member sees it as theirs though the secretary applied.
    expect((await get('/v1/me/transfers', 'demo-member-3')).body.open.id).toBe(transfer.id);
    await stepped(api, t['demo-secretary-1']!, transfer.id);
    const seen = await detail(api, t['demo-member-3']!, transfer.id);
    expect(seen.body.pending).toMatchObject({
      state: 'pending_committee',
      approverOrgId: COMMITTEE,
      approverOrgName: '先锋医院党委',
      approverRole: 'committee',
    });
    expect((await todo('demo-committee')).transfers[0]!.id).toBe(transfer.id);
  });
});

describe('待我审批: newest first, one page at a time, the badge a maintained count', () => {
  it('pages through the committee’s waiting steps with a signed cursor', async () => {
    for (const who of ['demo-member-4', 'demo-member-5']) {
      const member = who === 'demo-member-4' ? t[who]! : (await api.loginAs(who)).token;
      const transfer = await applied(api, member, internal(BRANCH_3));
      await stepped(api, t['demo-secretary-1']!, transfer.id);
    }
    const all = await todo('demo-committee', '?limit=50');
    expect(all.count).toBe(all.transfers.length);
    const since = all.transfers.map((x) => x.pendingSince);
    expect(since).toEqual([...since].sort().reverse());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await todo('demo-committee', `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.transfers.map((x) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.transfers.map((x) => x.id));
  });
});

describe('reject, resubmit, withdraw', () => {
  it('a rejection frees the member; a resubmission links both ways; a withdrawal by the applicant ends it', async () => {
    const token = (await api.loginAs('demo-member-8')).token;
    const first = await applied(api, token, internal(BRANCH_2));
    const rejected = await stepped(api, t['demo-secretary-1']!, first.id, 'reject', { reason: '材料不全，请补充' });
    expect(rejected.state).toBe('rejected');
    const inbox = await get('/v1/me/messages', token);
    expect(inbox.body.items).toContainEqual(expect.objectContaining({ kind: 'transfer_decision' }));

    const second = await applied(api, token, internal(BRANCH_2, { previousId: first.id }));
    expect(second.previousId).toBe(first.id);
    expect((await detail(api, token, first.id)).body.transfer.nextId).toBe(second.id);
    const mine = await get('/v1/me/transfers', token);
    expect(mine.body.transfers.map((x: Json) => x.id)).toEqual([second.id, first.id]);
    expect(mine.body.open.id).toBe(second.id);

    const withdrawn = await stepped(api, token, second.id, 'withdraw', { reason: '暂不调动' });
    expect(withdrawn.state).toBe('withdrawn');
    expect((await todo('demo-secretary-1')).transfers.map((x) => x.id)).not.toContain(second.id);
    const timeline = (await detail(api, token, second.id)).body.timeline;
    expect(timeline.at(-1)).toMatchObject({ action: 'withdraw', state: 'withdrawn', comment: '暂不调动' });
    // The first one was resubmitted once already: not again, and a finished one cannot be withdrawn.
    const again = await api.call<Json>('POST', '/v1/transfers', {
      token,
      body: internal(BRANCH_2, { previousId: first.id }),
    });
    expect([again.status, again.body.error?.code]).toEqual([409, 'TRANSFER_STATE_CONFLICT']);
    expect((await act(api, token, first.id, 'withdraw')).status).toBe(409);
    expect((await get('/v1/me/transfers', token)).body.transfers).toHaveLength(2);
  });
});

describe('the destination picker', () => {
  it('lists the caller’s whole tree and marks their branch', async () => {
    const answer = await get('/v1/transfers/destinations', 'demo-member-3');
    expect(answer.status).toBe(200);
    expect(answer.body.currentOrgId).toBe(BRANCH_1);
    expect(answer.body.orgs.map((o: Json) => [o.id, o.kind])).toEqual([
      [COMMITTEE, 'committee'],
      [BRANCH_3, 'branch'],
      [GENERAL, 'general_branch'],
      [BRANCH_1, 'branch'],
      [BRANCH_2, 'branch'],
    ]);
  });
});

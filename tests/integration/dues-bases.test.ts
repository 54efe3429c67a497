/**
 * 党费 bases and bills (issue #10 items 1–3, 6): declared, decided once (reductions by the committee), amounts
 * by the 2008 rule with the member's page showing how; bills keyed (member, month) so that generating twice —
 * also at once — gives the same bills, and the branch's month figures always equal its bills.
 */
import type { Stack } from '../../scripts/stack';
import {
  approvedBase,
  billIdOf,
  billsFor,
  type Json,
  login,
  monthsBack,
  type Payer,
  thisMonth,
  totals,
} from '../support/dues';
import { newPerson } from '../support/people';
import { apiClient, startTestStack } from '../support/stack';

let stack: Stack;
let api: ReturnType<typeof apiClient>;
let secretary: string;
let organizer: string;
let committee: string;
let member: Payer;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  secretary = (await api.loginAs('demo-secretary-1')).token;
  organizer = (await api.loginAs('demo-organizer-1')).token;
  committee = (await api.loginAs('demo-committee')).token;
  member = await login(api, 'demo-member-1');
}, 60_000);

afterAll(() => stack.stop());

const putBase = (body: Json, who: Payer | string = member, memberId = member.memberId) =>
  api.call<Json>('PUT', `/v1/members/${memberId}/dues-base`, {
    token: typeof who === 'string' ? who : who.token,
    body,
  });

describe('PUT /v1/members/{id}/dues-base and its decision', () => {
  it('refuses a bad base with a clear 400 and writes nothing', async () => {
    const year = Number(thisMonth().slice(0, 4));
    const bad: Json[] = [
      { year, category: 'employed', monthlyBase: '-5400' },
      { year, category: 'employed', monthlyBase: '五千' },
      { year, category: 'employed', monthlyBase: '5400.001' },
      { year, category: 'employed', monthlyBase: 5400 },
      { year, category: 'employed' },
      { year, category: 'soldier', monthlyBase: '5400' },
      { year, category: 'farmer', farmerFen: 500 },
      { year, category: 'reduced', reducedFen: 100 },
    ];
    for (const body of bad) {
      const answer = await putBase(body);
      expect([answer.status, answer.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(answer.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const outside = await putBase({ year, category: 'employed', monthlyBase: '5400', fromMonth: `${year - 1}-12` });
    expect([outside.status, outside.body.error?.code]).toEqual([422, 'DUES_BASE_MONTH_OUTSIDE_YEAR']);
    const page = await api.call<Json>('GET', `/v1/members/${member.memberId}/dues`, { token: member.token });
    expect(page.body).toMatchObject({ base: null, pendingBase: null, bills: [] });
  });

  it('a member cannot declare for another member; a branch runner can, another branch cannot', async () => {
    const other = await login(api, 'demo-member-2');
    const year = Number(thisMonth().slice(0, 4));
    expect((await putBase({ year, category: 'student' }, member, other.memberId)).status).toBe(403);
    const stranger = (await api.loginAs('demo-organizer-2')).token;
    expect((await putBase({ year, category: 'student' }, stranger, other.memberId)).status).toBe(403);
    const byOrganizer = await putBase({ year, category: 'student' }, organizer, other.memberId);
    expect(byOrganizer.status).toBe(200);
    expect(byOrganizer.body.base).toMatchObject({ status: 'pending', declaredBy: { role: 'organizer' } });
  });

  it('computes 5400 → 81.00 yuan, shows how, and is decided once; a repeat declaration is the same record', async () => {
    const year = Number(thisMonth().slice(0, 4));
    const body = { year, category: 'employed', monthlyBase: '5400' };
    const first = await putBase(body);
    const again = await putBase({ ...body, monthlyBase: '5400.00' });
    expect(first.status).toBe(200);
    expect(again.body.base.id).toBe(first.body.base.id);
    expect(first.body.base.computation).toMatchObject({ base: '5400.00', rate: '1.5%', amountFen: 8100 });
    expect(first.body.base.computation.text).toContain('81.00');
    const self = await api.call<Json>('POST', `/v1/dues/bases/${first.body.base.id}/decision`, {
      token: member.token,
      body: { approve: true },
    });
    expect(self.status).toBe(403);
    const decisions = await Promise.all(
      [secretary, organizer].map((token) =>
        api.call<Json>('POST', `/v1/dues/bases/${first.body.base.id}/decision`, { token, body: { approve: true } }),
      ),
    );
    expect(decisions.map((d) => d.status).sort()).toEqual([200, 409]);
    const page = await api.call<Json>('GET', `/v1/members/${member.memberId}/dues`, { token: member.token });
    expect(page.body).toMatchObject({ monthlyFen: 8100, computation: { amountFen: 8100, rate: '1.5%' } });
    expect(page.body.computation.rule).toContain('2008');
  });

  it('a reduction is decided by the committee above, not the branch', async () => {
    const someone = await login(api, 'demo-member-3');
    const year = Number(thisMonth().slice(0, 4));
    const declared = await putBase(
      { year, category: 'reduced', reducedFen: 100, note: '长期病休' },
      someone,
      someone.memberId,
    );
    expect(declared.body).toMatchObject({ base: { needsCommittee: true } });
    const id = declared.body.base.id;
    // The committee's 基数审核 list is its whole subtree's: one Query on the path prefix.
    const waiting = await api.call<Json>('GET', '/v1/orgs/org-committee/dues/bases?status=pending', {
      token: committee,
    });
    expect(waiting.body.bases.map((b: Json) => b.id)).toContain(id);
    const bySecretary = await api.call<Json>('POST', `/v1/dues/bases/${id}/decision`, {
      token: secretary,
      body: { approve: true },
    });
    expect([bySecretary.status, bySecretary.body.error?.code]).toEqual([403, 'DUES_BASE_NEEDS_COMMITTEE']);
    const byCommittee = await api.call<Json>('POST', `/v1/dues/bases/${id}/decision`, {
      token: committee,
      body: { approve: true },
    });
    expect(byCommittee.status).toBe(200);
  });
});

describe('a mid-year re-assessment', () => {
  it('prices the unpaid bills from its month on anew; paid bills keep what was paid, and the figures follow', async () => {
    const payer = await login(api, 'demo-member-6');
    await approvedBase(api, payer, secretary); // 5400 → 81.00 from 12 months back
    const [paidMonth, month] = [monthsBack(1), thisMonth()];
    await billsFor(api, organizer, payer.orgId, [paidMonth, month]);
    const cash = await api.call<Json>('POST', '/v1/dues/offline-payments', {
      token: organizer,
      body: {
        memberId: payer.memberId,
        billIds: [billIdOf(payer.memberId, paidMonth)],
        channel: 'cash',
        receiptNo: 'RE-1',
      },
    });
    expect(cash.status).toBe(201);
    const before = await totals(api, organizer, payer.orgId, month);
    // A pay rise: 11,500 from last month on (the paid month keeps its 81.00).
    await approvedBase(api, payer, secretary, { category: 'employed', monthlyBase: '11500' }, paidMonth);
    const page = await api.call<Json>('GET', `/v1/members/${payer.memberId}/dues`, { token: payer.token });
    const byMonth = Object.fromEntries(page.body.bills.map((b: Json) => [b.month, b]));
    expect(byMonth[paidMonth]).toMatchObject({ amountFen: 8100, status: 'paid' });
    expect(byMonth[month]).toMatchObject({ amountFen: 23000, status: 'unpaid', computation: { rate: '2%' } });
    expect(page.body.monthlyFen).toBe(23000);
    const after = await totals(api, organizer, payer.orgId, month);
    expect(after.dueFen - before.dueFen).toBe(23000 - 8100);
  });
});

describe('POST /v1/orgs/{orgId}/dues/bills', () => {
  it('generating twice at once gives the same bills, and the month figures equal them', async () => {
    const payer = await login(api, 'demo-member-4');
    await approvedBase(api, payer, secretary);
    const month = monthsBack(3); // no other test of this file bills it
    const runs = await Promise.all(
      [0, 1, 2].map(() =>
        api.call<Json>('POST', `/v1/orgs/${payer.orgId}/dues/bills`, { token: organizer, body: { month } }),
      ),
    );
    expect(runs.map((r) => r.status)).toEqual([200, 200, 200]);
    const created = runs.reduce((n, r) => n + r.body.created, 0);
    const again = await api.call<Json>('POST', `/v1/orgs/${payer.orgId}/dues/bills`, {
      token: organizer,
      body: { month },
    });
    expect(again.body.created).toBe(0);
    expect(again.body.existing).toBe(created);
    const figures = await totals(api, organizer, payer.orgId, month);
    expect(figures.members).toBe(created);
    const page = await api.call<Json>('GET', `/v1/members/${payer.memberId}/dues`, { token: payer.token });
    const bill = page.body.bills.find((b: Json) => b.month === month);
    expect(bill).toMatchObject({
      id: billIdOf(payer.memberId, month),
      amountFen: 8100,
      status: 'unpaid',
      orgId: payer.orgId,
    });
    const unpaid: Json[] = [];
    let cursor: string | null = null;
    do {
      const pageOf: Json = await api.call<Json>(
        'GET',
        `/v1/orgs/${payer.orgId}/dues?month=${month}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: organizer },
      );
      unpaid.push(...pageOf.body.unpaid);
      cursor = pageOf.body.nextCursor;
    } while (cursor);
    expect(unpaid.reduce((n, u) => n + u.amountFen, 0)).toBe(figures.dueFen - figures.paidFen);
    expect(again.body.skipped.some((s: Json) => s.reason === 'no_base')).toBe(true);
  });

  it('a probationary member owes from the month of admission, not before', async () => {
    const admitted = `${thisMonth()}-01`;
    const person = await api.call<Json>('POST', '/v1/orgs/org-branch-1/members', {
      token: secretary,
      body: { ...newPerson('钱预备'), category: 'probationary', joinedAt: admitted },
    });
    expect(person.status).toBe(201);
    const id = person.body.member.id;
    const declared = await api.call<Json>('PUT', `/v1/members/${id}/dues-base`, {
      token: organizer,
      body: { year: Number(thisMonth().slice(0, 4)), category: 'student', fromMonth: `${thisMonth().slice(0, 4)}-01` },
    });
    await api.call('POST', `/v1/dues/bases/${declared.body.base.id}/decision`, {
      token: secretary,
      body: { approve: true },
    });
    const before = await api.call<Json>('POST', '/v1/orgs/org-branch-1/dues/bills', {
      token: organizer,
      body: { month: monthsBack(2) },
    });
    expect(before.body.skipped).toContainEqual(expect.objectContaining({ memberId: id, reason: 'not_yet_admitted' }));
    await billsFor(api, organizer, 'org-branch-1', [thisMonth()]);
    const page = await api.call<Json>('GET', `/v1/members/${id}/dues`, { token: organizer });
    expect(page.body.bills.map((b: Json) => [b.month, b.amountFen])).toEqual([[thisMonth(), 20]]);
  });

  it('only the branch issues bills, for months within range', async () => {
    const stranger = (await api.loginAs('demo-organizer-2')).token;
    expect(
      (await api.call('POST', '/v1/orgs/org-branch-1/dues/bills', { token: stranger, body: { month: thisMonth() } }))
        .status,
    ).toBe(403);
    expect(
      (
        await api.call('POST', '/v1/orgs/org-branch-1/dues/bills', {
          token: member.token,
          body: { month: thisMonth() },
        })
      ).status,
    ).toBe(403);
    const future = await api.call<Json>('POST', '/v1/orgs/org-branch-1/dues/bills', {
      token: organizer,
      body: { month: monthsBack(-2) },
    });
    expect([future.status, future.body.error?.code]).toEqual([422, 'DUES_MONTH_OUT_OF_RANGE']);
    const bad = await api.call<Json>('POST', '/v1/orgs/org-branch-1/dues/bills', {
      token: organizer,
      body: { month: '2026-13' },
    });
    expect(bad.status).toBe(400);
  });

  it('the committee sees one row per branch, in tree order', async () => {
    const month = monthsBack(1);
    const view = await totals(api, committee, 'org-committee', month);
    // Tree order (the 党总支's branch under it), never sorted by the figures.
    expect(view.branches.map((b: Json) => b.orgId).sort()).toEqual(['org-branch-1', 'org-branch-2', 'org-branch-3']);
    expect(view.dueFen).toBe(view.branches.reduce((n: number, b: Json) => n + b.dueFen, 0));
    await billsFor(api, organizer, 'org-branch-1', [month]);
  });
});

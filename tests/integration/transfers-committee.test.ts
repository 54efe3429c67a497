/**
 * The committee's side of 组织关系转接 on DynamoDB Local, through the API: members arriving from outside the system
 * (and the refusals that write nothing), the committee view — a month's transfers of a subtree and its maintained
 * counts, exact for every org after transfers of every kind —, the 转接台账 workbook, the 介绍信 settings, and the
 * daily job's overdue flags with their messages, once.
 */
import ExcelJS from 'exceljs';
import { runDailyJob } from '../../functions/transfers/daily-job';
import type { Stack } from '../../scripts/stack';
import { shanghaiDay, shanghaiMonth } from '../../shared/time';
import { validUntil } from '../../shared/transfers/letter';
import { newPerson } from '../support/people';
import { apiClient, startTestStack } from '../support/stack';
import { issued, messagesAbout, outboundAtCommittee } from '../support/transfer-letters';
import {
  applied,
  BRANCH_1,
  BRANCH_2,
  BRANCH_3,
  COMMITTEE,
  committeeStaff,
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
const DAY = 86_400_000;
const ORGS = [COMMITTEE, GENERAL, BRANCH_1, BRANCH_2, BRANCH_3];
const member = (n: number) => `m-demo-member-${n}`;
/** The transfers the test makes, by what they show. */
const T = {} as Record<'inbound' | 'sameGeneral' | 'acrossTree' | 'rejected' | 'completed', Json>;
const baseline: Record<string, Json> = {};
/** The first inbound person, ID number and all (the API shows it masked only). */
let arrived: Json = {};

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  Object.assign(
    t,
    await api.tokensOf(['demo-committee', 'demo-secretary-1', 'demo-secretary-2', 'demo-secretary-3', 'demo-member-5']),
  );
  t.general = (await committeeStaff(api, GENERAL, 'committee-view-general')).token;
}, 60_000);

afterAll(() => stack.stop());

const get = (path: string, who: string) => api.call<Json>('GET', path, { token: t[who] });
const send = (method: string, path: string, who: string, body: unknown) =>
  api.call<Json>(method, path, { token: t[who], body });
const view = async (orgId: string, query = '', who = 'demo-committee') => {
  const answer = await get(`/v1/orgs/${orgId}/transfers${query}`, who);
  expect(answer.status).toBe(200);
  return answer.body;
};
const inbound = (who: string, person: Json, number: string, extra: Json = {}) =>
  send('POST', '/v1/transfers/inbound', who, {
    member: person,
    letter: { number, from: '中共浙江省人民医院委员会', issuedAt: shanghaiDay(Date.now() - 3 * DAY) },
    ...extra,
  });

/** Each direction's counts minus the baseline's, only what moved: { in: { completed: 1 }, … }. */
function moved(now: Json, before: Json): Json {
  const out: Json = {};
  for (const direction of ['internal', 'out', 'in']) {
    for (const [state, n] of Object.entries(now[direction].byState as Record<string, number>)) {
      const delta = n - (before[direction].byState[state] ?? 0);
      if (delta) out[direction] = { ...out[direction], [state]: delta };
    }
  }
  return out;
}

describe('Route: POST /v1/transfers/inbound', () => {
  it('registers a member from outside: on the roster, counted, a completed inbound transfer; they then bind', async () => {
    for (const orgId of ORGS) baseline[orgId] = (await view(orgId)).counts;
    const counts = await memberCounts(api, t['demo-committee']!);
    arrived = newPerson('林晓东');
    const answer = await inbound('demo-secretary-2', arrived, '浙医党转〔2026〕第031号');
    expect(answer.status).toBe(201);
    T.inbound = answer.body.transfer;
    expect(T.inbound).toMatchObject({ kind: 'inbound', state: 'completed', toOrgId: BRANCH_2, fromOrgId: null });
    expect(T.inbound.letter.number).toBe('浙医党转〔2026〕第031号');
    expect(answer.body.member).toMatchObject({ name: '林晓东', orgId: BRANCH_2, status: 'active', bound: false });
    expect(await memberCounts(api, t['demo-committee']!)).toEqual({ ...counts, [BRANCH_2]: counts[BRANCH_2]! + 1 });

    const code = await send('POST', `/v1/members/${answer.body.member.id}/binding-code`, 'demo-secretary-2', {});
    expect(code.status).toBe(201);
    const unbound = (await api.call<Json>('POST', '/v1/auth/login', { body: { code: 'mock-inbound-newcomer' } })).body;
    const bound = await api.call<Json>('POST', '/v1/auth/bind', {
      token: unbound.token,
      body: { bindingCode: code.body.bindingCode },
    });
    expect([bound.status, bound.body.member.id]).toEqual([200, answer.body.member.id]);
  });

  it('refuses a letter registered before (however typed), an ID number on a roster, another branch — writing nothing', async () => {
    const counts = await memberCounts(api, t['demo-committee']!);
    const again = await inbound('demo-secretary-1', newPerson('周文'), ' 浙医党转[2026]第０３１号 ');
    expect([again.status, again.body.error.code]).toEqual([409, 'TRANSFER_LETTER_REGISTERED']);
    const known = (await get(`/v1/orgs/${BRANCH_2}/members?limit=50`, 'demo-secretary-2')).body.items as Json[];
    expect(known.some((m) => m.name === '林晓东')).toBe(true);
    const twin = { ...newPerson('林晓东'), idNumber: arrived.idNumber };
    const taken = await inbound('demo-secretary-1', twin, '浙医党转〔2026〕第099号');
    expect([taken.status, taken.body.error.code]).toEqual([409, 'ID_NUMBER_TAKEN']);
    const elsewhere = await inbound('demo-secretary-1', newPerson('周文'), '浙医党转〔2026〕第100号', {
      orgId: BRANCH_2,
    });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    for (const who of ['demo-committee', 'demo-member-5']) {
      expect((await inbound(who, newPerson('周文'), '浙医党转〔2026〕第101号')).body.error.code).toBe('FORBIDDEN_ROLE');
    }
    const future = await send('POST', '/v1/transfers/inbound', 'demo-secretary-1', {
      member: newPerson('周文'),
      letter: { number: '浙医党转〔2026〕第102号', from: '某党委', issuedAt: shanghaiDay(Date.now() + 2 * DAY) },
    });
    expect([future.status, future.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await memberCounts(api, t['demo-committee']!)).toEqual(counts);
  });
});

describe('Route: GET /v1/orgs/{orgId}/transfers', () => {
  beforeAll(async () => {
    // Transfers of every kind and state (the inbound one is above): see `moved` below for who counts what.
    T.sameGeneral = await applied(api, t['demo-secretary-1']!, internal(BRANCH_2, { memberId: member(1) }));
    T.sameGeneral = await stepped(api, t['demo-secretary-1']!, T.sameGeneral.id);
    T.acrossTree = await applied(api, t['demo-secretary-1']!, internal(BRANCH_3, { memberId: member(2) }));
    const out = await applied(api, t['demo-secretary-3']!, outbound({ memberId: member(25) }));
    await stepped(api, t['demo-secretary-3']!, out.id);
    T.rejected = await stepped(api, t['demo-committee']!, out.id, 'reject', { reason: '材料不全，请补充接收单位证明' });
    const back = await applied(api, t['demo-secretary-2']!, internal(BRANCH_1, { memberId: member(13) }));
    await stepped(api, t['demo-secretary-2']!, back.id);
    await stepped(api, t.general!, back.id);
    T.completed = await stepped(api, t['demo-secretary-1']!, back.id);
  }, 60_000);

  it('counts the month of every org exactly, by direction and state, after transfers of every kind', async () => {
    const movedAt = async (orgId: string) => moved((await view(orgId)).counts, baseline[orgId]!);
    expect(await movedAt(COMMITTEE)).toEqual({
      internal: { pending_committee: 1, pending_out_branch: 1, completed: 1 },
      out: { rejected: 1 },
      in: { completed: 1 },
    });
    expect(await movedAt(GENERAL)).toEqual({
      internal: { pending_committee: 1, completed: 1 },
      out: { pending_out_branch: 1 },
      in: { completed: 1 },
    });
    expect(await movedAt(BRANCH_1)).toEqual({
      out: { pending_committee: 1, pending_out_branch: 1 },
      in: { completed: 1 },
    });
    expect(await movedAt(BRANCH_2)).toEqual({ out: { completed: 1 }, in: { pending_committee: 1, completed: 1 } });
    expect(await movedAt(BRANCH_3)).toEqual({ out: { rejected: 1 }, in: { pending_out_branch: 1 } });
    expect((await view(COMMITTEE)).counts.month).toBe(shanghaiMonth(Date.now()));
  });

  it('lists the transfers of the subtree, newest first, by state, page by page', async () => {
    const ids = (body: Json) => (body.transfers as Json[]).map((x) => x.id);
    const general = ids(await view(GENERAL));
    expect(general).toEqual([T.completed.id, T.acrossTree.id, T.sameGeneral.id, T.inbound.id]);
    expect(ids(await view(GENERAL, '?state=completed'))).toEqual([T.completed.id, T.inbound.id]);
    expect(ids(await view(BRANCH_3, '', 'demo-secretary-3'))).toEqual([T.rejected.id, T.acrossTree.id]);
    const paged: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const body: Json = await view(GENERAL, `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      paged.push(...ids(body));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(paged).toEqual(general);
  });

  it('refuses other branches, members, odd months and foreign cursors', async () => {
    expect((await get(`/v1/orgs/${BRANCH_1}/transfers`, 'demo-secretary-3')).body.error.code).toBe('FORBIDDEN_SCOPE');
    expect((await get(`/v1/orgs/${COMMITTEE}/transfers`, 'general')).body.error.code).toBe('FORBIDDEN_SCOPE');
    expect((await get(`/v1/orgs/${BRANCH_1}/transfers`, 'demo-member-5')).body.error.code).toBe('FORBIDDEN_ROLE');
    for (const month of ['2999-01', '2001-01', '2026-13']) {
      const answer = await get(`/v1/orgs/${COMMITTEE}/transfers?month=${month}`, 'demo-committee');
      expect([answer.status, answer.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const { nextCursor } = await view(GENERAL, '?limit=1');
    const foreign = await get(
      `/v1/orgs/${COMMITTEE}/transfers?cursor=${encodeURIComponent(nextCursor)}`,
      'demo-committee',
    );
    expect(foreign.body.error.code).toBe('CURSOR_INVALID');
  });
});

describe('Route: GET /v1/orgs/{orgId}/transfers/export', () => {
  async function book(orgId: string, who: string) {
    const answer = await api.call<ArrayBuffer>('GET', `/v1/orgs/${orgId}/transfers/export`, { token: t[who] });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.body);
    const rows = (name: string) => {
      const found: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => found.push((row.values as unknown[]).slice(1)));
      return found;
    };
    return { names: workbook.worksheets.map((s) => s.name), ledger: rows('转接台账'), summary: rows('按月统计') };
  }

  it('writes one row per transfer of the subtree and the counts of the month, which agree', async () => {
    const { names, ledger, summary } = await book(COMMITTEE, 'demo-committee');
    expect(names).toEqual(['转接台账', '按月统计']);
    expect(ledger[0]).toEqual([
      '月份',
      '党员',
      '类型',
      '转出',
      '转入或去向',
      '状态',
      '申请时间',
      '完成时间',
      '介绍信编号',
      '有效期至',
      '党费交至',
      '回执',
    ]);
    const byMember = new Map(ledger.slice(1).map((row) => [row[1], row]));
    expect(byMember.get(T.rejected.memberName)).toEqual(
      expect.arrayContaining(['转出系统', '行政后勤党支部', '浙江省人民医院党委', '已退回']),
    );
    expect(byMember.get('林晓东')).toEqual(
      expect.arrayContaining([
        '从系统外转入',
        '中共浙江省人民医院委员会',
        '外科党支部',
        '已完成',
        '浙医党转〔2026〕第031号',
      ]),
    );
    const month = shanghaiMonth(Date.now());
    const counts = (await view(COMMITTEE)).counts;
    const row = summary.find((cells) => cells[0] === month)!;
    expect(row.slice(1, 5)).toEqual([
      counts.internal.total,
      counts.out.total,
      counts.in.total,
      ledger.filter((r) => r[0] === month).length,
    ]);
  });

  it('gives a branch its own rows only, and refuses members and future years', async () => {
    const { ledger } = await book(BRANCH_3, 'demo-secretary-3');
    expect(
      ledger
        .slice(1)
        .map((row) => row[1])
        .sort(),
    ).toEqual([T.acrossTree.memberName, T.rejected.memberName].sort());
    expect((await get(`/v1/orgs/${BRANCH_3}/transfers/export`, 'demo-member-5')).status).toBe(403);
    expect((await get(`/v1/orgs/${COMMITTEE}/transfers/export?year=2999`, 'demo-committee')).status).toBe(400);
  });
});

describe('Route: GET · PUT /v1/orgs/{orgId}/transfers/settings', () => {
  it('keeps the prefix and validity within the rule, on the version read; a letter then takes them', async () => {
    const { settings } = (await get(`/v1/orgs/${COMMITTEE}/transfers/settings`, 'demo-committee')).body;
    expect(settings.rule).toMatchObject({ defaultDays: 90, minDays: 10, maxDays: 180 });
    const put = (body: Json, who = 'demo-committee', orgId = COMMITTEE) =>
      send('PUT', `/v1/orgs/${orgId}/transfers/settings`, who, body);
    const tooShort = await put({ letterPrefix: '象医党转', validityDays: 5, version: settings.version });
    expect([tooShort.status, tooShort.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(tooShort.body.error.message).toContain('10–180');
    const saved = await put({ letterPrefix: '象医党转', validityDays: 30, version: settings.version });
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toMatchObject({
      letterPrefix: '象医党转',
      validityDays: 30,
      version: settings.version + 1,
    });
    const stale = await put({ letterPrefix: '别的字号', validityDays: null, version: settings.version });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'TRANSFER_SETTINGS_STALE']);
    expect((await put({ letterPrefix: 'x', validityDays: null, version: 0 }, 'general')).body.error.code).toBe(
      'FORBIDDEN_SCOPE',
    );
    expect(
      (await put({ letterPrefix: 'x', validityDays: null, version: 0 }, 'demo-secretary-1', BRANCH_1)).status,
    ).toBe(403);
    expect((await get(`/v1/orgs/${BRANCH_1}/transfers/settings`, 'demo-committee')).status).toBe(400);
    expect((await get(`/v1/orgs/${GENERAL}/transfers/settings`, 'general')).body.settings.letterPrefix).toBe('党转');

    const id = await outboundAtCommittee(api, t['demo-secretary-3']!, member(26));
    const transfer = await issued(api, t['demo-committee']!, id);
    expect(transfer.letter.number).toMatch(/^象医党转〔\d{4}〕第001号$/);
    expect(shanghaiDay(transfer.letter.validUntil)).toBe(shanghaiDay(validUntil(transfer.letter.issuedAt, 30)));
  });
});

describe('Job: transfers daily (overdue steps)', () => {
  it('flags steps pending over 7 days once, telling their approvers and the committee once', async () => {
    const first = await runDailyJob(Date.now() + 8 * DAY);
    expect(first.overdue).toBeGreaterThanOrEqual(2);
    expect((await runDailyJob(Date.now() + 9 * DAY)).overdue).toBe(0);
    const told = async (who: string, id: string) => (await messagesAbout(api, t[who]!, 'transfer_overdue', id)).length;
    expect(await told('demo-secretary-1', T.acrossTree.id)).toBe(1); // waiting at branch 1
    expect(await told('general', T.sameGeneral.id)).toBe(1); // waiting at the 党总支
    expect(await told('demo-committee', T.acrossTree.id)).toBe(1); // the tree's committee, for both
    expect(await told('demo-committee', T.sameGeneral.id)).toBe(1);
    expect(await told('demo-secretary-1', T.completed.id)).toBe(0);
  }, 60_000);
});

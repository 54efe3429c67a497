/**
 * 介绍信 and 回执 (issue #11 item 2) on DynamoDB Local, through the API: the committee's approval of an outbound
 * transfer issues the letter — refused while dues are short of the month unless the committee gives a reason —
 * numbered uniquely and without gaps under 20 issues at once; the letter as JSON and as a PDF whose text is
 * Chinese; the 回执 and its refusals; the daily job's reminder (once) and expiry (once), with a fake clock.
 */

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../../functions/commons/config';
import { dynamo } from '../../functions/commons/dynamo';
import { runDailyJob } from '../../functions/transfers/daily-job';
import { openKey } from '../../functions/transfers/keys';
import type { Stack } from '../../scripts/stack';
import { shanghaiDay, shanghaiMonth } from '../../shared/time';
import { approvedBase, billIdOf, billsFor, login, monthsBack, thisMonth } from '../support/dues';
import { apiClient, startTestStack } from '../support/stack';
import { issued, messagesAbout, outboundAtCommittee, pdfText, seqOf } from '../support/transfer-letters';
import {
  applied,
  BRANCH_1,
  clearWriteWindow,
  committeeStaff,
  GENERAL,
  internal,
  type Json,
  memberCounts,
  outbound,
} from '../support/transfers';

let stack: Stack;
let api: ReturnType<typeof apiClient>;
const t: Record<string, string> = {};
const DAY = 86_400_000;
const member = (n: number) => `m-demo-member-${n}`;
/** The letter of a member whose dues are short (override), and of one paid up to this month. */
let overridden = '';
let paidUp = '';

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
  const { settings } = (await get('/v1/orgs/org-committee/transfers/settings', 'demo-committee')).body;
  const saved = await api.call<Json>('PUT', '/v1/orgs/org-committee/transfers/settings', {
    token: t['demo-committee'],
    body: { letterPrefix: '象医党转', validityDays: null, version: settings.version },
  });
  expect(saved.status).toBe(200);
}, 60_000);

afterAll(() => stack.stop());

const get = (path: string, who: string) => api.call<Json>('GET', path, { token: t[who] });
const post = (path: string, who: string, body: unknown) => api.call<Json>('POST', path, { token: t[who], body });
const letterOf = async (id: string, who = 'demo-committee') => (await get(`/v1/transfers/${id}/letter`, who)).body;

describe('Route: POST /v1/transfers/{id}/approve (the committee, outbound: the 介绍信)', () => {
  it('refuses while dues are short of this month, then issues with the reason, recorded on the letter', async () => {
    overridden = await outboundAtCommittee(api, t['demo-secretary-1']!, member(2));
    const refused = await post(`/v1/transfers/${overridden}/approve`, 'demo-committee', {});
    expect([refused.status, refused.body.error.code]).toEqual([422, 'TRANSFER_DUES_NOT_PAID_UP']);
    expect(refused.body.error.message).toContain('未缴');
    expect((await get(`/v1/transfers/${overridden}`, 'demo-committee')).body.transfer.state).toBe('pending_committee');

    const transfer = await issued(api, t['demo-committee']!, overridden);
    expect(transfer.state).toBe('letter_issued');
    expect(transfer.letter.number).toMatch(/^象医党转〔\d{4}〕第\d{3}号$/);
    const { letter } = await letterOf(overridden);
    expect(letter.duesPaidThrough).toBeNull();
    expect(letter.duesOverride).toMatchObject({ reason: '已与接收单位约定到新单位补交' });
    expect(letter.validityDays).toBe(90);
    expect(letter.paragraphs[0]).toBe('中国共产党党员组织关系介绍信');
    expect(letter.paragraphs[2]).toBe('浙江省人民医院党委：');
    expect(letter.paragraphs[3]).toMatch(
      /^.+同志（[男女]，(正式|预备)党员，身份证号 \d{6}\*{8}\d{3}[\dX]）系内科第一党支部党员/,
    );
    expect(letter.paragraphs[5]).toBe('中共先锋医院委员会');
    // The member is told of each decision: the out-branch's, and the committee's (their letter is ready).
    expect(await messagesAbout(api, t['demo-member-2']!, 'transfer_decision', overridden)).toHaveLength(2);
  });

  it('issues without a reason when dues are paid up to this month, and prints 党费交至 that month', async () => {
    const payer = await login(api, 'demo-member-4');
    await approvedBase(api, payer, t['demo-secretary-1']!);
    await billsFor(api, t['demo-organizer-1']!, BRANCH_1, [monthsBack(1), thisMonth()]);
    const paid = await post('/v1/dues/offline-payments', 'demo-organizer-1', {
      memberId: payer.memberId,
      billIds: [billIdOf(payer.memberId, monthsBack(1)), billIdOf(payer.memberId, thisMonth())],
      channel: 'cash',
      receiptNo: 'TR-LETTER-1',
    });
    expect(paid.status).toBe(201);
    paidUp = await outboundAtCommittee(api, t['demo-secretary-1']!, payer.memberId);
    const answer = await post(`/v1/transfers/${paidUp}/approve`, 'demo-committee', { comment: '同意' });
    expect(answer.status).toBe(200);
    const { letter } = await letterOf(paidUp);
    expect([letter.duesPaidThrough, letter.duesOverride]).toEqual([thisMonth(), null]);
    expect(letter.paragraphs[3]).toContain(`该同志党费已交到${thisMonth().replace('-', '年')}月。`);
  });

  it('numbers 20 letters issued at once uniquely and without a gap', async () => {
    const members = [5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 25, 26, 27, 28, 29, 30];
    const secretaryOf = (n: number) => `demo-secretary-${Math.ceil(n / 12)}`;
    const ids = await Promise.all(members.map((n) => outboundAtCommittee(api, t[secretaryOf(n)]!, member(n))));
    await clearWriteWindow('m-demo-committee');
    const before = seqOf((await letterOf(paidUp)).letter.number);
    const answers = await Promise.all(
      ids.map((id) =>
        post(`/v1/transfers/${id}/approve`, 'demo-committee', { duesOverride: { reason: '到新单位补交' } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    const seqs = answers.map((a) => seqOf(a.body.transfer.letter.number)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
  }, 120_000);

  it('issues one letter when the committee approves one transfer 20 times at once, spending one number', async () => {
    const id = await outboundAtCommittee(api, t['demo-secretary-2']!, member(20));
    await clearWriteWindow('m-demo-committee');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(`/v1/transfers/${id}/approve`, 'demo-committee', { duesOverride: { reason: '到新单位补交' } }),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused.map((a) => [a.status, a.body.error.code])).toEqual(
      refused.map(() => [409, 'TRANSFER_STATE_CONFLICT']),
    );
    const timeline = (await get(`/v1/transfers/${id}`, 'demo-committee')).body.timeline as Json[];
    expect(timeline.filter((entry) => entry.state === 'letter_issued')).toHaveLength(1);
  }, 60_000);
});

describe('Route: GET /v1/transfers/{id}/letter · …/letter/pdf', () => {
  it('shows the letter to the committee and to the member it introduces, to nobody else', async () => {
    expect((await get(`/v1/transfers/${overridden}/letter`, 'demo-member-2')).status).toBe(200);
    for (const who of ['demo-member-3', 'demo-secretary-1']) {
      const answer = await get(`/v1/transfers/${overridden}/letter`, who);
      expect([answer.status, answer.body.error.code]).toEqual([404, 'TRANSFER_NOT_FOUND']);
    }
    const general = await committeeStaff(api, GENERAL, 'letters-general-staff');
    const outside = await api.call<Json>('GET', `/v1/transfers/${overridden}/letter`, { token: general.token });
    expect(outside.status).toBe(404);
    const moving = await applied(api, t['demo-secretary-3']!, internal(BRANCH_1, { memberId: member(31) }));
    const none = await get(`/v1/transfers/${moving.id}/letter`, 'demo-committee');
    expect([none.status, none.body.error.code]).toEqual([409, 'TRANSFER_NO_LETTER']);
  });

  it('serves a PDF whose text a reader extracts as the letter in Chinese', async () => {
    const { letter } = await letterOf(overridden);
    const answer = await api.call<ArrayBuffer>('GET', `/v1/transfers/${overridden}/letter/pdf`, {
      token: t['demo-member-2'],
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('content-disposition')).toMatch(
      /^inline; filename="letter-[\w-]+\.pdf"; filename\*=UTF-8''%E4%BB%8B/,
    );
    const bytes = Buffer.from(answer.body);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(200_000); // font subsets, not whole fonts
    const text = pdfText(answer.body).replace(/\s+/g, '');
    expect(text).toContain('中国共产党党员组织关系介绍信');
    expect(text).toContain(letter.number);
    expect(text).toContain(`${letter.memberName}同志`);
    expect(text).toContain('中共先锋医院委员会');
    const other = await api.call<Json>('GET', `/v1/transfers/${overridden}/letter/pdf`, { token: t['demo-member-3'] });
    expect(other.status).toBe(404);
  }, 60_000);
});

describe('Route: POST /v1/transfers/{id}/receipt', () => {
  const receipt = (id: string, who: string, receivedAt = shanghaiDay(Date.now())) =>
    post(`/v1/transfers/${id}/receipt`, who, { receivedBy: '浙江省人民医院党委组织部', receivedAt });

  it('refuses bad days, the wrong people and transfers without a letter, writing nothing', async () => {
    const counts = await memberCounts(api, t['demo-committee']!);
    const tomorrow = shanghaiDay(Date.now() + DAY);
    const beforeIssue = shanghaiDay(Date.now() - 2 * DAY);
    for (const day of [tomorrow, beforeIssue]) {
      const bad = await receipt(paidUp, 'demo-committee', day);
      expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await receipt(paidUp, 'demo-secretary-1')).body.error.code).toBe('FORBIDDEN_ROLE');
    const general = await api.loginAs('letters-general-staff');
    const outside = await api.call<Json>('POST', `/v1/transfers/${paidUp}/receipt`, {
      token: general.token,
      body: { receivedBy: '某单位', receivedAt: shanghaiDay(Date.now()) },
    });
    expect([outside.status, outside.body.error.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    const pending = await outboundAtCommittee(api, t['demo-secretary-3']!, member(32));
    expect((await receipt(pending, 'demo-committee')).body.error.code).toBe('TRANSFER_NO_LETTER');
    expect(await memberCounts(api, t['demo-committee']!)).toEqual(counts);
    expect((await letterOf(paidUp)).letter.receipt).toBeNull();
  });

  it('records the 回执 once: the member leaves the roster (转出), the branch counts one fewer, the lock goes', async () => {
    const counts = await memberCounts(api, t['demo-committee']!);
    const dues = (await get(`/v1/orgs/${BRANCH_1}/dues?month=${thisMonth()}`, 'demo-organizer-1')).body;
    // A client may send an instant: it is read as its Asia/Shanghai day.
    const answer = await receipt(paidUp, 'demo-committee', new Date().toISOString());
    expect(answer.status).toBe(201);
    expect(answer.body.letter.receipt.receivedAt).toBe(shanghaiDay(Date.now()));
    expect(answer.body.transfer.state).toBe('receipt_confirmed');
    expect(answer.body.letter.receipt).toMatchObject({ receivedBy: '浙江省人民医院党委组织部' });
    expect(await memberCounts(api, t['demo-committee']!)).toEqual({ ...counts, [BRANCH_1]: counts[BRANCH_1]! - 1 });
    const roster = (await get(`/v1/orgs/${BRANCH_1}/members?status=inactive`, 'demo-secretary-1')).body;
    expect(roster.items.find((m: Json) => m.id === member(4))).toMatchObject({ leaveReason: 'transferred_out' });
    // Their past stays with the branch: the month's paid bill is still counted there.
    const after = (await get(`/v1/orgs/${BRANCH_1}/dues?month=${thisMonth()}`, 'demo-organizer-1')).body;
    expect([after.paidFen, after.paidMembers]).toEqual([dues.paidFen, dues.paidMembers]);
    const lock = await dynamo().send(
      new GetCommand({ TableName: tableName(), Key: openKey(member(4)), ConsistentRead: true }),
    );
    expect(lock.Item).toBeUndefined();
    const again = await receipt(paidUp, 'demo-committee');
    expect([again.status, again.body.error.code]).toEqual([409, 'TRANSFER_STATE_CONFLICT']);
  });
});

describe('Job: transfers daily (letters)', () => {
  it('reminds the committee once a month after issue without a 回执, and not again', async () => {
    const first = await runDailyJob(Date.now() + 32 * DAY);
    expect(first.reminded).toBeGreaterThanOrEqual(22);
    expect(first.expired).toBe(0);
    expect((await runDailyJob(Date.now() + 33 * DAY)).reminded).toBe(0);
    expect(await messagesAbout(api, t['demo-committee']!, 'transfer_letter', overridden)).toHaveLength(1);
    expect(await messagesAbout(api, t['demo-committee']!, 'transfer_letter', paidUp)).toHaveLength(0);
  }, 60_000);

  it('expires letters past their validity once; the member may apply again, a 回执 is refused', async () => {
    const { letter } = await letterOf(overridden);
    const run = await runDailyJob(Date.parse(letter.validUntil) + 1000);
    expect(run.expired).toBeGreaterThanOrEqual(22);
    expect((await runDailyJob(Date.parse(letter.validUntil) + DAY)).expired).toBe(0);
    const detail = (await get(`/v1/transfers/${overridden}`, 'demo-committee')).body;
    expect(detail.transfer.state).toBe('expired');
    expect(detail.timeline.at(-1)).toMatchObject({ state: 'expired', actorName: '系统' });
    const late = await post(`/v1/transfers/${overridden}/receipt`, 'demo-committee', {
      receivedBy: '浙江省人民医院党委组织部',
      receivedAt: shanghaiDay(Date.now()),
    });
    expect([late.status, late.body.error.code]).toEqual([409, 'TRANSFER_LETTER_EXPIRED']);
    const again = await api.call<Json>('POST', '/v1/transfers', {
      token: t['demo-secretary-1'],
      body: outbound({ memberId: member(2) }),
    });
    expect(again.status).toBe(201);
    expect(shanghaiMonth(again.body.transfer.createdAt)).toBe(thisMonth());
  }, 60_000);
});

describe('Letter numbers', () => {
  it('keeps every letter of the committee this year in one unbroken sequence from 001', async () => {
    const { transfers } = (await get('/v1/orgs/org-committee/transfers?limit=50', 'demo-committee')).body;
    const seqs = (transfers as Json[])
      .filter((x) => x.letter)
      .map((x) => seqOf(x.letter.number))
      .sort((a, b) => a - b);
    expect(seqs).toHaveLength(23);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });
});

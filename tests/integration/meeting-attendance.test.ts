/**
 * Meetings of every kind (issue #9): one fixed expected set whose counters equal its lists, 签退, leave, 补学,
 * 补签, cancellation — each through the API against DynamoDB Local, the attack or the race first.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../../functions/commons/config';
import { dynamo } from '../../functions/commons/dynamo';
import { signToken } from '../../functions/commons/tokens';
import { branchMonthKey } from '../../functions/meetings/aggregates';
import { activityKey } from '../../functions/meetings/store';
import { createMember, requireOrg } from '../../functions/org/service';
import type { Stack } from '../../scripts/stack';
import { shanghaiMonth } from '../../shared/time';
import { createActivity, minutes } from '../support/activities';
import { type Enrolled, patchMember } from '../support/enrol';
import { newPerson } from '../support/people';
import { apiClient, startTestStack } from '../support/stack';
import { createItem, studyFor } from '../support/study';

process.env.STUDY_SECONDS_PER_MINUTE = '1';

type Api = ReturnType<typeof apiClient>;
type Board = {
  total: number;
  checkedIn: number;
  late: number;
  missing: number;
  onLeave: number;
  madeUp: number;
  leftEarly: number;
  checkedOut: number;
  members: { memberId: string; name: string; status: string; manual?: { byName: string; reason: string } }[];
};
let stack: Stack;
let api: Api;
let secretary: { token: string; orgId: string };
let enrolled = 0;

const activity = (extra: Record<string, unknown> = {}, start = -minutes(5), end = minutes(120)) =>
  createActivity(api, secretary, '支部党员大会', { kind: 'party_congress', ...extra }, start, end);

async function code(id: string, purpose: 'checkin' | 'checkout' = 'checkin') {
  const answer = await api.call<{ code: string; payload: string }>(
    'GET',
    `/v1/activities/${id}/qr?purpose=${purpose}`,
    {
      token: secretary.token,
    },
  );
  expect(answer.status).toBe(200);
  return answer.body;
}

const board = async (id: string) =>
  (await api.call<Board>('GET', `/v1/activities/${id}/board`, { token: secretary.token })).body;

async function storedActivity(id: string) {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: activityKey(id), ConsistentRead: true }),
  );
  return Item as Record<string, number | string>;
}

/** The board's header taken apart from its rows: they must agree. */
function expectCountsMatchRows(b: Board) {
  const count = (...statuses: string[]) => b.members.filter((m) => statuses.includes(m.status)).length;
  expect(b.total).toBe(b.members.length);
  expect(b.checkedIn).toBe(count('checked_in', 'late', 'left_early'));
  expect(b.missing).toBe(count('missing'));
  expect(b.onLeave).toBe(count('on_leave'));
  expect(b.madeUp).toBe(count('made_up'));
  expect(b.total).toBe(b.checkedIn + b.onLeave + b.madeUp + b.missing);
}

/** A new active member of branch 1 with a token, written through the org service (no API rate limits). */
async function newMember(): Promise<Enrolled> {
  enrolled += 1;
  const branch = await requireOrg(secretary.orgId);
  const member = await createMember(branch, {
    ...newPerson(`参会人${String.fromCharCode(0x4e00 + enrolled)}`),
  });
  const { token } = await signToken({
    kind: 'member',
    memberId: member.id,
    name: member.name,
    orgId: branch.id,
    orgPath: branch.path,
    roles: ['member'],
  });
  return { id: member.id, openid: '', token, refreshToken: '', orgId: branch.id, version: member.version };
}

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  const sec = await api.loginAs('demo-secretary-1');
  secretary = { token: sec.token, orgId: sec.member.orgId };
}, 60_000);

afterAll(() => stack.stop());

describe('The board: counts and lists always agree', () => {
  it('keeps a check-in of a member removed later, adds a member who joins later, and counts only that set', async () => {
    const [a, b, c] = [await newMember(), await newMember(), await newMember()];
    const id = await activity();
    for (const person of [a, b]) {
      const answer = await api.call('POST', `/v1/activities/${id}/checkins`, {
        token: person.token,
        body: { code: (await code(id)).code },
      });
      expect(answer.status).toBe(201);
    }
    const before = await board(id);
    expectCountsMatchRows(before);
    // a leaves the branch after checking in; c leaves without checking in: both stay in the meeting's history.
    await patchMember(api, secretary.token, a, { status: 'inactive', leaveReason: 'other' });
    await patchMember(api, secretary.token, c, { status: 'inactive', leaveReason: 'other' });
    const joiner = await newMember();
    const joined = await api.call('POST', `/v1/activities/${id}/checkins`, {
      token: joiner.token,
      body: { code: (await code(id)).code },
    });
    expect(joined.status).toBe(201);
    const after = await board(id);
    expectCountsMatchRows(after);
    expect(after.total).toBe(before.total + 1);
    expect(after.checkedIn).toBe(3);
    const ids = after.members.map((m) => m.memberId);
    expect(ids).toEqual(expect.arrayContaining([a.id, c.id, joiner.id]));
    const stored = await storedActivity(id);
    expect([stored.expected, stored.checkedIn]).toEqual([after.total, after.checkedIn]);
  });

  it('30 concurrent check-ins: the counters, the month and the records agree', async () => {
    const people = await Promise.all(Array.from({ length: 30 }, () => newMember()));
    const id = await activity();
    const { code: current } = await code(id);
    const answers = await Promise.all(
      people.map((p) => api.call('POST', `/v1/activities/${id}/checkins`, { token: p.token, body: { code: current } })),
    );
    expect(answers.map((x) => x.status).filter((s) => s !== 201)).toEqual([]);
    const b = await board(id);
    expectCountsMatchRows(b);
    const stored = await storedActivity(id);
    expect(stored.checkedIn).toBe(b.checkedIn);
    expect(stored.expected).toBe(b.total);
    expect(b.checkedIn).toBeGreaterThanOrEqual(30);
  }, 60_000);
});

describe('签退', () => {
  it('refuses a 签退 code at check-in and the reverse; 签退 before check-in → 422; then 已签退 once', async () => {
    const person = await newMember();
    const id = await activity({ kind: 'night_study', requireCheckout: true });
    const codes = { in: await code(id), out: await code(id, 'checkout') };
    const wrongIn = await api.call<{ error: { code: string } }>('POST', `/v1/activities/${id}/checkins`, {
      token: person.token,
      body: { qr: codes.out.payload },
    });
    expect([wrongIn.status, wrongIn.body.error.code]).toEqual([422, 'QR_IS_CHECKOUT']);
    const early = await api.call<{ error: { code: string } }>('POST', `/v1/activities/${id}/checkouts`, {
      token: person.token,
      body: { code: codes.out.code },
    });
    expect([early.status, early.body.error.code]).toEqual([422, 'CHECKOUT_WITHOUT_CHECKIN']);
    expect((await board(id)).checkedOut).toBe(0);
    expect(
      (await api.call('POST', `/v1/activities/${id}/checkins`, { token: person.token, body: { qr: codes.in.payload } }))
        .status,
    ).toBe(201);
    const wrongOut = await api.call<{ error: { code: string } }>('POST', `/v1/activities/${id}/checkouts`, {
      token: person.token,
      body: { qr: codes.in.payload },
    });
    expect([wrongOut.status, wrongOut.body.error.code]).toEqual([422, 'QR_IS_CHECKIN']);
    const out = await api.call('POST', `/v1/activities/${id}/checkouts`, {
      token: person.token,
      body: { code: codes.out.code },
    });
    expect(out.status).toBe(201);
    const again = await api.call('POST', `/v1/activities/${id}/checkouts`, {
      token: person.token,
      body: { code: codes.out.code },
    });
    expect(again.status).toBe(200);
    expect((await storedActivity(id)).checkedOut).toBe(1);
  });

  it('has no 签退 code for a meeting that does not require one', async () => {
    const id = await activity();
    const answer = await api.call<{ error: { code: string } }>('GET', `/v1/activities/${id}/qr?purpose=checkout`, {
      token: secretary.token,
    });
    expect([answer.status, answer.body.error.code]).toEqual([422, 'CHECKOUT_NOT_REQUIRED']);
  });
});

describe('请假', () => {
  it('refuses a leave at or after the start: 422 and nothing written', async () => {
    const person = await newMember();
    const id = await activity();
    const answer = await api.call<{ error: { code: string } }>('POST', `/v1/activities/${id}/leaves`, {
      token: person.token,
      body: { reason: '值班' },
    });
    expect([answer.status, answer.body.error.code]).toEqual([422, 'LEAVE_TOO_LATE']);
    const leaves = await api.call<{ items: unknown[] }>('GET', `/v1/activities/${id}/leaves`, {
      token: secretary.token,
    });
    expect(leaves.body.items).toEqual([]);
  });

  it('two concurrent decisions on one leave: one 200, one 409; the member gets one message', async () => {
    const person = await newMember();
    const id = await activity({}, minutes(60), minutes(120));
    const asked = await api.call<{ leave: { id: string; status: string } }>('POST', `/v1/activities/${id}/leaves`, {
      token: person.token,
      body: { reason: '手术排班' },
    });
    expect([asked.status, asked.body.leave.status]).toEqual([201, 'pending']);
    const repeat = await api.call<{ leave: { id: string } }>('POST', `/v1/activities/${id}/leaves`, {
      token: person.token,
      body: { reason: '手术排班' },
    });
    expect([repeat.status, repeat.body.leave.id]).toEqual([200, asked.body.leave.id]);
    const decisions = await Promise.all(
      [true, false].map((approve) =>
        api.call<{ error?: { code: string } }>('POST', `/v1/leaves/${asked.body.leave.id}/decision`, {
          token: secretary.token,
          body: { approve },
        }),
      ),
    );
    expect(decisions.map((d) => d.status).sort()).toEqual([200, 409]);
    expect(decisions.find((d) => d.status === 409)?.body.error?.code).toBe('LEAVE_ALREADY_DECIDED');
    const inbox = await api.call<{ items: { kind: string }[] }>('GET', '/v1/me/messages', { token: person.token });
    expect(inbox.body.items.filter((m) => m.kind === 'leave_decision')).toHaveLength(1);
  });
});

describe('补学', () => {
  it('after 7 days → 422 MAKEUP_EXPIRED; within them, only with every item studied after the start', async () => {
    const person = await newMember();
    const itemId = await createItem(api, secretary.token, { title: '补学材料', orgIds: [secretary.orgId] });
    const old = await activity({ materialItemIds: [itemId] }, -minutes(8 * 24 * 60), -minutes(8 * 24 * 60 - 60));
    const expired = await api.call<{ error: { code: string } }>('POST', `/v1/activities/${old}/makeups`, {
      token: person.token,
    });
    expect([expired.status, expired.body.error.code]).toEqual([422, 'MAKEUP_EXPIRED']);
    const recent = await activity({ materialItemIds: [itemId] }, -minutes(120), -minutes(60));
    const early = await api.call<{ error: { code: string } }>('POST', `/v1/activities/${recent}/makeups`, {
      token: person.token,
    });
    expect([early.status, early.body.error.code]).toEqual([422, 'MAKEUP_INCOMPLETE']);
    const session = await studyFor(api, person.token, itemId, 1100);
    expect((await api.call('POST', `/v1/study/sessions/${session}/complete`, { token: person.token })).status).toBe(
      201,
    );
    const made = await api.call('POST', `/v1/activities/${recent}/makeups`, { token: person.token });
    expect(made.status).toBe(201);
    expect((await api.call('POST', `/v1/activities/${recent}/makeups`, { token: person.token })).status).toBe(200);
    const b = await board(recent);
    expectCountsMatchRows(b);
    expect(b.members.find((m) => m.memberId === person.id)?.status).toBe('made_up');
    const month = await dynamo().send(
      new GetCommand({
        TableName: tableName(),
        Key: branchMonthKey(secretary.orgId, shanghaiMonth(Date.now() - minutes(120))),
        ConsistentRead: true,
      }),
    );
    expect(month.Item?.madeUp).toBeGreaterThanOrEqual(1);
  }, 30_000);
});

describe('补签 and the roster', () => {
  it('records attendance by hand with who and why, once; a member of another branch is refused', async () => {
    const person = await newMember();
    const id = await activity();
    const body = { memberId: person.id, status: 'late', reason: '手机没电，现场确认' };
    const first = await api.call<{ checkin: { late: boolean; manual: { byName: string } } }>(
      'POST',
      `/v1/activities/${id}/attendance`,
      { token: secretary.token, body },
    );
    expect(first.status).toBe(201);
    expect(first.body.checkin.late).toBe(true);
    expect(first.body.checkin.manual.byName.length).toBeGreaterThan(0);
    expect((await api.call('POST', `/v1/activities/${id}/attendance`, { token: secretary.token, body })).status).toBe(
      200,
    );
    const row = (await board(id)).members.find((m) => m.memberId === person.id);
    expect(row).toMatchObject({ status: 'late', manual: { reason: '手机没电，现场确认' } });
    const other = await api.call<{ error: { code: string } }>('POST', `/v1/activities/${id}/attendance`, {
      token: secretary.token,
      body: { ...body, memberId: 'm-demo-member-13' },
    });
    expect([other.status, other.body.error.code]).toEqual([422, 'NOT_BRANCH_MEMBER']);
  });

  it('allows checking in from the app without a code only where the meeting allows it', async () => {
    const person = await newMember();
    const strict = await activity();
    const refused = await api.call<{ error: { code: string } }>('POST', `/v1/activities/${strict}/checkins`, {
      token: person.token,
      body: {},
    });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const open = await activity({ allowInApp: true });
    expect((await api.call('POST', `/v1/activities/${open}/checkins`, { token: person.token, body: {} })).status).toBe(
      201,
    );
  });
});

describe('Cancellation', () => {
  it('cancels with a reason before the start; then check-in and leave answer 409 ACTIVITY_CANCELLED', async () => {
    const person = await newMember();
    const id = await activity({ allowInApp: true }, minutes(10), minutes(70));
    const noReason = await api.call('PATCH', `/v1/activities/${id}`, {
      token: secretary.token,
      body: { status: 'cancelled' },
    });
    expect(noReason.status).toBe(400);
    const cancelled = await api.call<{ activity: { status: string; cancelReason: string } }>(
      'PATCH',
      `/v1/activities/${id}`,
      { token: secretary.token, body: { status: 'cancelled', reason: '院内应急演练' } },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.activity).toMatchObject({ status: 'cancelled', cancelReason: '院内应急演练' });
    const leave = await api.call<{ error: { code: string } }>('POST', `/v1/activities/${id}/leaves`, {
      token: person.token,
      body: { reason: '出差' },
    });
    expect([leave.status, leave.body.error.code]).toEqual([409, 'ACTIVITY_CANCELLED']);
    const started = await activity();
    const late = await api.call<{ error: { code: string } }>('PATCH', `/v1/activities/${started}`, {
      token: secretary.token,
      body: { status: 'cancelled', reason: '太晚了' },
    });
    expect([late.status, late.body.error.code]).toEqual([409, 'ACTIVITY_ALREADY_STARTED']);
  });
});

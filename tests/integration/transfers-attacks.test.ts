/**
 * 组织关系转接 as an attacker and a crowd see it (issue #11): twenty taps of one button are one decision; the
 * wrong branch's secretary, an organizer or a committee outside the subtree are refused; a step not yours, a
 * stale version or a finished transfer is 409; the member's move fails whole or not at all; bad input is refused
 * with its code and nothing is written; odd ids and cursors are 400, never 500.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../../functions/commons/config';
import { dynamo } from '../../functions/commons/dynamo';
import type { Stack } from '../../scripts/stack';
import { enrol, patchMember } from '../support/enrol';
import { apiClient, startTestStack } from '../support/stack';
import {
  act,
  applied,
  apply,
  BRANCH_1,
  BRANCH_2,
  BRANCH_3,
  clearWriteWindow,
  committeeStaff,
  detail,
  editMemberBeforeEachMove,
  GENERAL,
  internal,
  type Json,
  memberCounts,
  outbound,
  stepped,
  storedMember,
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
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `demo-member-${n}`),
    ]),
  );
}, 60_000);

afterAll(() => stack.stop());

// The per-member write fence (60/min) is not what these tests are about: each starts with a fresh window.
beforeEach(async () => {
  for (const who of ['committee', 'secretary-1', 'secretary-2', 'secretary-3']) {
    await clearWriteWindow(`m-demo-${who}`);
  }
});

const get = (path: string, who: string) => api.call<Json>('GET', path, { token: t[who] ?? who });
const code = (answer: { status: number; body: Json }) => [answer.status, answer.body.error?.code];

const counts = () => memberCounts(api, t['demo-committee']!);
const todoCount = async (who: string) => (await get('/v1/transfers/todo', who)).body.count as number;

describe('races', () => {
  it('20 concurrent applications of one member: exactly one 201, nineteen 409 TRANSFER_ALREADY_OPEN', async () => {
    const before = await todoCount('demo-secretary-1');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => apply(api, t['demo-member-1']!, internal(BRANCH_3))),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'TRANSFER_ALREADY_OPEN')).toBe(
      true,
    );
    expect((await get('/v1/me/transfers', 'demo-member-1')).body.transfers).toHaveLength(1);
    expect(await todoCount('demo-secretary-1')).toBe(before + 1);
    // A second open transfer later, of either kind, is refused by the same key.
    expect(code(await apply(api, t['demo-member-1']!, outbound()))).toEqual([409, 'TRANSFER_ALREADY_OPEN']);
  });

  it('20 concurrent approvals of one step: exactly one 200, nineteen 409, one timeline entry', async () => {
    const transfer = await applied(api, t['demo-member-2']!, internal(BRANCH_3));
    const before = { out: await todoCount('demo-secretary-1'), committee: await todoCount('demo-committee') };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => act(api, t['demo-secretary-1']!, transfer.id, 'approve')),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(19).fill(409)]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'TRANSFER_STATE_CONFLICT')).toBe(
      true,
    );
    const seen = await detail(api, t['demo-member-2']!, transfer.id);
    expect(seen.body.transfer).toMatchObject({ state: 'pending_committee', version: 2 });
    expect(seen.body.timeline.map((s: Json) => s.action)).toEqual(['submit', 'approve']);
    expect(await todoCount('demo-secretary-1')).toBe(before.out - 1);
    expect(await todoCount('demo-committee')).toBe(before.committee + 1);
  });
});

describe('who may decide', () => {
  let transfer: Json;
  beforeAll(async () => {
    transfer = await applied(api, t['demo-member-3']!, internal(BRANCH_3));
  });

  it('another branch’s secretary, the organizer, a member: 403; nothing changes', async () => {
    expect(code(await act(api, t['demo-secretary-2']!, transfer.id, 'approve'))).toEqual([403, 'FORBIDDEN_SCOPE']);
    expect(code(await act(api, t['demo-secretary-2']!, transfer.id, 'reject', { reason: '不同意' }))).toEqual([
      403,
      'FORBIDDEN_SCOPE',
    ]);
    expect(code(await act(api, t['demo-organizer-1']!, transfer.id, 'approve'))).toEqual([403, 'FORBIDDEN_ROLE']);
    expect(code(await act(api, t['demo-member-4']!, transfer.id, 'approve'))).toEqual([403, 'FORBIDDEN_ROLE']);
    // Withdrawing is the applicant's: not the branch's secretary's, not another member's.
    expect((await act(api, t['demo-secretary-1']!, transfer.id, 'withdraw')).status).toBe(403);
    expect((await act(api, t['demo-member-4']!, transfer.id, 'withdraw')).status).toBe(403);
    const seen = await detail(api, t['demo-member-3']!, transfer.id);
    expect(seen.body.transfer).toMatchObject({ state: 'pending_out_branch', version: 1 });
    expect(seen.body.timeline).toHaveLength(1);
  });

  it('a step that is not yours, or a stale version: 409 TRANSFER_STATE_CONFLICT', async () => {
    // The 党委 and the in-branch secretary approve later steps of this transfer, not this one.
    expect(code(await act(api, t['demo-committee']!, transfer.id, 'approve'))).toEqual([
      409,
      'TRANSFER_STATE_CONFLICT',
    ]);
    expect(code(await act(api, t['demo-secretary-3']!, transfer.id, 'approve'))).toEqual([
      409,
      'TRANSFER_STATE_CONFLICT',
    ]);
    expect(code(await act(api, t['demo-secretary-1']!, transfer.id, 'approve', { version: 7 }))).toEqual([
      409,
      'TRANSFER_STATE_CONFLICT',
    ]);
    await stepped(api, t['demo-secretary-1']!, transfer.id, 'approve', { version: 1 });
    expect(code(await act(api, t['demo-secretary-1']!, transfer.id, 'approve'))).toEqual([
      409,
      'TRANSFER_STATE_CONFLICT',
    ]);
  });

  it('committee staff outside the committee step’s subtree: 403 (a 党总支 for a step of the 党委)', async () => {
    const general = await committeeStaff(api, GENERAL, 'attack-general-staff');
    expect(code(await act(api, general.token, transfer.id, 'approve'))).toEqual([403, 'FORBIDDEN_SCOPE']);
    // …though they oversee the out-branch and may read it.
    expect((await detail(api, general.token, transfer.id)).status).toBe(200);
  });

  it('nobody else reads it: another member, another branch’s secretary → 404, like a missing one', async () => {
    expect(code(await detail(api, t['demo-member-4']!, transfer.id))).toEqual([404, 'TRANSFER_NOT_FOUND']);
    expect(code(await detail(api, t['demo-secretary-2']!, transfer.id))).toEqual([404, 'TRANSFER_NOT_FOUND']);
    expect(code(await detail(api, t['demo-organizer-1']!, transfer.id))).toEqual([404, 'TRANSFER_NOT_FOUND']);
    expect(code(await detail(api, t['demo-member-3']!, 'tr-none'))).toEqual([404, 'TRANSFER_NOT_FOUND']);
  });

  it('a secretary applies only for an active member of their own branch', async () => {
    expect(code(await apply(api, t['demo-secretary-2']!, internal(BRANCH_3, { memberId: 'm-demo-member-5' })))).toEqual(
      [403, 'FORBIDDEN_SCOPE'],
    );
    expect(code(await apply(api, t['demo-organizer-1']!, internal(BRANCH_3, { memberId: 'm-demo-member-5' })))).toEqual(
      [403, 'FORBIDDEN_ROLE'],
    );
    const gone = await enrol(api, t['demo-secretary-1']!, BRANCH_1, 'attack-gone-member');
    await patchMember(api, t['demo-secretary-1']!, gone, { status: 'inactive', leaveReason: 'other' });
    expect(code(await apply(api, t['demo-secretary-1']!, internal(BRANCH_3, { memberId: gone.id })))).toEqual([
      422,
      'TRANSFER_NOT_BRANCH_MEMBER',
    ]);
    expect((await get('/v1/me/transfers', 'demo-member-5')).body.transfers).toEqual([]);
  });
});

describe('after a final state', () => {
  it('withdraw, approve or reject after completion: 409, nothing changes', async () => {
    const transfer = await applied(api, t['demo-member-6']!, internal(BRANCH_3));
    await stepped(api, t['demo-secretary-1']!, transfer.id);
    await stepped(api, t['demo-committee']!, transfer.id);
    await stepped(api, t['demo-secretary-3']!, transfer.id);
    const before = await counts();
    expect(code(await act(api, t['demo-member-6']!, transfer.id, 'withdraw'))).toEqual([
      409,
      'TRANSFER_STATE_CONFLICT',
    ]);
    expect((await act(api, t['demo-secretary-3']!, transfer.id, 'approve')).status).toBe(409);
    expect((await act(api, t['demo-secretary-1']!, transfer.id, 'reject', { reason: '撤销' })).status).toBe(409);
    expect(await counts()).toEqual(before);
    expect((await detail(api, t['demo-member-6']!, transfer.id)).body.timeline).toHaveLength(4);
  });

  it('approving a withdrawn transfer: 409', async () => {
    const transfer = await applied(api, t['demo-member-7']!, outbound());
    await stepped(api, t['demo-member-7']!, transfer.id, 'withdraw');
    expect(code(await act(api, t['demo-secretary-1']!, transfer.id, 'approve'))).toEqual([
      409,
      'TRANSFER_STATE_CONFLICT',
    ]);
  });
});

describe('the move fails whole or not at all', () => {
  async function atInBranch(who: string) {
    const transfer = await applied(api, t[who]!, internal(BRANCH_3));
    await stepped(api, t['demo-secretary-1']!, transfer.id);
    await stepped(api, t['demo-committee']!, transfer.id);
    return transfer;
  }

  it('a member edited at every attempt: 409, and the member, both counts and the transfer are unchanged', async () => {
    const transfer = await atInBranch('demo-member-8');
    const before = await counts();
    const injected = editMemberBeforeEachMove('m-demo-member-8', 100);
    const answer = await act(api, t['demo-secretary-3']!, transfer.id, 'approve');
    injected.restore();
    expect(code(answer)).toEqual([409, 'TRANSFER_STATE_CONFLICT']);
    expect(injected.edits()).toBeGreaterThan(1); // it did re-read and retry
    expect(await counts()).toEqual(before);
    expect(await storedMember('m-demo-member-8')).toMatchObject({ orgId: BRANCH_1, status: 'active' });
    const seen = await detail(api, t['demo-member-8']!, transfer.id);
    expect(seen.body.transfer).toMatchObject({ state: 'pending_in_branch', version: 3 });
    expect(seen.body.timeline).toHaveLength(3);
    expect(await todoCount('demo-secretary-3')).toBeGreaterThanOrEqual(1);
  });

  it('a member edited once meanwhile: read again, and the move completes with the counts exact', async () => {
    const transfer = await atInBranch('demo-member-9');
    const before = await counts();
    const injected = editMemberBeforeEachMove('m-demo-member-9', 1);
    const answer = await act(api, t['demo-secretary-3']!, transfer.id, 'approve');
    injected.restore();
    expect(answer.status).toBe(200);
    expect(injected.edits()).toBe(1);
    const after = await counts();
    expect([after[BRANCH_1], after[BRANCH_3]]).toEqual([before[BRANCH_1]! - 1, before[BRANCH_3]! + 1]);
    expect(await storedMember('m-demo-member-9')).toMatchObject({
      orgId: BRANCH_3,
      orgPath: '/org-committee/org-branch-3/',
    });
  });

  it('a member who left the branch meanwhile is not moved: 409, counts unchanged', async () => {
    const transfer = await atInBranch('demo-member-10');
    const gone = await storedMember('m-demo-member-10');
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: 'MEMBER#m-demo-member-10', sk: 'MEMBER' },
        UpdateExpression: 'SET #status = :inactive, version = :v',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':inactive': 'inactive', ':v': gone.version + 1 },
      }),
    );
    const before = await counts();
    expect(code(await act(api, t['demo-secretary-3']!, transfer.id, 'approve'))).toEqual([
      409,
      'TRANSFER_STATE_CONFLICT',
    ]);
    expect(await counts()).toEqual(before);
  });
});

describe('bad input: a clear code, nothing written', () => {
  const cases: [string, number, string, Json][] = [
    ['the member’s own branch', 422, 'TRANSFER_SAME_BRANCH', internal(BRANCH_1)],
    ['an unknown org', 422, 'TRANSFER_DESTINATION_UNKNOWN', internal('org-nowhere')],
    ['a 党总支, not a branch', 422, 'TRANSFER_DESTINATION_UNKNOWN', internal(GENERAL)],
    ['no destination branch', 400, 'VALIDATION_FAILED', { kind: 'internal', reason: '调动' }],
    ['no outside organisation', 400, 'VALIDATION_FAILED', { kind: 'outbound', reason: '调动' }],
    ['an empty reason', 400, 'VALIDATION_FAILED', internal(BRANCH_2, { reason: '   ' })],
    ['a 501-character reason', 400, 'VALIDATION_FAILED', internal(BRANCH_2, { reason: '长'.repeat(501) })],
    ['control characters', 400, 'VALIDATION_FAILED', internal(BRANCH_2, { reason: '调动\u0000\u202e' })],
    ['an unknown field', 400, 'VALIDATION_FAILED', internal(BRANCH_2, { state: 'completed' })],
    ['an odd member id', 400, 'VALIDATION_FAILED', internal(BRANCH_2, { memberId: '../m-demo-member-1' })],
    ['an unknown kind', 400, 'VALIDATION_FAILED', { kind: 'inbound', toOrgId: BRANCH_2, reason: '调动' }],
    [
      'a previous transfer that is not theirs',
      404,
      'TRANSFER_NOT_FOUND',
      internal(BRANCH_2, { previousId: 'tr-none' }),
    ],
  ];

  it.each(cases)('%s → %i %s', async (_what, status, errorCode, body) => {
    const before = await todoCount('demo-secretary-1');
    const answer = await apply(api, t['demo-member-5']!, body);
    expect(code(answer)).toEqual([status, errorCode]);
    expect((await get('/v1/me/transfers', 'demo-member-5')).body.transfers).toEqual([]);
    expect(await todoCount('demo-secretary-1')).toBe(before);
  });

  it('a rejection needs a reason; comments are bounded', async () => {
    const transfer = (await get('/v1/me/transfers', 'demo-member-3')).body.open;
    for (const body of [{}, { reason: '' }, { reason: 'x'.repeat(501) }, { reason: '退回', version: 0 }]) {
      expect((await act(api, t['demo-committee']!, transfer.id, 'reject', body)).status).toBe(400);
    }
    expect((await act(api, t['demo-committee']!, transfer.id, 'approve', { comment: 'x'.repeat(501) })).status).toBe(
      400,
    );
    expect((await detail(api, t['demo-member-3']!, transfer.id)).body.timeline).toHaveLength(2);
  });

  it.each([
    ['/v1/transfers/a%20b', 400],
    [`/v1/transfers/${'x'.repeat(65)}`, 400],
    ['/v1/transfers/%00', 400],
    ['/v1/transfers/todo?cursor=not-a-cursor', 400],
    ['/v1/transfers/todo?cursor=e30.AAAAAAAAAAAAAAAAAAAAAAAA', 400],
    ['/v1/transfers/todo?limit=0', 400],
    ['/v1/transfers/todo?limit=51', 400],
    ['/v1/transfers/todo?state=x', 400],
  ])('GET %s → %i, not 500', async (path, status) => {
    const answer = await get(path, 'demo-committee');
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toMatch(/^[A-Z_]+$/);
  });

  it('a to-do cursor of another org’s list is refused', async () => {
    const page = await get('/v1/transfers/todo?limit=1', 'demo-committee');
    expect(page.body.nextCursor).not.toBeNull();
    const cursor = encodeURIComponent(page.body.nextCursor);
    expect(code(await get(`/v1/transfers/todo?cursor=${cursor}`, 'demo-secretary-1'))).toEqual([400, 'CURSOR_INVALID']);
    expect((await get(`/v1/transfers/todo?cursor=${cursor}`, 'demo-committee')).status).toBe(200);
  });
});

it('a to-do is the caller’s own org’s: branch 2’s step is on its secretary’s list, on nobody else’s', async () => {
  const member = await api.loginAs('demo-member-13');
  const transfer = await applied(api, member.token, internal(BRANCH_3));
  const ids = async (who: string) =>
    (await get('/v1/transfers/todo?limit=50', who)).body.transfers.map((x: Json) => x.id);
  expect(await ids('demo-secretary-2')).toContain(transfer.id);
  for (const who of ['demo-secretary-1', 'demo-secretary-3', 'demo-committee']) {
    expect(await ids(who)).not.toContain(transfer.id);
  }
});

describe('nobody decides their own transfer', () => {
  it('a secretary’s own transfer waits for the committee over the branch, not for the secretary', async () => {
    // demo-secretary-3 (branch 3, directly under the 党委) asks to move to branch 1.
    const own = await applied(api, t['demo-secretary-3']!, internal(BRANCH_1));
    expect([own.state, own.committeeOrgId]).toEqual(['pending_out_branch', 'org-committee']);
    expect(code(await act(api, t['demo-secretary-3']!, own.id, 'approve'))).toEqual([403, 'FORBIDDEN_SCOPE']);
    const shown = await detail(api, t['demo-secretary-3']!, own.id);
    expect([shown.body.pending.approverOrgId, shown.body.pending.approverRole]).toEqual(['org-committee', 'committee']);
    const todo = await api.call<Json>('GET', '/v1/transfers/todo', { token: t['demo-committee'] });
    expect(todo.body.transfers.map((x: Json) => x.id)).toContain(own.id);
    const decided = await stepped(api, t['demo-committee']!, own.id);
    expect(decided.state).toBe('pending_committee');
    await stepped(api, t['demo-secretary-3']!, own.id, 'withdraw');
  });
});

describe('apply-and-withdraw in a loop', () => {
  it('stops at 5 applications a member a day (429, nothing written), so the secretaries are not flooded', async () => {
    const person = await enrol(api, t['demo-secretary-2']!, BRANCH_2, 'attack-looping-member');
    for (let n = 0; n < 5; n++) {
      const open = await applied(api, person.token, internal(BRANCH_3));
      await stepped(api, person.token, open.id, 'withdraw');
    }
    await clearWriteWindow(person.id);
    const sixth = await apply(api, person.token, internal(BRANCH_3));
    expect([sixth.status, sixth.body.error?.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    const mine = await api.call<Json>('GET', '/v1/me/transfers', { token: person.token });
    expect([mine.body.transfers.length, mine.body.open]).toEqual([5, null]);
  });
});

/** Check in 50 members, SIGKILL DynamoDB Local, restart it on the same data dir: all 50 are still there. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '../../functions/commons/tokens';
import { listCheckins } from '../../functions/meetings/store';
import { createMember, requireOrg } from '../../functions/org/service';
import { type Stack, startStack } from '../../scripts/stack';
import { withIdChecksum } from '../../shared/org/rules';
import { apiClient } from '../support/stack';

let dir: string;
let stack: Stack | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xianfeng-durability-'));
});
afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps every acknowledged check-in across a crash of the database', async () => {
  stack = await startStack({ dbPath: dir, tableName: 'durability' });
  const api = apiClient(stack.apiUrl);
  const branch = await requireOrg('org-branch-1');
  const secretary = await api.loginAs('demo-secretary-1');
  const now = Date.now();
  const created = await api.call<{ activity: { id: string } }>('POST', '/v1/activities', {
    token: secretary.token,
    body: {
      orgId: branch.id,
      title: '持久性测试',
      startAt: new Date(now - 60_000).toISOString(),
      endAt: new Date(now + 3600_000).toISOString(),
    },
  });
  const activityId = created.body.activity.id;
  const qr = (await api.call<{ payload: string }>('GET', `/v1/activities/${activityId}/qr`, { token: secretary.token }))
    .body.payload;
  const ids: string[] = [];
  for (let i = 0; i < 50; i++) {
    const member = await createMember(branch, {
      name: `测试党员${String.fromCharCode(0x4e00 + i)}`,
      gender: 'male',
      phone: `1390000${String(1000 + i)}`,
      idNumber: withIdChecksum(`33022519850101${String(100 + i).slice(-3)}`),
      category: 'full',
      joinedAt: '2015-07-01',
    });
    const { token } = await signToken({
      kind: 'member',
      memberId: member.id,
      name: member.name,
      orgId: branch.id,
      orgPath: branch.path,
      roles: ['member'],
    });
    const answer = await api.call('POST', `/v1/activities/${activityId}/checkins`, { token, body: { qr } });
    expect(answer.status).toBe(201);
    ids.push(member.id);
  }

  // DynamoDB Local acknowledges a write a moment before its SQLite file has it (measured: a SIGKILL right
  // after the last 201 lost that one write; none after a pause). AWS DynamoDB acknowledges only durable
  // writes, so the pause models the real service; what this test guards is our side: data on disk under the
  // given path, one shared database, and a restart that finds it.
  await new Promise((r) => setTimeout(r, 1500));
  await stack.dynamo!.stop('SIGKILL');
  await stack.stop();
  stack = await startStack({ dbPath: dir, tableName: 'durability' });

  const checkins = await listCheckins(activityId);
  expect(new Set(checkins.map((c) => c.memberId))).toEqual(new Set(ids));
  const board = await apiClient(stack.apiUrl).call<{ checkedIn: number }>('GET', `/v1/activities/${activityId}/board`, {
    token: (await apiClient(stack.apiUrl).loginAs('demo-secretary-1')).token,
  });
  expect(board.body.checkedIn).toBe(50);
}, 120_000);

/**
 * The demo transfers that `npm start` seeds (scripts/seed-transfers.ts): once, through the services, so the demo's
 * 待我审批 shows one step for demo-secretary-1 and one for demo-committee, and letters carry the 党委's prefix.
 */
import { seedTransfers } from '../../scripts/seed-transfers';
import type { Stack } from '../../scripts/stack';
import { apiClient, startTestStack } from '../support/stack';

import type { Json } from '../support/transfers';

let stack: Stack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  expect(await seedTransfers()).toBe(true);
  expect(await seedTransfers()).toBe(false);
}, 120_000);

afterAll(() => stack.stop());

const todo = async (who: string) =>
  (await api.call<Json>('GET', '/v1/transfers/todo', { token: (await api.loginAs(who)).token })).body;

it('seeds one step waiting for the out-branch secretary and one for the committee, once', async () => {
  const branch = await todo('demo-secretary-1');
  expect([branch.count, branch.transfers.map((t: Json) => [t.memberId, t.state])]).toEqual([
    1,
    [['m-demo-member-12', 'pending_out_branch']],
  ]);
  const committee = await todo('demo-committee');
  expect([committee.count, committee.transfers.map((t: Json) => [t.memberId, t.state])]).toEqual([
    1,
    [['m-demo-member-24', 'pending_committee']],
  ]);
  const member = await api.loginAs('demo-member-12');
  const mine = await api.call<Json>('GET', '/v1/me/transfers', { token: member.token });
  expect(mine.body.open.toOrgId).toBe('org-branch-3');
  const staff = (await api.loginAs('demo-committee')).token;
  const settings = await api.call<Json>('GET', '/v1/orgs/org-committee/transfers/settings', { token: staff });
  expect(settings.body.settings.letterPrefix).toBe('象医党转');
});

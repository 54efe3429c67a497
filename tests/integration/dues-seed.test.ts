/**
 * The demo 党费 that `npm start` seeds (scripts/seed-dues.ts): realistic, consistent with the rules, and seeded
 * once — what a secretary opening the demo sees is what the services would have produced.
 */

import { seedDues } from '../../scripts/seed-dues';
import type { Stack } from '../../scripts/stack';
import { type Json, monthsBack, thisMonth, totals } from '../support/dues';
import { apiClient, startTestStack } from '../support/stack';

let stack: Stack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  expect(await seedDues(stack.seed!.branchIds)).toBe(true);
  expect(await seedDues(stack.seed!.branchIds)).toBe(false);
}, 120_000);

afterAll(() => stack.stop());

it('seeds bases, six months of bills and receipts; member 1 owes two months, member 11 four', async () => {
  const organizer = (await api.loginAs('demo-organizer-1')).token;
  const member = await api.loginAs('demo-member-1');
  const mine = await api.call<Json>('GET', `/v1/members/${member.member.id}/dues`, { token: member.token });
  expect(mine.body.unpaidMonths).toEqual([monthsBack(1), thisMonth()]);
  expect(mine.body.monthlyFen).toBe(23000); // 11,500 yuan × 2%
  expect(mine.body.payments.length).toBe(4);
  const arrears = await api.call<Json>('GET', '/v1/orgs/org-branch-1/dues/arrears', { token: organizer });
  expect(arrears.body.members.map((m: Json) => [m.memberId, m.consecutive])).toEqual([['m-demo-member-11', 4]]);
  const pending = await api.call<Json>('GET', '/v1/orgs/org-branch-1/dues/bases?status=pending', { token: organizer });
  expect(pending.body.bases.map((b: Json) => b.memberId)).toEqual(['m-demo-member-12']);
  const last = await totals(api, organizer, 'org-branch-1', monthsBack(1));
  expect([last.members, last.paidMembers]).toEqual([13, 11]); // 14 people, one still pending; 1 and 11 owe
});

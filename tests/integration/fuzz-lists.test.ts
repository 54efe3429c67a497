/**
 * Fuzz every list route's cursor and filters (issue #6): whatever the cursor — random text, a forged
 * LastEvaluatedKey, a genuine cursor altered or moved to another list — the answer is 400, never a 5xx and
 * never a silent first page; filters of any shape never reach DynamoDB as a 500.
 */
import fc from 'fast-check';
import { resetInMemoryLimits } from '../../functions/commons/rate-limit';
import type { Stack } from '../../scripts/stack';
import { ErrorBody } from '../../shared/http/errors';
import type { RouteDef } from '../../shared/http/route';
import { allRoutes } from '../../shared/routes';
import { approvedBase, billsFor, login, thisMonth } from '../support/dues';
import { apiClient, startTestStack } from '../support/stack';
import { someTransfers } from '../support/transfers';

let stack: Stack;
let token: string;
/** A genuine cursor of each list, to alter and to move across lists. */
const genuine: string[] = [];

const lists = allRoutes.filter(
  (route): route is RouteDef & { query: NonNullable<RouteDef['query']> } =>
    route.method === 'get' && !!route.query && 'cursor' in route.query.shape,
);
const pathOf = (route: RouteDef) => route.path.replace('{orgId}', 'org-branch-1');

beforeAll(async () => {
  stack = await startTestStack();
  const api = apiClient(stack.apiUrl);
  token = (await api.loginAs('demo-committee')).token;
  await someLeaves(api);
  await someDues(api);
  await someTransfers(api);
  for (const route of lists) {
    const filter = 'orgId' in route.query.shape ? '&orgId=org-branch-1' : '';
    const answer = await api.call<{ nextCursor: string | null }>('GET', `${pathOf(route)}?limit=1${filter}`, { token });
    if (answer.body.nextCursor) genuine.push(answer.body.nextCursor);
  }
}, 60_000);

/** Two leaves in branch 1 (the demo data has none), so the branch's leave list has a second page. */
async function someLeaves(api: ReturnType<typeof apiClient>) {
  const secretary = await api.loginAs('demo-secretary-1');
  const start = Date.now() + 86_400_000;
  const meeting = await api.call<{ activity: { id: string } }>('POST', '/v1/activities', {
    token: secretary.token,
    body: {
      orgId: 'org-branch-1',
      title: '支委会',
      kind: 'committee_meeting',
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 3600_000).toISOString(),
    },
  });
  for (const who of ['demo-member-2', 'demo-member-3']) {
    const member = await api.loginAs(who);
    await api.call('POST', `/v1/activities/${meeting.body.activity.id}/leaves`, {
      token: member.token,
      body: { reason: '门诊值班' },
    });
  }
}

/** Two pending 党费 bases and two unpaid bills in branch 1, so both dues lists have a second page. */
async function someDues(api: ReturnType<typeof apiClient>) {
  const secretary = (await api.loginAs('demo-secretary-1')).token;
  const organizer = (await api.loginAs('demo-organizer-1')).token;
  for (const who of ['demo-member-4', 'demo-member-5']) await approvedBase(api, await login(api, who), secretary);
  await billsFor(api, organizer, 'org-branch-1', [thisMonth()]);
  for (const who of ['demo-member-2', 'demo-member-3']) {
    const member = await login(api, who);
    await api.call('PUT', `/v1/members/${member.memberId}/dues-base`, {
      token: member.token,
      body: { year: Number(thisMonth().slice(0, 4)), category: 'student' },
    });
  }
}

afterAll(() => stack.stop());

// One member reads every list here, far past the per-member read fence (300 a minute, counted in the serving
// container's memory: here, this process). Each property starts a fresh window; the fence has its own tests.
beforeEach(() => resetInMemoryLimits());

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const forgedCursor = fc.oneof(
  fc.string({ minLength: 1, maxLength: 600 }),
  fc.constantFrom('e30', 'null', 'W10', '.', '..', 'a.b', '%00', 'eyJwayI6eyJTIjoieCJ9fQ'),
  fc.jsonValue().map(b64),
  fc
    .record({ pk: fc.string(), sk: fc.string(), gsi1pk: fc.anything(), gsi1sk: fc.string() }, { requiredKeys: [] })
    .map(b64),
  fc.tuple(fc.jsonValue().map(b64), fc.base64String({ minLength: 24, maxLength: 24 })).map(([a, b]) => `${a}.${b}`),
  fc.nat().map((i) => {
    const real = genuine[i % Math.max(1, genuine.length)] ?? 'x.y';
    const at = i % real.length;
    return real.slice(0, at) + (real[at] === 'A' ? 'B' : 'A') + real.slice(at + 1);
  }),
);
const filterValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('active', 'inactive', 'all', 'org-branch-1', 'org-branch-2', '0', '-1', '1e9', '中文', ' '),
);

describe('Fuzz: list cursors and filters', () => {
  it('found lists with a cursor, and a genuine cursor for each', () => {
    expect(lists.length).toBeGreaterThanOrEqual(2);
    expect(genuine.length).toBe(lists.length);
  });

  it.each(lists.map((r) => [r.id, r] as const))(
    '%s: a cursor we did not issue for it → 400',
    async (_id, route) => {
      await fc.assert(
        fc.asyncProperty(forgedCursor, async (cursor) => {
          fc.pre(!genuine.includes(cursor));
          const response = await fetch(`${stack.apiUrl}${pathOf(route)}?cursor=${encodeURIComponent(cursor)}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          expect(response.status).toBe(400);
          expect(ErrorBody.safeParse(await response.json()).success).toBe(true);
        }),
        { numRuns: 60 },
      );
    },
    120_000,
  );

  it.each(lists.map((r) => [r.id, r] as const))(
    '%s: any filters → never a 5xx',
    async (_id, route) => {
      const keys = Object.keys(route.query.shape);
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom(...keys, 'q', 'orgId'), filterValue, { maxKeys: 4 }),
          fc.option(fc.constantFrom(...genuine)),
          async (query, cursor) => {
            const search = new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) });
            const response = await fetch(`${stack.apiUrl}${pathOf(route)}?${search}`, {
              headers: { authorization: `Bearer ${token}` },
            });
            expect(response.status).toBeLessThan(500);
            const body = await response.json();
            if (response.status >= 400) expect(ErrorBody.safeParse(body).success).toBe(true);
          },
        ),
        { numRuns: 60 },
      );
    },
    120_000,
  );
});

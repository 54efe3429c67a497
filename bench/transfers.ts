/**
 * `npm run bench` → bench/results/transfers.json: issue 11's benchmark, in one run on one DynamoDB Local. The
 * 待我审批 page read through the API for a committee with 10 vs 1,000 transfers waiting in its subtree (one Query per
 * page, equal capacity); 100 transfers completed at once across 10 branches (member counts exact, no 5xx).
 */
import { signToken } from '../functions/commons/tokens';
import {
  createMember,
  createOrg,
  findOrg,
  listActiveMembers,
  type MemberRecord,
  type OrgRecord,
} from '../functions/org/service';
import { todoCount } from '../functions/transfers/store';
import { withIdChecksum } from '../shared/org/rules';
import { runBench } from './stack';
import { call, claimsOf, enrol, meterDynamo, Statuses } from './study-setup';
import { pool, round } from './timing';
import { seedWaiting } from './transfers-setup';

const SMALL = 10;
const LARGE = 1000;
const BRANCHES = 10;
const MOVES = 100;
// A page the size of the small set: both reads return a full page, so only the backlog differs.
const PAGE = SMALL;

let staffSeq = 0;
async function staffOf(org: Parameters<typeof createMember>[0], role: 'committee' | 'secretary') {
  staffSeq += 1;
  return createMember(org, {
    name: role === 'committee' ? '党委干事' : '支部书记',
    gender: 'female',
    phone: `139${String(staffSeq).padStart(8, '0')}`,
    idNumber: withIdChecksum(`11010119400101${String(staffSeq).padStart(3, '0')}`),
    category: 'full',
    joinedAt: '1990-07-01',
    extraRoles: [role],
  });
}

const tokenOf = async (member: MemberRecord) => (await signToken(claimsOf(member))).token;

runBench('transfers', async ({ api }) => {
  const began = performance.now();
  const metered = meterDynamo();

  // 1. Two committees: 10 and 1,000 transfers waiting at the committee step.
  const todoFor = async (waiting: number, tag: number) => {
    const committee = await createOrg({ name: `基准党委${tag}`, kind: 'committee', parent: null });
    const from = await createOrg({ name: '转出支部', kind: 'branch', parent: committee });
    const to = await createOrg({ name: '转入支部', kind: 'branch', parent: committee });
    const members = await enrol(from, waiting, tag);
    const base = Date.now() - waiting * 1000;
    await pool(members, 25, async (member: MemberRecord) => {
      await seedWaiting(member, from, to, committee, 'pending_committee', base + members.indexOf(member) * 1000);
    });
    const token = await tokenOf(await staffOf(committee, 'committee'));
    const read = async () => {
      let status = 0;
      let listed = 0;
      let count = 0;
      const m = await metered(async () => {
        const answer = await call('GET', `${api.url}/v1/transfers/todo?limit=${PAGE}`, token);
        status = answer.status;
        listed = (answer.body.transfers as unknown[] | undefined)?.length ?? 0;
        count = Number(answer.body.count ?? -1);
      });
      if (status !== 200) throw new Error(`todo: ${status}`);
      return { ...m, listed, count };
    };
    await read(); // warm the roster and secret caches
    return read();
  };
  const small = await todoFor(SMALL, 3);
  const large = await todoFor(LARGE, 4);
  const queries = (m: typeof small) => m.calls.filter((c) => c.command === 'QueryCommand' && c.index === 'gsi1');

  // 2. 100 transfers across 10 branches, each waiting for its in-branch secretary; all accepted at once.
  const committee = await createOrg({ name: '基准党委5', kind: 'committee', parent: null });
  const branches: OrgRecord[] = [];
  for (let i = 0; i < BRANCHES; i++) {
    branches.push(await createOrg({ name: `支部${i + 1}`, kind: 'branch', parent: committee }));
  }
  const secretaries = await Promise.all(branches.map((branch) => staffOf(branch, 'secretary')));
  const tokens = await Promise.all(secretaries.map(tokenOf));
  const movers: MemberRecord[] = [];
  for (let i = 0; i < BRANCHES; i++) movers.push(...(await enrol(branches[i]!, MOVES / BRANCHES, 5 + i)));
  const before = new Map(
    await Promise.all(branches.map(async (b) => [b.id, (await findOrg(b.id))!.memberCount] as const)),
  );
  const expected = new Map(before);
  const transfers: { record: Awaited<ReturnType<typeof seedWaiting>>; toIndex: number }[] = [];
  await pool(movers, 25, async (member: MemberRecord) => {
    const fromIndex = branches.findIndex((b) => b.id === member.orgId);
    // Uneven flows (i → i+1 and i → i+3), so a lost or doubled count shows.
    const toIndex = (fromIndex + (movers.indexOf(member) % 2 ? 1 : 3)) % BRANCHES;
    const from = branches[fromIndex]!;
    const to = branches[toIndex]!;
    expected.set(from.id, expected.get(from.id)! - 1);
    expected.set(to.id, expected.get(to.id)! + 1);
    transfers.push({
      record: await seedWaiting(member, from, to, committee, 'pending_in_branch', Date.now()),
      toIndex,
    });
  });
  const statuses = new Statuses();
  const t = performance.now();
  await pool(transfers, 50, async ({ record, toIndex }) => {
    const answer = await call('POST', `${api.url}/v1/transfers/${record.id}/approve`, tokens[toIndex]!, {
      comment: '同意接收',
    });
    statuses.add(answer.status);
  });
  const completeSeconds = (performance.now() - t) / 1000;
  const counts = await Promise.all(
    branches.map(async (branch) => ({
      id: branch.id,
      count: (await findOrg(branch.id))!.memberCount,
      roster: (await listActiveMembers(branch.id)).length,
    })),
  );
  const waitingLeft = (await Promise.all(branches.map((b) => todoCount(b.id)))).reduce((n, c) => n + c, 0);

  return {
    todo_rcu_10: round(small.rcu),
    todo_rcu_1000: round(large.rcu),
    todo_queries_10: queries(small).length,
    todo_queries_1000: queries(large).length,
    todo_listed_10: small.listed,
    todo_listed_1000: large.listed,
    todo_count_10: small.count,
    todo_count_1000: large.count,
    todo_target_met: small.rcu === large.rcu && queries(large).length === 1,
    concurrent_transfers: transfers.length,
    concurrent_completed: statuses.of(200),
    concurrent_5xx: statuses.fivexx,
    concurrent_s: round(completeSeconds),
    counts_exact: counts.every((c) => c.count === expected.get(c.id) && c.roster === c.count),
    todo_left_after: waitingLeft,
    total_s: round((performance.now() - began) / 1000),
  };
});

/** GET /v1/orgs/tree sums members up the tree: the committee sees its whole size, a 党总支 its branches'. */

import { orgSession } from '../support/org-session';

interface Node {
  id: string;
  kind: string;
  parentId: string | null;
  memberCount: number;
  totalMembers: number;
}
interface Answer {
  items: never[];
  nextCursor: string | null;
  nodes: Node[];
}

const session = orgSession<Answer>(['demo-committee', 'demo-secretary-1']);

beforeAll(session.start, 60_000);
afterAll(session.stop);

describe('Route: GET /v1/orgs/tree › totalMembers', () => {
  it("gives the committee root the sum of every node's own members", async () => {
    const answer = await session.call('GET', '/v1/orgs/tree', 'demo-committee');
    expect(answer.status).toBe(200);
    const { nodes } = answer.body;
    const root = nodes.find((node) => node.parentId === null)!;
    expect(root.kind).toBe('committee');
    expect(root.totalMembers).toBe(nodes.reduce((sum, node) => sum + node.memberCount, 0));
    expect(root.totalMembers).toBeGreaterThan(root.memberCount);
  });

  it("gives a 党总支 its own members plus its branches' totals, and a branch its own members", async () => {
    const { nodes } = (await session.call('GET', '/v1/orgs/tree', 'demo-committee')).body;
    const general = nodes.find((node) => node.kind === 'general_branch')!;
    const branches = nodes.filter((node) => node.parentId === general.id);
    expect(branches.length).toBeGreaterThan(0);
    expect(general.totalMembers).toBe(general.memberCount + branches.reduce((sum, b) => sum + b.totalMembers, 0));
    for (const branch of nodes.filter((node) => node.kind === 'branch')) {
      expect(branch.totalMembers).toBe(branch.memberCount);
    }
  });

  it('shows a secretary only their branch, its total being its own count', async () => {
    const { nodes } = (await session.call('GET', '/v1/orgs/tree', 'demo-secretary-1')).body;
    expect(nodes).toHaveLength(1);
    expect(nodes[0]!.totalMembers).toBe(nodes[0]!.memberCount);
  });
});

/** The org tests' session: a fresh stack, demo accounts logged in, and the roster/count reads they assert on. */
import type { Stack } from '../../scripts/stack';
import { apiClient, type CallOptions, startTestStack } from './stack';

export const BRANCH_1 = 'org-branch-1';
export const BRANCH_2 = 'org-branch-2';

interface RosterAnswer<M> {
  items: M[];
  nextCursor: string | null;
  nodes: { id: string; memberCount: number }[];
}

export function orgSession<A extends RosterAnswer<M>, M = A['items'][number]>(openids: readonly string[]) {
  let stack: Stack;
  let api: ReturnType<typeof apiClient>;
  const tokens: Record<string, string> = {};

  const call = (method: string, path: string, as: string, options: CallOptions = {}) =>
    api.call<A>(method, path, { token: tokens[as], ...options });

  return {
    call,
    async start(): Promise<void> {
      stack = await startTestStack();
      api = apiClient(stack.apiUrl);
      for (const openid of openids) tokens[openid] = (await api.loginAs(openid)).token;
    },
    stop: () => stack.stop(),
    /** Every member of a branch in one page (the test branches are small). */
    async roster(orgId = BRANCH_1, status = 'all'): Promise<M[]> {
      const answer = await call('GET', `/v1/orgs/${orgId}/members?status=${status}&limit=200`, 'demo-committee');
      expect(answer.status).toBe(200);
      expect(answer.body.nextCursor).toBeNull();
      return answer.body.items;
    },
    /** The maintained aggregate, as the committee's org tree shows it. */
    async memberCount(orgId = BRANCH_1): Promise<number> {
      const answer = await call('GET', '/v1/orgs/tree', 'demo-committee');
      return answer.body.nodes.find((node) => node.id === orgId)!.memberCount;
    },
  };
}

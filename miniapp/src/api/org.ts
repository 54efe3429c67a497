import { listMembers, orgTree } from '../../../shared/org/routes';
import { request } from './client';

export const orgApi = {
  tree: () => request(orgTree, {}),
  roster: (orgId: string, cursor?: string) =>
    request(listMembers, { params: { orgId }, query: { limit: 50, ...(cursor ? { cursor } : {}) } }),
};

import { Text, View } from '@tarojs/components';
import { visibleBranches } from '../../../api/org';
import { EmptyBlock, StatusView } from '../../../components/status-view';
import { go } from '../../../lib/nav';
import type { Remote } from '../../../lib/use-remote';

export type BranchesRemote = Remote<Awaited<ReturnType<typeof visibleBranches>>>;
export const loadBranches = visibleBranches;

/** The committee's 首页: its branches with their sizes (from the org tree); a row opens that branch's 活动. */
export function CommitteeBranches({ branches }: { branches: BranchesRemote }) {
  return (
    <>
      <Text className="section-title">所辖支部</Text>
      <StatusView
        loading={branches.loading}
        error={branches.error}
        failure={branches.failure}
        hasData={!!branches.data}
        onRetry={() => void branches.reload()}
      >
        {branches.data && branches.data.length === 0 ? <EmptyBlock text="您的组织下还没有党支部" /> : null}
        {branches.data && branches.data.length > 0 ? (
          <View className="card home-branches">
            {branches.data.map((branch) => (
              <View
                key={branch.id}
                className="home-branch-row"
                onClick={() => go('orgActivities', { orgId: branch.id, orgName: branch.name })}
              >
                {/* Name and size in one text, like the roster's rows (a hidden tab page keeps this in the DOM). */}
                <Text className="home-branch-name">
                  {branch.name}
                  <Text className="muted home-branch-size"> · {branch.totalMembers} 人</Text>
                </Text>
                <Text className="home-branch-arrow">活动 ›</Text>
              </View>
            ))}
          </View>
        ) : null}
      </StatusView>
    </>
  );
}

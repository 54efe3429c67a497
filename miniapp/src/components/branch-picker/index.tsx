import { Picker, Text, View } from '@tarojs/components';
import type { OrgNode } from '../../../../shared/org/schemas';
import { visibleBranches } from '../../api/org';
import { useRemote } from '../../lib/use-remote';
import './index.scss';

/** The branches committee staff may pick from (GET /v1/orgs/tree); the page loads them when it needs them. */
export function useBranchChoices() {
  return useRemote(visibleBranches, { immediate: false });
}

/**
 * 支部 <name> 切换 ▾ — the org picker on every per-branch list committee staff see (活动, 花名册). The
 * platform's own picker: a wheel on weapp, a bottom sheet on H5.
 */
export function BranchPicker({
  branches,
  pickedId,
  onPick,
}: {
  branches: readonly OrgNode[];
  pickedId: string;
  onPick(branch: OrgNode): void;
}) {
  // The list may be of an org that is not a branch (a 党总支 opened from the tree): then nothing is picked.
  const index = branches.findIndex((branch) => branch.id === pickedId);
  if (!branches.length) return null;
  return (
    <Picker
      mode="selector"
      range={branches.map((branch) => branch.name)}
      value={Math.max(0, index)}
      onChange={(event) => {
        const next = branches[Number(event.detail.value)];
        if (next && next.id !== pickedId) onPick(next);
      }}
    >
      <View className="card branch-picker">
        <Text className="branch-picker-label">支部</Text>
        <Text className="branch-picker-name">{branches[index]?.name ?? '请选择支部'}</Text>
        <Text className="branch-picker-switch">切换 ▾</Text>
      </View>
    </Picker>
  );
}

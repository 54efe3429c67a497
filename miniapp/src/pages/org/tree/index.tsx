import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { OrgKind, OrgNode } from '../../../../../shared/org/schemas';
import { orgRows } from '../../../api/org';
import { PageRoot } from '../../../components/page-root';
import { EmptyBlock, remoteStatus, StatusView } from '../../../components/status-view';
import { go } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import './index.scss';

const KIND_LABELS: Record<OrgKind, string> = { committee: '党委', general_branch: '党总支', branch: '党支部' };

/** "24 人 · 2 个支部" for a 党委/党总支 (its whole subtree); a branch just "12 人". */
function sizeLabel(node: OrgNode, branches: number): string {
  return node.kind === 'branch' ? `${node.totalMembers} 人` : `${node.totalMembers} 人 · ${branches} 个支部`;
}

/** Committee staff: the org tree with summed sizes; each branch opens its 花名册 or its 活动. */
export default function OrgTreePage() {
  const tree = useRemote(orgRows);
  const openRoster = (node: OrgNode) => go('roster', { orgId: node.id, orgName: node.name });
  const openActivities = (node: OrgNode) => go('orgActivities', { orgId: node.id, orgName: node.name });
  return (
    <PageRoot className="org-tree">
      <Text className="section-title">选择党支部查看花名册或活动</Text>
      <StatusView {...remoteStatus(tree)}>
        {tree.data && tree.data.length === 0 ? <EmptyBlock text="暂无组织" /> : null}
        {tree.data && tree.data.length > 0 ? (
          <View className="card org-tree-list">
            {tree.data.map(({ node, depth, branches }) => {
              const branch = node.kind === 'branch';
              return (
                <View
                  key={node.id}
                  className={`org-node${branch ? ' org-node--branch' : ''}`}
                  style={{ paddingLeft: Taro.pxTransform(depth * 16 + 12) }}
                >
                  {/* The name opens the roster, as before; the two entries below say so explicitly. */}
                  <View className="org-node-head" onClick={() => (branch ? openRoster(node) : undefined)}>
                    <Text className="org-node-kind">{KIND_LABELS[node.kind]}</Text>
                    <Text className="org-node-name">{node.name}</Text>
                  </View>
                  <View className="org-node-foot">
                    <Text className="muted org-node-size">{sizeLabel(node, branches)}</Text>
                    {branch ? (
                      <View className="org-node-entries">
                        <View className="org-node-entry" onClick={() => openRoster(node)}>
                          花名册
                        </View>
                        <View className="org-node-entry" onClick={() => openActivities(node)}>
                          活动
                        </View>
                      </View>
                    ) : null}
                  </View>
                </View>
              );
            })}
          </View>
        ) : null}
      </StatusView>
    </PageRoot>
  );
}

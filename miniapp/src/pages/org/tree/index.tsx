import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { OrgKind, OrgNode } from '../../../../../shared/org/schemas';
import { orgApi } from '../../../api/org';
import { StatusView } from '../../../components/status-view';
import { go } from '../../../lib/nav';
import { useRemote } from '../../../lib/use-remote';
import './index.scss';

const KIND_LABELS: Record<OrgKind, string> = { committee: '党委', general_branch: '党总支', branch: '党支部' };

/** Depth-first order, each node after its parent (the server does not promise an order). */
function ordered(nodes: OrgNode[]): { node: OrgNode; depth: number }[] {
  const children = new Map<string | null, OrgNode[]>();
  for (const node of nodes) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  const ids = new Set(nodes.map((node) => node.id));
  const roots = nodes.filter((node) => node.parentId === null || !ids.has(node.parentId));
  const out: { node: OrgNode; depth: number }[] = [];
  const walk = (node: OrgNode, depth: number) => {
    out.push({ node, depth });
    for (const child of children.get(node.id) ?? []) walk(child, depth + 1);
  };
  for (const root of roots) walk(root, 0);
  return out;
}

/** Committee staff: the org tree; a branch opens its roster. */
export default function OrgTreePage() {
  const tree = useRemote(() => orgApi.tree());
  return (
    <View className="page org-tree">
      <Text className="section-title">选择党支部查看花名册</Text>
      <StatusView loading={tree.loading} error={tree.error} hasData={!!tree.data} onRetry={() => void tree.reload()}>
        <View className="card org-tree-list">
          {tree.data
            ? ordered(tree.data.nodes).map(({ node, depth }) => (
                <View
                  key={node.id}
                  className={`org-node${node.kind === 'branch' ? ' org-node--branch' : ''}`}
                  style={{ paddingLeft: Taro.pxTransform(depth * 20 + 16) }}
                  onClick={() => {
                    if (node.kind === 'branch') go('roster', { orgId: node.id, orgName: node.name });
                  }}
                >
                  <Text className="org-node-kind">{KIND_LABELS[node.kind]}</Text>
                  <Text className="org-node-name">{node.name}</Text>
                  <Text className="muted">{node.memberCount} 人</Text>
                  {node.kind === 'branch' ? <Text className="org-node-arrow">›</Text> : null}
                </View>
              ))
            : null}
        </View>
      </StatusView>
    </View>
  );
}

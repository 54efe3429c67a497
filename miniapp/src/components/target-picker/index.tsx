import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { coveringTarget, toggleTarget } from '../../../../shared/org/targets';
import { orgRows } from '../../api/org';
import { useRemote } from '../../lib/use-remote';
import { hasAnyRole, useSession } from '../../store/session';
import './index.scss';

/**
 * 发布范围 for a study item or a notice. A secretary publishes to their branch (nothing to choose); committee
 * staff publish to their whole organisation by default, or to the orgs they tick in their tree — an org
 * reaches everything below it, so ticking a 党总支 covers its branches (shared/org/targets.ts).
 */
export function TargetPicker({ value, onChange }: { value: readonly string[]; onChange(ids: string[]): void }) {
  const member = useSession((state) => state.member);
  const committee = hasAnyRole(member, ['committee']);
  const [open, setOpen] = useState(value.length > 0);
  const rows = useRemote(orgRows, { immediate: committee });
  // The member's own org is the first row (全体), not repeated as a node of its tree.
  const choices = rows.data?.filter((row) => row.node.id !== member?.orgId) ?? [];
  const nodes = choices.map((row) => row.node);
  const chosen = nodes.filter((node) => value.includes(node.id));
  const whole = `${member?.orgName ?? '本组织'}${committee ? '全体（含下级组织）' : '全体党员'}`;
  const summary = chosen.length ? chosen.map((node) => node.name).join('、') : whole;

  return (
    <View className="field target-picker">
      <Text className="field-label">发布范围</Text>
      <View className="target-picker-main">
        <Text className="target-picker-summary">{summary}</Text>
        {committee ? (
          <Text className="target-picker-toggle" onClick={() => setOpen(!open)}>
            {open ? '收起 ▴' : '选择组织 ▾'}
          </Text>
        ) : null}
      </View>
      {committee && open ? (
        <View className="target-picker-list">
          {rows.error ? (
            <Text className="form-error" onClick={() => void rows.reload()}>
              组织加载失败，点此重试
            </Text>
          ) : null}
          {rows.loading && !rows.data ? <Text className="muted">正在加载组织…</Text> : null}
          <View
            className={`target-picker-row${chosen.length ? '' : ' target-picker-row--on'}`}
            onClick={() => onChange([])}
          >
            <Text className="target-picker-name">{whole}</Text>
            <Text className="target-picker-mark">{chosen.length ? '' : '✓'}</Text>
          </View>
          {choices.map(({ node, depth }) => {
            const on = value.includes(node.id);
            const covered = !on && !!coveringTarget(node, chosen);
            return (
              <View
                key={node.id}
                className={`target-picker-row${on ? ' target-picker-row--on' : ''}${covered ? ' target-picker-row--covered' : ''}`}
                style={{ paddingLeft: `${12 + Math.min(Math.max(depth - 1, 0), 4) * 16}px` }}
                onClick={() => onChange(toggleTarget(nodes, value, node.id))}
              >
                <Text className="target-picker-name">{node.name}</Text>
                <Text className="target-picker-mark">{on ? '✓' : covered ? '已含' : ''}</Text>
              </View>
            );
          })}
        </View>
      ) : null}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { transfersApi } from '../../../api/transfers';
import { remoteStatus, StatusView } from '../../../components/status-view';
import { useRemote } from '../../../lib/use-remote';
import type { Picked } from './form';

type Org = Awaited<ReturnType<typeof transfersApi.destinations>>['orgs'][number];

/** /root/general/branch/ → 2: how far under the tree's root an org sits. */
const depthOf = (path: string) => Math.max(0, path.split('/').filter(Boolean).length - 1);

/**
 * 转入支部: the org tree (GET /v1/transfers/destinations) opened under the field, each org indented under its
 * parent. Only branches can be picked, and not the one the member is in now; the 党委 and 党总支 rows give
 * the list its shape.
 */
export function DestinationPicker({
  picked,
  error,
  onPick,
}: {
  picked: Picked | null;
  error?: string | undefined;
  onPick(org: Picked): void;
}) {
  const [open, setOpen] = useState(!picked);
  const tree = useRemote(() => transfersApi.destinations());
  const orgs = tree.data?.orgs ?? [];
  const current = tree.data?.currentOrgId;

  function pick(org: Org) {
    if (org.kind !== 'branch' || org.id === current) return;
    onPick({ id: org.id, name: org.name });
    setOpen(false);
  }

  return (
    <>
      <View className={`field${error ? ' field--bad' : ''}`} onClick={() => setOpen(!open)}>
        <Text className="field-label">转入支部</Text>
        <Text className={`field-value apply-picked${picked ? '' : ' placeholder'}`}>{picked?.name ?? '请选择'}</Text>
        <Text className="apply-switch">{open ? '收起 ▴' : picked ? '更换 ▾' : '选择 ▾'}</Text>
      </View>
      {error ? <Text className="field-error">{error}</Text> : null}
      {open ? (
        <View className="apply-tree">
          <StatusView {...remoteStatus(tree)}>
            {orgs.map((org) => {
              const branch = org.kind === 'branch';
              const here = org.id === current;
              const on = picked?.id === org.id;
              return (
                <View
                  key={org.id}
                  className={`apply-org${branch ? '' : ' apply-org--group'}${here ? ' apply-org--here' : ''}${
                    on ? ' apply-org--on' : ''
                  }`}
                  style={{ paddingLeft: `${16 + depthOf(org.path) * 16}px` }}
                  onClick={() => pick(org)}
                >
                  <Text className="apply-org-name">{org.name}</Text>
                  {here ? <Text className="apply-org-note">现所在支部</Text> : null}
                  {on ? <Text className="apply-org-mark">✓</Text> : null}
                </View>
              );
            })}
          </StatusView>
        </View>
      ) : null}
    </>
  );
}

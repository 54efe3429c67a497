import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { RosterMember } from '../../../../../shared/org/schemas';
import { exportRosterBlob, exportRosterFile, type RosterStatus } from '../../../api/org';
import { BranchPicker, useBranchChoices } from '../../../components/branch-picker';
import { LoadMore } from '../../../components/load-more';
import { PageRoot } from '../../../components/page-root';
import { EmptyBlock, StatusView } from '../../../components/status-view';
import { errorMessage } from '../../../lib/errors';
import { roleLabels } from '../../../lib/format';
import { go, queryValue, replace } from '../../../lib/nav';
import { hasAnyRole, useSession } from '../../../store/session';
import { useRoster } from './use-roster';
import './index.scss';

const STATUSES: [RosterStatus, string][] = [
  ['active', '在册'],
  ['inactive', '已停用'],
  ['all', '全部'],
];

/** A branch's roster, one compact row a person (phone and ID number masked by the server); search and filter. */
export default function RosterPage() {
  const params = useRouter().params;
  const member = useSession((state) => state.member);
  const branchName = useSession((state) => state.branchName);
  const orgId = params.orgId ?? member?.orgId ?? '';
  const orgName = params.orgName ? queryValue(params.orgName) : (branchName ?? member?.orgName ?? '');
  const canManage = Boolean(member?.roles.some((role) => role === 'secretary' || role === 'committee'));
  const committee = hasAnyRole(member, ['committee']);
  const branches = useBranchChoices();
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for committee staff (the org picker)
  useEffect(() => {
    if (committee) void branches.reload();
  }, [committee]);

  const [status, setStatus] = useState<RosterStatus>('active');
  const [query, setQuery] = useState('');
  const [exporting, setExporting] = useState(false);
  const roster = useRoster(orgId);
  const { items, cursor, loading, error } = roster;
  const shown = useRef(false);
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list per branch and status
  useEffect(() => {
    void roster.reload({ status, q: query });
  }, [orgId, status]);
  // Back from a member's page or the add form: show what changed.
  useDidShow(() => {
    if (shown.current) void roster.reload();
    shown.current = true;
  });
  useReachBottom(() => void roster.more());

  function search(text: string) {
    setQuery(text);
    if (typing.current) clearTimeout(typing.current);
    typing.current = setTimeout(() => void roster.reload({ status, q: text }), 300);
  }

  async function exportRoster() {
    if (exporting) return;
    setExporting(true);
    try {
      if (process.env.TARO_ENV === 'h5') {
        const url = URL.createObjectURL(await exportRosterBlob(orgId));
        const link = document.createElement('a');
        link.href = url;
        link.download = `${orgName || '支部'}花名册.xlsx`;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      } else {
        const filePath = await exportRosterFile(orgId);
        await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
      }
    } catch (caught) {
      void Taro.showToast({ title: errorMessage(caught), icon: 'none' });
    } finally {
      setExporting(false);
    }
  }

  const filtered = query.trim() !== '';
  return (
    <PageRoot className="roster">
      {committee && branches.data?.length ? (
        <BranchPicker
          branches={branches.data}
          pickedId={orgId}
          onPick={(branch) => replace('roster', { orgId: branch.id, orgName: branch.name })}
        />
      ) : null}
      <View className="roster-top">
        <View className="roster-title-line">
          <Text className="roster-title">
            {orgName}
            {items ? ` · ${items.length}${cursor ? '+' : ''} 人` : ''}
          </Text>
          {canManage ? (
            <View className="roster-tools">
              <View className="roster-tool" onClick={() => go('rosterImport', { orgId, orgName })}>
                导入
              </View>
              <View className="roster-tool" onClick={() => void exportRoster()}>
                {exporting ? '导出中…' : '导出'}
              </View>
              <View className="roster-tool roster-tool--main" onClick={() => go('memberAdd', { orgId, orgName })}>
                添加党员
              </View>
            </View>
          ) : null}
        </View>
        <View className="roster-search">
          <Input
            className="roster-search-input"
            placeholder="搜索姓名"
            confirmType="search"
            maxlength={20}
            value={query}
            onInput={(event) => search(event.detail.value)}
            onConfirm={(event) => search(event.detail.value)}
          />
          {query ? (
            <View className="roster-search-clear" onClick={() => search('')}>
              ×
            </View>
          ) : null}
        </View>
        <View className="roster-filters">
          {STATUSES.map(([value, label]) => (
            <View
              key={value}
              className={`roster-filter${status === value ? ' roster-filter--on' : ''}`}
              onClick={() => setStatus(value)}
            >
              {label}
            </View>
          ))}
        </View>
      </View>
      <StatusView
        loading={loading}
        error={error?.message ?? null}
        failure={error?.failure}
        hasData={items !== null}
        onRetry={() => void roster.reload()}
      >
        {items && items.length === 0 ? (
          <EmptyBlock text={filtered ? `没有姓名含“${query.trim()}”的党员` : '暂无党员'} />
        ) : null}
        <View className="roster-list">
          {items?.map((person) => (
            <RosterRow key={person.id} person={person} orgId={orgId} canManage={canManage} />
          ))}
        </View>
        <LoadMore more={!!items && !!cursor} loading={loading} onMore={() => void roster.more()} />
      </StatusView>
    </PageRoot>
  );
}

function RosterRow({ person, orgId, canManage }: { person: RosterMember; orgId: string; canManage: boolean }) {
  const roles = person.roles.filter((role) => role !== 'member');
  return (
    <View
      className={`roster-item${person.status === 'inactive' ? ' roster-item--inactive' : ''}`}
      onClick={() => go('memberDetail', { id: person.id, orgId, name: person.name })}
    >
      <View className="roster-main">
        <View className="roster-line1">
          <Text className="roster-name">{person.name}</Text>
          {roleLabels(roles).map((label) => (
            <Text key={label} className="tag roster-tag">
              {label}
            </Text>
          ))}
          {person.status === 'inactive' ? (
            <Text className="tag tag--grey roster-tag">已停用</Text>
          ) : person.bound ? null : (
            <Text className="tag tag--warn roster-tag">未绑定</Text>
          )}
        </View>
        <View className="roster-line2">
          <Text className="roster-phone">手机 {person.phoneMasked}</Text>
          <Text className="roster-id">身份证 {person.idNumberMasked}</Text>
        </View>
      </View>
      {canManage && person.status === 'active' && !person.bound ? (
        <View
          className="roster-bind"
          onClick={(event) => {
            event.stopPropagation();
            go('bindingCode', { memberId: person.id, name: person.name });
          }}
        >
          绑定码
        </View>
      ) : (
        <Text className="roster-chevron">›</Text>
      )}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { CATEGORY_LABELS, GENDER_LABELS } from '../../../../../shared/org/rules';
import type { RosterMember } from '../../../../../shared/org/schemas';
import { orgApi } from '../../../api/org';
import { EmptyBlock, StatusView } from '../../../components/status-view';
import { roleLabels } from '../../../lib/format';
import { go, queryValue } from '../../../lib/nav';
import { usePagedList } from '../../../lib/use-paged-list';
import { useSession } from '../../../store/session';
import './index.scss';

/** A branch's roster (phone and ID number masked by the server); unbound members can get a 绑定码. */
export default function RosterPage() {
  const params = useRouter().params;
  const member = useSession((state) => state.member);
  const branchName = useSession((state) => state.branchName);
  const orgId = params.orgId ?? member?.orgId ?? '';
  const orgName = params.orgName ? queryValue(params.orgName) : (branchName ?? member?.orgName ?? '');

  const { items, cursor, loading, error, load } = usePagedList<RosterMember>((cursor) => orgApi.roster(orgId, cursor));

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once per branch
  useEffect(() => {
    void load(true);
  }, [orgId]);
  useReachBottom(() => void load(false));

  return (
    <View className="page roster">
      <Text className="section-title">
        {orgName}
        {items ? ` · 共 ${items.length}${cursor ? '+' : ''} 人` : ''}
      </Text>
      <StatusView loading={loading} error={error} hasData={items !== null} onRetry={() => void load(items === null)}>
        {items && items.length === 0 ? <EmptyBlock text="该支部暂无党员" /> : null}
        {items?.map((person) => (
          <View key={person.id} className="card roster-item">
            <View className="row">
              <Text className="roster-name">
                {person.name}
                <Text className="muted">
                  {' '}
                  {GENDER_LABELS[person.gender]} · {CATEGORY_LABELS[person.category]}
                </Text>
              </Text>
              {person.status === 'inactive' ? (
                <Text className="tag tag--grey">已停用</Text>
              ) : person.bound ? (
                <Text className="tag tag--ok">已绑定</Text>
              ) : (
                <Text className="tag tag--warn">未绑定</Text>
              )}
            </View>
            <View className="roster-roles">
              {roleLabels(person.roles).map((label) => (
                <Text key={label} className="tag">
                  {label}
                </Text>
              ))}
            </View>
            <Text className="muted roster-line">手机 {person.phoneMasked}</Text>
            <Text className="muted roster-line">身份证 {person.idNumberMasked}</Text>
            {person.status === 'active' && !person.bound ? (
              <View
                className="roster-bind"
                onClick={() => go('bindingCode', { memberId: person.id, name: person.name })}
              >
                生成绑定码
              </View>
            ) : null}
          </View>
        ))}
        {items && cursor ? (
          <View className="roster-more" onClick={() => void load(false)}>
            {loading ? '加载中…' : '加载更多'}
          </View>
        ) : null}
      </StatusView>
    </View>
  );
}

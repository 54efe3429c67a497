import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageRoot } from '../../../components/page-root';
import { EmptyBlock } from '../../../components/status-view';
import { queryValue } from '../../../lib/nav';
import { ActivityList } from '../../tabs/activities/activity-list';
import './index.scss';

/** Committee staff: one branch's activities, opened from the org tree or the committee's 首页. */
export default function OrgActivitiesPage() {
  const params = useRouter().params;
  const orgId = queryValue(params.orgId);
  const orgName = queryValue(params.orgName);
  return (
    <PageRoot className="org-activities">
      <Text className="section-title">{orgName ? `${orgName} · 活动` : '支部活动'}</Text>
      {orgId ? (
        <ActivityList key={orgId} orgId={orgId} emptyText="该支部还没有活动" />
      ) : (
        <EmptyBlock text="未指定支部" />
      )}
    </PageRoot>
  );
}

/**
 * Demo 党建新闻 and 信息发布 (DESIGN §3, issue 8): a few realistic notices of today, published once through the
 * notices service (so their audience entries and messages exist like any other), marked done by their own
 * seed marker — a database seeded before notices existed gets them on its next start.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../functions/commons/config';
import { dynamo } from '../functions/commons/dynamo';
import { createNotice } from '../functions/notices/service';
import * as org from '../functions/org/service';
import type { MemberClaims } from '../shared/auth/roles';
import type { CreateNoticeRequest } from '../shared/notices/schemas';
import { toShanghai } from '../shared/time';

const MARKER = { pk: 'SEED#notices', sk: 'SEED' };

/** The committee's notices are signed by its office, as hospitals do; it is not a person on the roster. */
const PARTY_OFFICE = { memberId: 'party-office', name: '党委办公室' };

function demoNotices(
  year: number,
): { by: 'office' | 'secretary-1'; minutesAgo: number; notice: CreateNoticeRequest }[] {
  return [
    {
      by: 'office',
      minutesAgo: 180,
      notice: {
        kind: 'news',
        title: `医院党委召开${year}年度党建工作推进会`,
        body: [
          `近日，医院党委召开${year}年度党建工作推进会，党委委员、各党总支和党支部书记参加会议。`,
          '会议通报了上半年党建工作和“三会一课”落实情况，部署了下一阶段党员教育、支部标准化规范化建设和医德医风建设等重点任务。',
          '会议强调，各支部要把党建工作与医疗业务深度融合，发挥党员在急难险重任务中的先锋模范作用，以高质量党建引领医院高质量发展。',
        ].join('\n\n'),
      },
    },
    {
      by: 'office',
      minutesAgo: 120,
      notice: {
        kind: 'notice',
        title: '关于按时足额交纳本季度党费的通知',
        body: [
          '各党总支、党支部：',
          '根据《关于中国共产党党费收缴、使用和管理的规定》，请各支部督促党员按月按时足额交纳党费，组织委员做好收缴登记。',
          '党员可在小程序“党费”栏目在线交纳，也可向本支部组织委员交纳现金并取得收据。请于本月25日前完成本季度党费收缴工作。',
          '特此通知。',
        ].join('\n\n'),
      },
    },
    {
      by: 'office',
      minutesAgo: 60,
      notice: {
        kind: 'news',
        title: '我院党员志愿服务队走进社区开展义诊活动',
        body: [
          '周六上午，我院党员志愿服务队来到幸福里社区，开展“党员先锋岗·健康进社区”义诊活动。',
          '来自内科、外科、行政后勤等支部的二十余名党员志愿者为居民提供血压血糖测量、慢病用药咨询和健康讲座，共服务群众三百余人次。',
        ].join('\n\n'),
      },
    },
    {
      by: 'secretary-1',
      minutesAgo: 30,
      notice: {
        kind: 'notice',
        title: '内科第一党支部关于召开本月组织生活会的通知',
        body: [
          '支部全体党员：',
          '支部定于本周四19:00在门诊楼五楼会议室召开组织生活会，主题为“对照党章党规，查找差距不足”。',
          '请各位党员提前准备个人对照检查发言提纲，因故不能参加的请提前向支部书记请假。',
        ].join('\n\n'),
      },
    },
  ];
}

export async function seedNotices(committeeId: string, nowMs = Date.now()): Promise<boolean> {
  const marker = await dynamo().send(new GetCommand({ TableName: tableName(), Key: MARKER, ConsistentRead: true }));
  if (marker.Item) return false;
  const [committee, branch, secretary] = await Promise.all([
    org.requireOrg(committeeId),
    org.requireOrg('org-branch-1'),
    org.requireMember('m-demo-secretary-1'),
  ]);
  const authors: Record<'office' | 'secretary-1', MemberClaims> = {
    office: { kind: 'member', ...PARTY_OFFICE, orgId: committee.id, orgPath: committee.path, roles: ['committee'] },
    'secretary-1': {
      kind: 'member',
      memberId: secretary.id,
      name: secretary.name,
      orgId: branch.id,
      orgPath: branch.path,
      roles: secretary.roles,
    },
  };
  // All of today (Asia/Shanghai): never before midnight, however early the first start is.
  const midnight = toShanghai(nowMs).startOf('day').valueOf();
  for (const [i, seed] of demoNotices(toShanghai(nowMs).year()).entries()) {
    const at = Math.max(nowMs - seed.minutesAgo * 60_000, midnight + i * 60_000);
    await createNotice(seed.notice, authors[seed.by], at);
  }
  await dynamo().send(
    new PutCommand({ TableName: tableName(), Item: { ...MARKER, at: new Date(nowMs).toISOString() } }),
  );
  return true;
}

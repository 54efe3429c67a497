/**
 * Seeds the 党建知识 library once (a marker of its own, so a database seeded before the library existed gets
 * it too), through the same services the API uses: the categories, the 党委's library for the whole hospital,
 * two items per branch from its secretary, and a few evenings of study by some demo accounts (streaks and
 * history to show; demo-member-1 and most others start with none).
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../functions/commons/config';
import { dynamo } from '../functions/commons/dynamo';
import { newId } from '../functions/commons/ids';
import { currentClaims } from '../functions/org/service';
import { DEFAULT_STUDY_SECONDS_PER_MINUTE } from '../functions/study/config';
import { createItem, forgetCategories } from '../functions/study/items';
import { putSession } from '../functions/study/progress-store';
import { completeSession } from '../functions/study/sessions';
import { putCategories } from '../functions/study/store';
import type { MemberClaims } from '../shared/auth/roles';
import { startClock } from '../shared/study/heartbeat';
import { SEED_CATEGORIES } from '../shared/study/schemas';
import { shiftDay } from '../shared/study/streak';
import { fromShanghai, shanghaiDay } from '../shared/time';
import { article, HOSPITAL_LIBRARY, type LibraryItem } from './study-library';

const MARKER = { pk: 'SEED#study', sk: 'SEED' };
const HOUR = 3600_000;

/** Each branch's own material, published by its secretary to the branch. */
const BRANCH_LIBRARY: readonly (readonly [number, LibraryItem])[] = [
  [
    1,
    {
      id: 'study-branch-1-a',
      title: '支部学习：慢病管理中的党员先锋岗',
      category: 'ethics',
      kind: 'article',
      minMinutes: 5,
      body: article(
        '## 本月重点',
        '党员医生每人联系五名出院慢病患者，**按时电话随访**，记录用药和复查情况。',
        '## 要求',
        '随访情况在月底支部委员会上汇报。',
      ),
    },
  ],
  [
    1,
    {
      id: 'study-branch-1-b',
      title: '支部学习：主题党日学习材料',
      category: 'theory',
      kind: 'article',
      minMinutes: 3,
      body: article('## 学习内容', '重温入党誓词，交流入党初心；结合科室工作谈一谈如何改善患者就医体验。'),
    },
  ],
  [
    2,
    {
      id: 'study-branch-2-a',
      title: '支部学习：手术安全核查与党员责任',
      category: 'ethics',
      kind: 'article',
      minMinutes: 5,
      body: article(
        '## 三方核查',
        '麻醉实施前、手术开始前、患者离开手术室前，手术医生、麻醉医生和巡回护士**共同核对**患者身份和手术部位。',
        '## 党员带头',
        '党员在核查中不走过场，发现问题及时叫停。',
      ),
    },
  ],
  [
    2,
    {
      id: 'study-branch-2-b',
      title: '支部学习：围手术期患者沟通要点',
      category: 'ethics',
      kind: 'article',
      minMinutes: 3,
      body: article('## 术前谈话', '用患者听得懂的话讲清手术方式、风险和替代方案，**给患者和家属提问的时间**。'),
    },
  ],
  [
    3,
    {
      id: 'study-branch-3-a',
      title: '支部学习：后勤服务保障中的作风建设',
      category: 'theory',
      kind: 'article',
      minMinutes: 5,
      body: article('## 服务临床', '后勤党员下沉科室收集需求，维修报修“接单即响应”，**限时办结**。'),
    },
  ],
  [
    3,
    {
      id: 'study-branch-3-b',
      title: '支部学习：公文处理与保密工作',
      category: 'rules',
      kind: 'article',
      minMinutes: 3,
      body: article('## 保密要求', '涉密文件专人管理、专柜存放，**不在微信等即时通信工具中传递涉密信息**。'),
    },
  ],
];

/** Evenings of study, oldest first: who, how many days before today, which of the hospital's items. */
const HISTORY: readonly (readonly [string, number, number])[] = [
  ['demo-committee', 4, 14],
  ['demo-committee', 3, 13],
  ['demo-member-25', 3, 11],
  ['demo-committee', 2, 12],
  ['demo-member-2', 2, 14],
  ['demo-committee', 1, 11],
  ['demo-member-2', 1, 13],
  ['demo-member-14', 1, 14],
  ['demo-member-25', 1, 10],
];

const claimsOf = (openid: string): Promise<MemberClaims> =>
  currentClaims({ kind: 'member', memberId: `m-${openid}`, name: '', orgId: '', orgPath: '', roles: [] });

/** A completion at `atMs` of a session that studied the item's full minimum (by the production minute). */
async function studied(openid: string, item: LibraryItem, atMs: number): Promise<void> {
  const claims = await claimsOf(openid);
  const requiredSeconds = item.minMinutes * DEFAULT_STUDY_SECONDS_PER_MINUTE;
  const session = {
    id: newId('ss'),
    itemId: item.id,
    memberId: claims.memberId,
    requiredSeconds,
    ...startClock(atMs),
    creditedMs: requiredSeconds * 1000,
    startedAt: new Date(atMs - requiredSeconds * 1000).toISOString(),
    version: 1,
    expiresAt: Math.floor(atMs / 1000) + 7 * 86_400,
  };
  await putSession(session);
  await completeSession(session.id, claims, atMs);
}

/** → true when it seeded, false when the library was already there. */
export async function seedStudyLibrary(nowMs = Date.now()): Promise<boolean> {
  const marker = await dynamo().send(new GetCommand({ TableName: tableName(), Key: MARKER, ConsistentRead: true }));
  if (marker.Item) return false;
  await putCategories(SEED_CATEGORIES.map((category, i) => ({ ...category, order: i + 1 })));
  forgetCategories();
  const committee = await claimsOf('demo-committee');
  // Newest first as listed: the first item went out 20 hours ago, each next one 20 hours earlier.
  for (const [i, { id, ...item }] of HOSPITAL_LIBRARY.entries()) {
    await createItem(item, committee, nowMs - (i + 1) * 20 * HOUR, id);
  }
  for (const [i, [branch, { id, ...item }]] of BRANCH_LIBRARY.entries()) {
    const secretary = await claimsOf(`demo-secretary-${branch}`);
    await createItem({ ...item, orgIds: [`org-branch-${branch}`] }, secretary, nowMs - (i + 1) * 7 * HOUR, id);
  }
  const today = shanghaiDay(nowMs);
  for (const [openid, daysBack, index] of HISTORY) {
    const at = Date.parse(fromShanghai(`${shiftDay(today, -daysBack)} 20:30`));
    await studied(openid, HOSPITAL_LIBRARY[index]!, at);
  }
  await dynamo().send(
    new PutCommand({ TableName: tableName(), Item: { ...MARKER, at: new Date(nowMs).toISOString() } }),
  );
  return true;
}

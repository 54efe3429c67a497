/** Seeds the demo organisation once (a marker item says it is done), through the same services the API uses. */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { putBinding } from '../functions/auth/store';
import { tableName } from '../functions/commons/config';
import { dynamo } from '../functions/commons/dynamo';
import { createActivity } from '../functions/meetings/lifecycle';
import { scheduleOf, syncSessions } from '../functions/meetings/schedule';
import { bindOpenidItem, createMember, createOrg, findOrg, type OrgRecord } from '../functions/org/service';
import { addDays, isoWeekday } from '../shared/meetings/schedule';
import { fromShanghai, shanghaiDay, toShanghai } from '../shared/time';
import { BRANCHES, demoPeople } from './demo-data';

const MARKER = { pk: 'SEED#demo', sk: 'SEED' };

export interface SeedResult {
  readonly seeded: boolean;
  readonly committeeId: string;
  readonly branchIds: string[];
}

export async function seedDemo(nowMs = Date.now()): Promise<SeedResult> {
  const marker = await dynamo().send(new GetCommand({ TableName: tableName(), Key: MARKER, ConsistentRead: true }));
  if (marker.Item) {
    return {
      seeded: false,
      committeeId: marker.Item.committeeId as string,
      branchIds: marker.Item.branchIds as string[],
    };
  }
  const committee = await createOrg({ id: 'org-committee', name: '先锋医院党委', kind: 'committee', parent: null });
  const general = await createOrg({
    id: 'org-general-1',
    name: '临床党总支',
    kind: 'general_branch',
    parent: committee,
  });
  const branches: OrgRecord[] = [];
  for (const branch of BRANCHES) {
    const parent = branch.underGeneralBranch ? general : committee;
    branches.push(await createOrg({ id: `org-${branch.key}`, name: branch.name, kind: 'branch', parent }));
  }
  for (const { openid, home, roles, ...fields } of demoPeople()) {
    const org = home === 'committee' ? committee : branches[home]!;
    const member = await createMember(org, {
      ...fields,
      id: `m-${openid}`,
      roles: roles.filter((r): r is 'secretary' | 'organizer' => r !== 'committee'),
      extraRoles: roles.includes('committee') ? ['committee'] : [],
    });
    await putBinding(openid, member.id, bindOpenidItem(member.id, openid));
  }
  // Today's 主题党日 for every branch: from the start of this hour, three hours long (Asia/Shanghai).
  const start = toShanghai(nowMs).startOf('hour');
  for (const [i, branch] of branches.entries()) {
    const secretary = {
      kind: 'member' as const,
      memberId: `m-demo-secretary-${i + 1}`,
      name: '',
      orgId: branch.id,
      orgPath: branch.path,
      roles: [],
    };
    await createActivity(
      {
        orgId: branch.id,
        title: `${start.format('M')}月主题党日：重温入党誓词`,
        startAt: fromShanghai(start.format('YYYY-MM-DD HH:mm')),
        endAt: fromShanghai(start.add(3, 'hour').format('YYYY-MM-DD HH:mm')),
      },
      secretary,
      nowMs,
    );
  }
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...MARKER,
        committeeId: committee.id,
        branchIds: branches.map((b) => b.id),
        at: new Date(nowMs).toISOString(),
      },
    }),
  );
  return { seeded: true, committeeId: committee.id, branchIds: branches.map((b) => b.id) };
}

/**
 * The demo branches' 周二夜学 from this week's Monday on: this week's session even when its evening has passed
 * (a demo shows one), and the coming weeks'. Idempotent (the sessions' ids are per branch and date), so
 * `npm start` runs it with the local jobs on every start; not part of seedDemo, whose fixed set of today's
 * and this month's meetings the tests count. → sessions created.
 */
export async function seedNightStudy(nowMs = Date.now()): Promise<number> {
  const marker = await dynamo().send(new GetCommand({ TableName: tableName(), Key: MARKER, ConsistentRead: true }));
  const today = shanghaiDay(nowMs);
  const monday = addDays(today, 1 - isoWeekday(today));
  let created = 0;
  for (const id of (marker.Item?.branchIds as string[] | undefined) ?? []) {
    const branch = await findOrg(id);
    if (!branch) continue;
    const { plan } = await scheduleOf(branch.id);
    created += (await syncSessions(branch, plan, nowMs, { fromDay: monday, includeStarted: true })).created;
  }
  return created;
}

/**
 * Demo 组织关系转接 for `npm start` (DESIGN §3: "one pending transfer"), once (a marker item), through the very
 * services the API runs: the 党委's letter prefix 象医党转; demo-member-12 asking to move from branch 1 to branch 3
 * (on demo-secretary-1's 待我审批); demo-member-24's move from branch 2 to branch 3 already approved by its
 * secretary (on demo-committee's 待我审批). Not part of the test seed: the tests count transfers from zero.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../functions/commons/config';
import { dynamo } from '../functions/commons/dynamo';
import { findMember, type MemberRecord, requireOrg } from '../functions/org/service';
import { applyTransfer } from '../functions/transfers/apply';
import { saveSettings } from '../functions/transfers/settings';
import { decide } from '../functions/transfers/steps';
import type { MemberClaims } from '../shared/auth/roles';

const MARKER = { pk: 'SEED#transfers', sk: 'SEED' };

const claimsOf = (member: MemberRecord): MemberClaims => ({
  kind: 'member',
  memberId: member.id,
  name: member.name,
  orgId: member.orgId,
  orgPath: member.orgPath,
  roles: member.roles,
});

async function demo(openid: string): Promise<MemberRecord | null> {
  return findMember(`m-${openid}`);
}

export async function seedTransfers(nowMs = Date.now()): Promise<boolean> {
  const marker = await dynamo().send(new GetCommand({ TableName: tableName(), Key: MARKER, ConsistentRead: true }));
  if (marker.Item) return false;
  const [staff, waiting, approved, secretary2] = await Promise.all(
    ['demo-committee', 'demo-member-12', 'demo-member-24', 'demo-secretary-2'].map(demo),
  );
  if (!staff || !waiting || !approved || !secretary2) return false;
  const committee = await requireOrg(staff.orgId);
  await saveSettings(committee, { letterPrefix: '象医党转', validityDays: null, version: 0 }, claimsOf(staff), nowMs);
  await applyTransfer(
    { kind: 'internal', toOrgId: 'org-branch-3', reason: '工作调动到门诊部，申请将组织关系转入门诊党支部' },
    claimsOf(waiting),
    nowMs,
  );
  const second = await applyTransfer(
    { kind: 'internal', toOrgId: 'org-branch-3', reason: '科室调整，随科室转入' },
    claimsOf(approved),
    nowMs,
  );
  await decide(second.id, { action: 'approve', comment: '同意转出，党费已交清' }, claimsOf(secretary2), nowMs);
  await dynamo().send(
    new PutCommand({ TableName: tableName(), Item: { ...MARKER, at: new Date(nowMs).toISOString() } }),
  );
  return true;
}

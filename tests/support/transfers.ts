/**
 * 组织关系转接 test fixtures: applying and deciding through the API as members, secretaries and committee staff
 * would; committee staff of a 党总支 (the demo has none); and the authorisation matrix's and list fuzzer's data.
 */
import { DeleteCommand, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { putBinding } from '../../functions/auth/store';
import { tableName } from '../../functions/commons/config';
import { dynamo } from '../../functions/commons/dynamo';
import { bindOpenidItem, createMember, requireOrg } from '../../functions/org/service';
import { fixedWindow, RATE_LIMITS } from '../../shared/http/rate-limits';
import { withIdChecksum } from '../../shared/org/rules';
import { shanghaiDay } from '../../shared/time';
import type { Json } from './dues';
import { newPerson } from './people';
import type { ApiAnswer, apiClient } from './stack';

type Api = ReturnType<typeof apiClient>;

export type { Json };

export const BRANCH_1 = 'org-branch-1';
export const BRANCH_2 = 'org-branch-2';
/** Directly under the 党委 (branches 1 and 2 are under the 党总支 org-general-1). */
export const BRANCH_3 = 'org-branch-3';
export const GENERAL = 'org-general-1';
export const COMMITTEE = 'org-committee';

export const internal = (toOrgId: string, extra: Json = {}) => ({
  kind: 'internal',
  toOrgId,
  reason: '工作调动，到新科室工作',
  ...extra,
});
export const outbound = (extra: Json = {}) => ({
  kind: 'outbound',
  destination: { name: '浙江省人民医院党委', contact: '0571-88888888' },
  reason: '调往外省工作',
  ...extra,
});

export function apply(api: Api, token: string, body: unknown): Promise<ApiAnswer<Json>> {
  return api.call<Json>('POST', '/v1/transfers', { token, body });
}

export function act(
  api: Api,
  token: string,
  id: string,
  action: 'approve' | 'reject' | 'withdraw',
  body: Json = {},
): Promise<ApiAnswer<Json>> {
  return api.call<Json>('POST', `/v1/transfers/${id}/${action}`, { token, body });
}

export function detail(api: Api, token: string, id: string): Promise<ApiAnswer<Json>> {
  return api.call<Json>('GET', `/v1/transfers/${id}`, { token });
}

/** Applies and expects 201: → the transfer. */
export async function applied(api: Api, token: string, body: unknown): Promise<Json> {
  const answer = await apply(api, token, body);
  if (answer.status !== 201) throw new Error(`apply: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.transfer;
}

/** Takes the step and expects 200: → the transfer. */
export async function stepped(
  api: Api,
  token: string,
  id: string,
  action: 'approve' | 'reject' | 'withdraw' = 'approve',
  body: Json = {},
): Promise<Json> {
  const answer = await act(api, token, id, action, body);
  if (answer.status !== 200) throw new Error(`${action}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.transfer;
}

/**
 * Committee staff of `orgId` (a 党总支, say), bound to `openid` as the seed binds the demo accounts: the API gives
 * the committee role to nobody, so the fixture goes through the org service like the seed does.
 */
export async function committeeStaff(api: Api, orgId: string, openid: string) {
  const org = await requireOrg(orgId);
  const member = await createMember(org, { ...newPerson('总支委员'), extraRoles: ['committee'] });
  await putBinding(openid, member.id, bindOpenidItem(member.id, openid));
  return api.loginAs(openid);
}

/** The per-member write fence (60 a minute) counts every test write; a test that writes more clears it. */
export async function clearWriteWindow(memberId: string): Promise<void> {
  const rule = RATE_LIMITS.writesPerMember;
  const { start } = fixedWindow(rule, Date.now());
  await dynamo().send(
    new DeleteCommand({ TableName: tableName(), Key: { pk: `RATE#${rule.name}#${memberId}`, sk: String(start) } }),
  );
}

/** The maintained member counts, as the committee's org tree shows them. */
export async function memberCounts(api: Api, committeeToken: string): Promise<Record<string, number>> {
  const tree = await api.call<Json>('GET', '/v1/orgs/tree', { token: committeeToken });
  return Object.fromEntries(tree.body.nodes.map((node: Json) => [node.id, node.memberCount]));
}

/** The member item as stored (consistent read). */
export async function storedMember(id: string): Promise<Json> {
  const found = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: { pk: `MEMBER#${id}`, sk: 'MEMBER' }, ConsistentRead: true }),
  );
  return found.Item!;
}

/**
 * The injected failure: just before each transaction that writes the member (the move) is sent, the member's
 * version is bumped, as an edit between the read and the write would — `times` times, then no more.
 */
export function editMemberBeforeEachMove(memberId: string, times: number) {
  const client = dynamo();
  const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  let edits = 0;
  const spy = jest.spyOn(client, 'send').mockImplementation((async (command: unknown) => {
    const moves =
      command instanceof TransactWriteCommand &&
      command.input.TransactItems?.some((item) => item.Put?.Item?.pk === `MEMBER#${memberId}`);
    if (moves && edits < times) {
      edits += 1;
      await send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { pk: `MEMBER#${memberId}`, sk: 'MEMBER' },
          UpdateExpression: 'SET version = version + :one',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
    }
    return send(command);
  }) as never);
  return { restore: () => spy.mockRestore(), edits: () => edits };
}

// ── the authorisation matrix and the list fuzzer ─────────────────────────────────────────────────────────

export interface TransferBranch {
  readonly orgId: string;
  readonly memberId: string;
  /** An internal transfer of the branch's matrix member to branch 3, applied by the branch's secretary. */
  readonly transferId: string;
  /** An outbound transfer of the next member, applied by the secretary (waiting at the out-branch). */
  readonly outboundId: string;
}

/** Branch n's transfers for the matrix: demo member `memberNo` internal, `memberNo + 1` outbound. */
export async function matrixTransfers(api: Api, n: number, memberNo: number) {
  const secretary = (await api.loginAs(`demo-secretary-${n}`)).token;
  const first = await applied(api, secretary, internal(BRANCH_3, { memberId: `m-demo-member-${memberNo}` }));
  const second = await applied(api, secretary, outbound({ memberId: `m-demo-member-${memberNo + 1}` }));
  return { transferId: first.id as string, outboundId: second.id as string };
}

let serial = 0;
const today = () => shanghaiDay(Date.now());

/**
 * A valid request for each transfers route aimed at a branch's transfers: a refusal can only come from
 * authorisation. State answers (409 once a step is decided, 404 for a transfer the caller is not on) are fine.
 */
export const transferFixtures: Record<string, (b: TransferBranch) => { params?: Json; query?: Json; body?: unknown }> =
  {
    // For the branch's member: the member themself or their secretary (409: one is open already).
    'transfers.apply': (b) => ({ body: internal(BRANCH_3, { memberId: b.memberId }) }),
    'transfers.todo': () => ({}),
    'transfers.destinations': () => ({}),
    'transfers.get': (b) => ({ params: { id: b.transferId } }),
    'transfers.approve': (b) => ({ params: { id: b.transferId }, body: { comment: '矩阵测试同意' } }),
    'transfers.reject': (b) => ({ params: { id: b.transferId }, body: { reason: '矩阵测试退回' } }),
    'transfers.withdraw': (b) => ({ params: { id: b.transferId }, body: {} }),
    'transfers.mine': () => ({}),
    'transfers.letter': (b) => ({ params: { id: b.outboundId } }),
    'transfers.receipt': (b) => ({
      params: { id: b.outboundId },
      body: { receivedBy: '浙江省人民医院党委组织部', receivedAt: today() },
    }),
    'transfers.inbound': (b) => {
      serial += 1;
      return {
        body: {
          member: {
            ...newPerson('转入党员'),
            idNumber: withIdChecksum(`44030519850101${String(500 + serial).slice(-3)}`),
          },
          orgId: b.orgId,
          letter: {
            number: `矩阵党转〔2026〕第${String(serial).padStart(3, '0')}号`,
            from: '外单位党委',
            issuedAt: today(),
          },
        },
      };
    },
    'transfers.orgList': (b) => ({ params: { orgId: b.orgId } }),
    // Settings are the 党委's (the root); version 0 saves once, then 409 — never a refusal for the committee.
    'transfers.getSettings': () => ({ params: { orgId: COMMITTEE } }),
    'transfers.putSettings': () => ({
      params: { orgId: COMMITTEE },
      body: { letterPrefix: '矩阵党转', validityDays: null, version: 0 },
    }),
    'transfersReports.letterPdf': (b) => ({ params: { id: b.outboundId } }),
    'transfersReports.export': (b) => ({ params: { orgId: b.orgId } }),
  };

/** Two transfers of branch 1 waiting at the 党委 (this month): the committee's to-do and the branch's list page. */
export async function someTransfers(api: Api): Promise<void> {
  const secretary = (await api.loginAs('demo-secretary-1')).token;
  for (const memberNo of [6, 7]) {
    const transfer = await applied(api, secretary, internal(BRANCH_3, { memberId: `m-demo-member-${memberNo}` }));
    await stepped(api, secretary, transfer.id);
  }
}

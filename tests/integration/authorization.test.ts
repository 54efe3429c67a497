/**
 * The authorisation matrix, generated from the route table: every route × demo role × own/other branch must
 * be allowed, or refused with 401/403, exactly as the route's `access` and the pure `authorize` rule declare.
 */
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { tableName } from '../../functions/commons/config';
import { dynamo } from '../../functions/commons/dynamo';
import type { Stack } from '../../scripts/stack';
import { authorize, hasRole, type MemberClaims } from '../../shared/auth/roles';
import { fixedWindow, RATE_LIMITS } from '../../shared/http/rate-limits';
import { buildPath, type RouteDef } from '../../shared/http/route';
import { withIdChecksum } from '../../shared/org/rules';
import { allRoutes } from '../../shared/routes';
import { approvedBase, billIdOf, billsFor, type Json, login, thisMonth } from '../support/dues';
import { enrol, patchMember } from '../support/enrol';
import { matrixNotice, noticeBody } from '../support/notices';
import { apiClient, startTestStack } from '../support/stack';
import { studyFixture } from '../support/study';
import { matrixTransfers, transferFixtures } from '../support/transfers';
import { signedNotification } from '../support/wechat-notify';

type Target = 'own' | 'other';
interface Branch {
  orgId: string;
  orgPath: string;
  memberId: string;
  activityId: string;
  /** A study item of the branch (published to it by its secretary) and a session on it of one of its members. */
  studyItemId: string;
  studySessionId: string;
  /** A notice aimed at the branch only (published by committee staff). */
  noticeId: string;
  /** A pending leave of one of its members, on a meeting of tomorrow. */
  leaveId: string;
  /** 党费: a pending base declared by its member, and a cash payment recorded for them. */
  baseId: string;
  paymentId: string;
  /** 组织关系转接: an internal transfer of its member applied by its secretary, and an outbound one. */
  transferId: string;
  outboundId: string;
}
interface Request {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: Uint8Array<ArrayBuffer>;
  contentType?: string;
  headers?: Record<string, string>;
}

let stack: Stack;
let api: ReturnType<typeof apiClient>;
const branches = {} as Record<Target, Branch>;
interface Caller {
  token?: string;
  claims?: MemberClaims;
  kind: 'none' | 'bind' | 'member';
  /** The same person after the roster changed under their token (issue #6). */
  roster?: 'deactivated' | 'demoted';
}
const callers: Record<string, Caller> = {};
/** A real refresh token per call: the public session routes are then refused only by authorisation. */
let freshRefreshToken: () => Promise<string>;
let rosterXlsx: Uint8Array<ArrayBuffer>;
let serial = 0;

async function workbook(): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  sheet.addRow(['姓名', '性别', '手机号', '身份证号', '党员类别', '入党日期']);
  sheet.addRow(['测试党员', '男', '13900001111', withIdChecksum('33022519800101777'), '正式党员', '2010-07-01']);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A valid request for each route aimed at a branch: a refusal can then only come from authorisation. */
const fixtures: Record<string, (b: Branch) => Request | Promise<Request>> = {
  'auth.login': () => ({ body: { code: 'mock-matrix-nobody' } }),
  'auth.bind': () => ({ body: { bindingCode: 'ABCDEFGH' } }),
  'auth.refresh': async () => ({ body: { refreshToken: await freshRefreshToken() } }),
  'auth.logout': async () => ({ body: { refreshToken: await freshRefreshToken() } }),
  'auth.issueBindingCode': (b) => ({ params: { id: b.memberId } }),
  'auth.revokeBindingCode': (b) => ({ params: { id: b.memberId } }),
  'auth.me': () => ({}),
  'org.tree': () => ({}),
  'org.listMembers': (b) => ({ params: { orgId: b.orgId } }),
  'org.createMember': (b) => {
    serial += 1;
    const idNumber = withIdChecksum(`3302251990010${String(100 + serial).slice(-3)}1`.slice(0, 17));
    return {
      params: { orgId: b.orgId },
      body: {
        name: '新党员',
        gender: 'female',
        phone: '13700002222',
        idNumber,
        category: 'probationary',
        joinedAt: '2025-07-01',
      },
    };
  },
  'org.updateMember': (b) => ({ params: { id: b.memberId }, body: { name: '改名字', version: 999 } }),
  'org.importMembers': (b) => ({
    params: { orgId: b.orgId },
    rawBody: rosterXlsx,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  'org.exportMembers': (b) => ({ params: { orgId: b.orgId } }),
  'org.overview': (b) => ({ params: { orgId: b.orgId } }),
  'meetings.createActivity': (b) => ({
    body: {
      orgId: b.orgId,
      title: '矩阵测试活动',
      startAt: new Date().toISOString(),
      endAt: new Date(Date.now() + 3600_000).toISOString(),
    },
  }),
  'meetings.listActivities': (b) => ({ query: { orgId: b.orgId } }),
  'meetings.getActivity': (b) => ({ params: { id: b.activityId } }),
  'meetings.activityQr': (b) => ({ params: { id: b.activityId } }),
  'meetings.checkIn': (b) => ({ params: { id: b.activityId }, body: { qr: 'not-a-code' } }),
  'meetings.board': (b) => ({ params: { id: b.activityId } }),
  // The UTC month: the Shanghai one or the one before it, valid either way.
  'meetings.myAttendance': () => ({ query: { month: new Date().toISOString().slice(0, 7) } }),
  'meetings.patchActivity': (b) => ({ params: { id: b.activityId }, body: { topic: '矩阵测试议题' } }),
  'meetings.recordAttendance': (b) => ({
    params: { id: b.activityId },
    body: { memberId: b.memberId, status: 'present', reason: '矩阵测试补签' },
  }),
  'meetings.checkOut': (b) => ({ params: { id: b.activityId }, body: { qr: 'not-a-code' } }),
  'meetings.requestLeave': (b) => ({ params: { id: b.activityId }, body: { reason: '矩阵测试请假' } }),
  'meetings.activityLeaves': (b) => ({ params: { id: b.activityId } }),
  'meetings.decideLeave': (b) => ({ params: { id: b.leaveId }, body: { approve: true } }),
  'meetings.branchLeaves': (b) => ({ params: { orgId: b.orgId }, query: { status: 'pending' } }),
  'meetings.makeUp': (b) => ({ params: { id: b.activityId } }),
  'meetings.remindMissing': (b) => ({ params: { id: b.activityId } }),
  'meetings.getMeetingSettings': (b) => ({ params: { orgId: b.orgId } }),
  // Settings hold for a whole tree and are set at its root; a frequency outside the legal range is 422.
  'meetings.putMeetingSettings': () => ({
    params: { orgId: 'org-committee' },
    body: { kind: 'party_lecture', frequency: 'half_year', effectiveFrom: '2099-01' },
  }),
  'meetings.getNightStudySchedule': (b) => ({ params: { orgId: b.orgId } }),
  // The default schedule saved again: allowed, it generates the same sessions (one per date) every time.
  'meetings.putNightStudySchedule': (b) => ({
    params: { orgId: b.orgId },
    body: { weekday: 2, start: '19:00', end: '21:00' },
  }),
  'meetings.meetingStats': (b) => ({ params: { orgId: b.orgId } }),
  'meetings.exportAttendance': (b) => ({ params: { orgId: b.orgId } }),
  'meetings.exportMeetingStats': (b) => ({ params: { orgId: b.orgId } }),
  'meetings.createUpload': (b) => ({
    body: { purpose: 'meeting_photo', contentType: 'image/png', size: 100, orgId: b.orgId },
  }),
  // The branch's newest meeting: saved (200), or not started yet (422 RECORD_TOO_EARLY) — never 401/403 when allowed.
  'meetings.saveRecord': (b) => ({
    params: { id: b.activityId },
    body: { minutes: '矩阵测试纪要', photoKeys: [], absentees: [] },
  }),
  'meetings.getRecord': (b) => ({ params: { id: b.activityId } }),
  'study.categories': () => ({}),
  'study.listItems': () => ({ query: { category: 'theory' } }),
  'study.getItem': (b) => ({ params: { id: b.studyItemId } }),
  'study.createItem': (b) => ({
    body: {
      title: '矩阵测试学习',
      category: 'rules',
      kind: 'video',
      videoUrl: 'https://example.cn/v.mp4',
      minMinutes: 5,
      orgIds: [b.orgId],
    },
  }),
  'study.updateItem': (b) => ({
    params: { id: b.studyItemId },
    body: { title: '矩阵测试学习内容（修订）', published: true },
  }),
  'study.listOrgItems': (b) => ({ params: { orgId: b.orgId } }),
  'study.completions': (b) => ({ params: { id: b.studyItemId }, query: { orgId: b.orgId } }),
  'study.startSession': (b) => ({ params: { id: b.studyItemId } }),
  'study.heartbeat': (b) => ({ params: { id: b.studySessionId }, body: { visible: true } }),
  // Opened seconds ago: the answer is 422 STUDY_TOO_SHORT for the session's own member, 404 for anyone else.
  'study.complete': (b) => ({ params: { id: b.studySessionId } }),
  'study.me': () => ({}),
  'study.stats': (b) => ({ params: { orgId: b.orgId } }),
  // A target outside the author's subtree is bad input (400), not a refusal: the matrix sees only 401/403.
  'notices.create': (b) => ({ body: { ...noticeBody('矩阵测试通知'), orgIds: [b.orgId] } }),
  'notices.list': (b) => ({ query: { orgId: b.orgId } }),
  // Not aimed at the caller and not theirs to manage: 404, like a missing notice.
  'notices.get': (b) => ({ params: { id: b.noticeId } }),
  'notices.reads': (b) => ({ params: { id: b.noticeId } }),
  'notices.remind': (b) => ({ params: { id: b.noticeId } }),
  'dues.putBase': (b) => ({
    params: { id: b.memberId },
    body: { year: Number(thisMonth().slice(0, 4)), category: 'employed', monthlyBase: '5400.00' },
  }),
  'dues.memberDues': (b) => ({ params: { id: b.memberId } }),
  // Not scoped: the caller's own bills; an empty selection is bad input (400), never a refusal.
  'dues.createOrder': () => ({ body: { billIds: [] } }),
  'dues.getOrder': () => ({ params: { id: 'DFmatrixnone' } }),
  // Public, signed by WeChat: a true signature for an order we never made is 404, not a refusal.
  'dues.wechatPayNotify': () => {
    const n = signedNotification(stack.wechat.pay.keys, {
      out_trade_no: 'DFmatrixnone',
      amount: { total: 100, currency: 'CNY' },
    });
    return { rawBody: new TextEncoder().encode(n.body), contentType: 'application/json', headers: n.headers };
  },
  'dues.decideBase': (b) => ({ params: { id: b.baseId }, body: { approve: true } }),
  'dues.listBases': (b) => ({ params: { orgId: b.orgId }, query: { status: 'pending' } }),
  'dues.generateBills': (b) => ({ params: { orgId: b.orgId }, body: { month: thisMonth() } }),
  'dues.recordOfflinePayment': (b) => ({
    body: { memberId: b.memberId, billIds: [], channel: 'cash', receiptNo: `M-${++serial}` },
  }),
  'dues.reversePayment': (b) => ({ params: { id: b.paymentId }, body: { reason: '矩阵测试冲正' } }),
  'dues.totals': (b) => ({ params: { orgId: b.orgId } }),
  'dues.arrears': (b) => ({ params: { orgId: b.orgId } }),
  'dues.getSettings': (b) => ({ params: { orgId: b.orgId } }),
  'dues.putSettings': (b) => ({ params: { orgId: b.orgId }, body: { prepayMonths: 0 } }),
  'dues.export': (b) => ({ params: { orgId: b.orgId } }),
  'messages.list': () => ({}),
  // The key holds the caller: another member's message, like a missing one, is 404, never 403.
  'messages.read': () => ({ params: { id: 'nt-matrix-none' } }),
  ...transferFixtures,
};

/** What the declaration says should happen. */
function expected(route: RouteDef, caller: Caller, target: Branch): 'allowed' | 401 | 403 {
  if (route.access === 'public') return 'allowed';
  if (caller.kind === 'none') return 401;
  if (route.access === 'bind') return caller.kind === 'bind' ? 'allowed' : 403;
  if (caller.kind === 'bind' || !caller.claims) return 403;
  // Deactivated: the token still verifies, but the roster says the session is over — on every member route.
  if (caller.roster === 'deactivated') return 401;
  if (!hasRole(caller.claims, route.access)) return 403;
  if (!route.scoped) return 'allowed';
  if (route.ownerOrScope) {
    if (caller.claims.memberId === target.memberId) return 'allowed';
    const others = route.access.filter((role) => role !== 'member');
    return authorize(caller.claims, others, target) === 'ok' ? 'allowed' : 403;
  }
  return authorize(caller.claims, route.access, target) === 'ok' ? 'allowed' : 403;
}

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  rosterXlsx = await workbook();
  callers.none = { kind: 'none' };
  callers.unbound = {
    kind: 'bind',
    token: (await api.call<{ token: string }>('POST', '/v1/auth/login', { body: { code: 'mock-stranger' } })).body
      .token,
  };
  for (const openid of ['demo-committee', 'demo-secretary-1', 'demo-organizer-1', 'demo-member-1']) {
    const { token, member } = await api.loginAs(openid);
    callers[openid] = {
      kind: 'member',
      token,
      claims: {
        kind: 'member',
        memberId: member.id,
        name: member.name,
        orgId: member.orgId,
        orgPath: member.orgPath,
        roles: member.roles as MemberClaims['roles'],
      },
    };
  }
  const committee = callers['demo-committee']!.token!;
  freshRefreshToken = async () => {
    const answer = await api.call<{ refreshToken: string }>('POST', '/v1/auth/login', {
      body: { code: 'mock-demo-member-2' },
    });
    return answer.body.refreshToken;
  };
  // Two secretaries of branch 1 who log in, then lose their role / their membership; their tokens still say
  // 'secretary'. The demoted one must be treated as the plain member the roster now says they are.
  for (const [name, change] of [
    ['secretary, role removed', { roles: [] }],
    ['secretary, deactivated', { status: 'inactive', leaveReason: 'other' }],
  ] as const) {
    const person = await enrol(api, committee, 'org-branch-1', `matrix-${change.roles ? 'demoted' : 'gone'}`, [
      'secretary',
    ]);
    const me = await api.call<{ member: { orgPath: string } }>('GET', '/v1/me', { token: person.token });
    await patchMember(api, committee, person, change);
    callers[name] = {
      kind: 'member',
      token: person.token,
      roster: change.roles ? 'demoted' : 'deactivated',
      claims: {
        kind: 'member',
        memberId: person.id,
        name: '测试人员',
        orgId: 'org-branch-1',
        orgPath: me.body.member.orgPath,
        roles: change.roles ? ['member'] : ['member', 'secretary'],
      },
    };
  }
  for (const [target, n, memberNo] of [
    ['own', 1, 1],
    ['other', 2, 13],
  ] as const) {
    const orgId = `org-branch-${n}`;
    const list = await api.call<{ items: { id: string }[] }>('GET', `/v1/activities?orgId=${orgId}`, {
      token: committee,
    });
    const tree = await api.call<{ nodes: { id: string; path: string }[] }>('GET', '/v1/orgs/tree', {
      token: committee,
    });
    branches[target] = {
      orgId,
      orgPath: tree.body.nodes.find((node) => node.id === orgId)!.path,
      memberId: `m-demo-member-${memberNo}`,
      activityId: list.body.items[0]!.id,
      ...(await studyFixture(api, n, memberNo)),
      noticeId: await matrixNotice(api, committee, orgId),
      leaveId: await matrixLeave(n, memberNo),
      ...(await matrixDues(n, memberNo)),
      ...(await matrixTransfers(api, n, memberNo)),
    };
  }
}, 60_000);

/** A pending leave of `demo-member-<memberNo>` on a meeting of tomorrow in branch n. */
async function matrixLeave(n: number, memberNo: number): Promise<string> {
  const secretary = await api.loginAs(`demo-secretary-${n}`);
  const tomorrow = Date.now() + 86_400_000;
  const created = await api.call<{ activity: { id: string } }>('POST', '/v1/activities', {
    token: secretary.token,
    body: {
      orgId: `org-branch-${n}`,
      title: '矩阵测试请假会议',
      kind: 'party_congress',
      startAt: new Date(tomorrow).toISOString(),
      endAt: new Date(tomorrow + 3600_000).toISOString(),
    },
  });
  const member = await api.loginAs(`demo-member-${memberNo}`);
  const leave = await api.call<{ leave: { id: string } }>('POST', `/v1/activities/${created.body.activity.id}/leaves`, {
    token: member.token,
    body: { reason: '矩阵测试' },
  });
  return leave.body.leave.id;
}

/** A pending base of `demo-member-<memberNo>` and a cash payment for one of their bills (branch n). */
async function matrixDues(n: number, memberNo: number): Promise<{ baseId: string; paymentId: string }> {
  const member = await login(api, `demo-member-${memberNo}`);
  const secretary = (await api.loginAs(`demo-secretary-${n}`)).token;
  const organizer = (await api.loginAs(`demo-organizer-${n}`)).token;
  await approvedBase(api, member, secretary);
  await billsFor(api, organizer, member.orgId, [thisMonth()]);
  const paid = await api.call<Json>('POST', '/v1/dues/offline-payments', {
    token: organizer,
    body: {
      memberId: member.memberId,
      billIds: [billIdOf(member.memberId, thisMonth())],
      channel: 'cash',
      receiptNo: `MX-${n}`,
    },
  });
  const pending = await api.call<Json>('PUT', `/v1/members/${member.memberId}/dues-base`, {
    token: member.token,
    body: { year: Number(thisMonth().slice(0, 4)), category: 'employed', monthlyBase: '6000.00' },
  });
  return { baseId: pending.body.base.id, paymentId: paid.body.payment.id };
}

async function clearWriteWindow(memberId: string): Promise<void> {
  const rule = RATE_LIMITS.writesPerMember;
  const { start } = fixedWindow(rule, Date.now());
  await dynamo().send(
    new DeleteCommand({ TableName: tableName(), Key: { pk: `RATE#${rule.name}#${memberId}`, sk: String(start) } }),
  );
}

afterAll(() => stack.stop());

describe('Authorisation matrix (generated from the route table)', () => {
  it('has a fixture for every route', () => {
    expect(allRoutes.map((r) => r.id).filter((id) => !fixtures[id])).toEqual([]);
  });

  const cases = allRoutes.flatMap((route) =>
    [
      'none',
      'unbound',
      'demo-committee',
      'demo-secretary-1',
      'demo-organizer-1',
      'demo-member-1',
      'secretary, role removed',
      'secretary, deactivated',
    ].flatMap((caller) => (['own', 'other'] as const).map((target) => [route.id, caller, target] as const)),
  );

  it.each(cases)('%s as %s on the %s branch', async (routeId, callerName, target) => {
    const route = allRoutes.find((r) => r.id === routeId)!;
    const caller = callers[callerName]!;
    const branch = branches[target];
    const request = await fixtures[routeId]!(branch);
    const query = request.query ? `?${new URLSearchParams(request.query)}` : '';
    const send = () =>
      api.call<{ error?: { code: string } }>(
        route.method.toUpperCase(),
        buildPath(route.path, request.params) + query,
        {
          token: caller.token,
          ...(request.rawBody
            ? { rawBody: request.rawBody, headers: { ...request.headers, 'content-type': request.contentType! } }
            : { body: request.body }),
        },
      );
    let answer = await send();
    if (answer.status === 429 && caller.claims) {
      // The matrix writes as each caller far more than a person does in a minute: the per-member write limit
      // (60/min) answers first. That is not authorisation's answer — clear this caller's window and ask again.
      await clearWriteWindow(caller.claims.memberId);
      answer = await send();
    }
    const want = expected(route, caller, branch);
    if (want === 'allowed') {
      expect([401, 403]).not.toContain(answer.status);
      expect(answer.status).toBeLessThan(500);
    } else {
      expect(answer.status).toBe(want);
      expect(answer.body.error?.code).toMatch(/^[A-Z_]+$/);
    }
  });
});

/** Org routes through the local API against DynamoDB Local: tree, roster, create and update members. */

import { BRANCH_1, BRANCH_2, orgSession } from '../support/org-session';
import { newPerson } from '../support/people';

interface Node {
  id: string;
  kind: string;
  path: string;
  parentId: string | null;
  memberCount: number;
}
interface Member {
  id: string;
  name: string;
  phoneMasked: string;
  idNumberMasked: string;
  status: string;
  bound: boolean;
  version: number;
  roles: string[];
}
interface Answer {
  member: Member;
  items: Member[];
  nextCursor: string | null;
  nodes: Node[];
  error: { code: string; message: string };
}

const session = orgSession<Answer>(['demo-committee', 'demo-secretary-1', 'demo-organizer-1', 'demo-member-1']);
const { call, roster, memberCount } = session;

beforeAll(session.start, 60_000);
afterAll(session.stop);

describe('Route: GET /v1/orgs/tree', () => {
  it("shows committee staff their org's whole subtree, sorted by path, with member counts", async () => {
    const answer = await call('GET', '/v1/orgs/tree', 'demo-committee');
    expect(answer.status).toBe(200);
    const paths = answer.body.nodes.map((n) => n.path);
    expect(paths).toEqual([...paths].sort());
    expect(answer.body.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['org-committee', 'committee'],
      ['org-branch-3', 'branch'],
      ['org-general-1', 'general_branch'],
      ['org-branch-1', 'branch'],
      ['org-branch-2', 'branch'],
    ]);
    expect(answer.body.nodes.find((n) => n.id === 'org-branch-3')!.memberCount).toBe(14);
  });

  it('shows a secretary only their own branch', async () => {
    const answer = await call('GET', '/v1/orgs/tree', 'demo-secretary-1');
    expect(answer.status).toBe(200);
    expect(answer.body.nodes.map((n) => n.id)).toEqual([BRANCH_1]);
  });

  it('refuses organizers and plain members', async () => {
    expect((await call('GET', '/v1/orgs/tree', 'demo-organizer-1')).body.error.code).toBe('FORBIDDEN_ROLE');
    expect((await call('GET', '/v1/orgs/tree', 'demo-member-1')).status).toBe(403);
  });
});

describe('Route: GET /v1/orgs/{orgId}/members', () => {
  it('lists the roster with phone and ID number masked', async () => {
    const items = await roster(BRANCH_1, 'active');
    expect(items.length).toBeGreaterThanOrEqual(14);
    for (const member of items) {
      expect(member.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(member.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(member).not.toHaveProperty('phone');
      expect(member).not.toHaveProperty('idNumber');
      expect(member).not.toHaveProperty('openid');
    }
    expect(items.find((m) => m.id === 'm-demo-member-1')).toMatchObject({ bound: true, status: 'active' });
  });

  it('pages with an opaque cursor and refuses a cursor it did not issue', async () => {
    const first = await call('GET', `/v1/orgs/${BRANCH_1}/members?limit=5`, 'demo-secretary-1');
    expect(first.body.items).toHaveLength(5);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call(
      'GET',
      `/v1/orgs/${BRANCH_1}/members?limit=5&cursor=${encodeURIComponent(first.body.nextCursor!)}`,
      'demo-secretary-1',
    );
    expect(second.status).toBe(200);
    const firstIds = first.body.items.map((m) => m.id);
    expect(second.body.items.some((m) => firstIds.includes(m.id))).toBe(false);
    const foreign = await call(
      'GET',
      `/v1/orgs/${BRANCH_2}/members?cursor=${encodeURIComponent(first.body.nextCursor!)}`,
      'demo-committee',
    );
    expect(foreign.status).toBe(400);
    expect((await call('GET', `/v1/orgs/${BRANCH_1}/members?cursor=garbage`, 'demo-secretary-1')).status).toBe(400);
  });

  it("refuses another branch's roster to a secretary, and any roster to a member", async () => {
    const other = await call('GET', `/v1/orgs/${BRANCH_2}/members`, 'demo-secretary-1');
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN_SCOPE');
    const member = await call('GET', `/v1/orgs/${BRANCH_1}/members`, 'demo-member-1');
    expect(member.status).toBe(403);
    expect(member.body.error.code).toBe('FORBIDDEN_ROLE');
    expect((await call('GET', `/v1/orgs/${BRANCH_2}/members`, 'demo-committee')).status).toBe(200);
    expect((await call('GET', '/v1/orgs/org-nowhere/members', 'demo-committee')).status).toBe(404);
  });
});

describe('Route: POST /v1/orgs/{orgId}/members', () => {
  it('creates a member (masked, unbound, version 1) and counts them', async () => {
    const before = await memberCount();
    const input = { ...newPerson('钱学文'), roles: ['organizer'] };
    const answer = await call('POST', `/v1/orgs/${BRANCH_1}/members`, 'demo-secretary-1', { body: input });
    expect(answer.status).toBe(201);
    expect(answer.body.member).toMatchObject({
      name: '钱学文',
      phoneMasked: `${input.phone.slice(0, 3)}****${input.phone.slice(7)}`,
      bound: false,
      version: 1,
      status: 'active',
      roles: ['member', 'organizer'],
    });
    expect(await memberCount()).toBe(before + 1);
  });

  it('refuses an ID number already on a roster with 409 and writes nothing', async () => {
    const input = newPerson('孙立新');
    expect((await call('POST', `/v1/orgs/${BRANCH_1}/members`, 'demo-secretary-1', { body: input })).status).toBe(201);
    const count = await memberCount(BRANCH_2);
    const size = (await roster(BRANCH_2)).length;
    const again = await call('POST', `/v1/orgs/${BRANCH_2}/members`, 'demo-committee', {
      body: { ...newPerson('周文静'), idNumber: input.idNumber },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ID_NUMBER_TAKEN');
    expect(await memberCount(BRANCH_2)).toBe(count);
    expect((await roster(BRANCH_2)).length).toBe(size);
  });

  it('puts members only into branches, and explains bad fields', async () => {
    const general = await call('POST', '/v1/orgs/org-general-1/members', 'demo-committee', { body: newPerson() });
    expect(general.status).toBe(422);
    expect(general.body.error.code).toBe('NOT_A_BRANCH');
    const bad = await call('POST', `/v1/orgs/${BRANCH_1}/members`, 'demo-secretary-1', {
      body: { ...newPerson(), phone: '12345' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('Route: PATCH /v1/members/{id}', () => {
  async function freshMember(): Promise<Member> {
    const answer = await call('POST', `/v1/orgs/${BRANCH_1}/members`, 'demo-secretary-1', {
      body: newPerson('吴国强'),
    });
    expect(answer.status).toBe(201);
    return answer.body.member;
  }

  it('updates with the current version and refuses a stale one with 409', async () => {
    const member = await freshMember();
    const renamed = await call('PATCH', `/v1/members/${member.id}`, 'demo-secretary-1', {
      body: { name: '吴国栋', version: member.version },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.member).toMatchObject({ name: '吴国栋', version: member.version + 1 });
    const stale = await call('PATCH', `/v1/members/${member.id}`, 'demo-secretary-1', {
      body: { name: '吴国梁', version: member.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('MEMBER_VERSION_CONFLICT');
    expect((await roster()).find((m) => m.id === member.id)!.name).toBe('吴国栋');
  });

  it("deactivates and reactivates a member, moving the branch's member count with it", async () => {
    const member = await freshMember();
    const before = await memberCount();
    const off = await call('PATCH', `/v1/members/${member.id}`, 'demo-secretary-1', {
      body: { status: 'inactive', leaveReason: 'other', version: member.version },
    });
    expect(off.status).toBe(200);
    expect(off.body.member.status).toBe('inactive');
    expect(await memberCount()).toBe(before - 1);
    expect((await roster(BRANCH_1, 'active')).some((m) => m.id === member.id)).toBe(false);
    expect((await roster(BRANCH_1, 'inactive')).some((m) => m.id === member.id)).toBe(true);
    const on = await call('PATCH', `/v1/members/${member.id}`, 'demo-committee', {
      body: { status: 'active', version: off.body.member.version },
    });
    expect(on.status).toBe(200);
    expect(await memberCount()).toBe(before);
  });

  it('does not let a secretary deactivate themselves, nor touch another branch', async () => {
    const self = (await roster()).find((m) => m.id === 'm-demo-secretary-1')!;
    const answer = await call('PATCH', '/v1/members/m-demo-secretary-1', 'demo-secretary-1', {
      body: { status: 'inactive', leaveReason: 'other', version: self.version },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('CANNOT_DEACTIVATE_SELF');
    const other = await call('PATCH', '/v1/members/m-demo-member-13', 'demo-secretary-1', {
      body: { name: '改名字', version: 1 },
    });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN_SCOPE');
    expect(
      (await call('PATCH', '/v1/members/m-nobody', 'demo-committee', { body: { name: '某某', version: 1 } })).status,
    ).toBe(404);
  });
});

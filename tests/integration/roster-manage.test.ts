/**
 * Roster management on the phone (issue #7 item 4), server side: 停用 needs a reason, a new binding code
 * revokes the old one (and 作废绑定码 revokes on request), and the roster can be searched by name.
 */
import { BRANCH_1, orgSession } from '../support/org-session';
import { newPerson } from '../support/people';

interface Member {
  id: string;
  name: string;
  status: string;
  version: number;
  leaveReason?: string;
  leaveNote?: string;
  leftAt?: string;
}
interface Answer {
  member: Member;
  items: Member[];
  nextCursor: string | null;
  nodes: { id: string; memberCount: number }[];
  bindingCode: string;
  revoked: boolean;
  token: string;
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

const session = orgSession<Answer>(['demo-committee', 'demo-secretary-1', 'demo-member-1']);
const { call, roster } = session;

beforeAll(session.start, 60_000);
afterAll(session.stop);

async function create(name: string): Promise<Member> {
  const answer = await call('POST', `/v1/orgs/${BRANCH_1}/members`, 'demo-secretary-1', { body: newPerson(name) });
  expect(answer.status).toBe(201);
  return answer.body.member;
}

/** A WeChat user nobody knows yet: a token that may only bind. */
async function unboundToken(openid: string): Promise<string> {
  const answer = await call('POST', '/v1/auth/login', 'nobody', { body: { code: `mock-${openid}` } });
  expect(answer.status).toBe(200);
  return answer.body.token;
}

function bind(token: string, bindingCode: string) {
  return call('POST', '/v1/auth/bind', 'nobody', { token, body: { bindingCode } });
}

describe('Route: PATCH /v1/members/{id} (停用 with a reason)', () => {
  it('keeps the original contract: a deactivation without a reason works and is recorded as 其他', async () => {
    const member = await create('司马停');
    const answer = await call('PATCH', `/v1/members/${member.id}`, 'demo-secretary-1', {
      body: { status: 'inactive', version: member.version },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.member).toMatchObject({ status: 'inactive', leaveReason: 'other' });
    expect((await roster(BRANCH_1, 'active')).some((m) => m.id === member.id)).toBe(false);
  });

  it('stores the reason, note and time, shows them on the roster, and clears them on reactivation', async () => {
    const member = await create('欧阳转');
    const off = await call('PATCH', `/v1/members/${member.id}`, 'demo-secretary-1', {
      body: { status: 'inactive', leaveReason: 'transferred_out', leaveNote: '转至市第二医院党委', version: 1 },
    });
    expect(off.status).toBe(200);
    expect(off.body.member).toMatchObject({
      status: 'inactive',
      leaveReason: 'transferred_out',
      leaveNote: '转至市第二医院党委',
      leftAt: expect.any(String),
    });
    const listed = (await roster(BRANCH_1, 'inactive')).find((m) => m.id === member.id);
    expect(listed).toMatchObject({ leaveReason: 'transferred_out', leaveNote: '转至市第二医院党委' });
    expect((await roster(BRANCH_1, 'active')).some((m) => m.id === member.id)).toBe(false);

    const on = await call('PATCH', `/v1/members/${member.id}`, 'demo-secretary-1', {
      body: { status: 'active', version: off.body.member.version },
    });
    expect(on.status).toBe(200);
    expect(on.body.member.leaveReason).toBeUndefined();
    expect(on.body.member.leftAt).toBeUndefined();
  });

  it('refuses a note with control characters and an unknown reason', async () => {
    const member = await create('上官注');
    for (const body of [
      { status: 'inactive', leaveReason: 'other', leaveNote: 'a\u202eb', version: 1 },
      { status: 'inactive', leaveReason: 'retired', version: 1 },
    ]) {
      const answer = await call('PATCH', `/v1/members/${member.id}`, 'demo-secretary-1', { body });
      expect(answer.status).toBe(400);
    }
  });
});

describe('Binding codes: a new code revokes the old one', () => {
  it('answers the old code like an unknown one after a new one is issued, and the new one binds', async () => {
    const member = await create('诸葛码');
    const first = await call('POST', `/v1/members/${member.id}/binding-code`, 'demo-secretary-1');
    const second = await call('POST', `/v1/members/${member.id}/binding-code`, 'demo-secretary-1');
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.bindingCode).not.toBe(first.body.bindingCode);

    const token = await unboundToken('roster-manage-newcode');
    const old = await bind(token, first.body.bindingCode);
    const unknown = await bind(token, 'ZZZZZZZZ');
    expect([old.status, old.body.error.code]).toEqual([404, 'BINDING_CODE_INVALID']);
    expect(JSON.stringify(old.body)).toBe(JSON.stringify(unknown.body));
    const fresh = await bind(token, second.body.bindingCode);
    expect(fresh.status).toBe(200);
  });

  it('revokes the current code on request, idempotently, within the secretary’s scope only', async () => {
    const member = await create('东方废');
    const issued = await call('POST', `/v1/members/${member.id}/binding-code`, 'demo-secretary-1');
    const path = `/v1/members/${member.id}/binding-code/revoke`;
    const revoked = await call('POST', path, 'demo-secretary-1');
    expect([revoked.status, revoked.body.revoked]).toEqual([200, true]);
    const again = await call('POST', path, 'demo-committee');
    expect([again.status, again.body.revoked]).toEqual([200, false]);

    const token = await unboundToken('roster-manage-revoked');
    const answer = await bind(token, issued.body.bindingCode);
    expect([answer.status, answer.body.error.code]).toEqual([404, 'BINDING_CODE_INVALID']);

    // Nothing issued yet: nothing to revoke. A member may not revoke; another branch's secretary neither.
    const untouched = await create('慕容空');
    expect((await call('POST', `/v1/members/${untouched.id}/binding-code/revoke`, 'demo-secretary-1')).body).toEqual({
      revoked: false,
    });
    expect((await call('POST', path, 'demo-member-1')).status).toBe(403);
    expect((await call('POST', '/v1/members/m-demo-member-13/binding-code/revoke', 'demo-secretary-1')).status).toBe(
      403,
    );
    expect((await call('POST', '/v1/members/m-nobody/binding-code/revoke', 'demo-committee')).status).toBe(404);
  });
});

describe('Route: GET /v1/orgs/{orgId}/members?q= (search by name)', () => {
  beforeAll(async () => {
    for (const name of ['张一帆', '张二河', '张三山', '李张氏', '李四海']) await create(name);
  });

  const search = (q: string, extra = '') =>
    call('GET', `/v1/orgs/${BRANCH_1}/members?q=${encodeURIComponent(q)}${extra}`, 'demo-secretary-1');

  it('returns only members whose name contains the text, trimmed', async () => {
    const answer = await search('  张 ');
    expect(answer.status).toBe(200);
    const names = answer.body.items.map((m) => m.name);
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(names.every((name) => name.includes('张'))).toBe(true);
    expect(names).toEqual(expect.arrayContaining(['张一帆', '张二河', '张三山', '李张氏']));
    expect(answer.body.nextCursor).toBeNull();
    expect((await search('四海')).body.items.map((m) => m.name)).toEqual(['李四海']);
    expect((await search('无此人')).body).toEqual({ items: [], nextCursor: null });
  });

  it('pages the matches with a cursor bound to the search', async () => {
    const all = (await search('张')).body.items.map((m) => m.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer: Awaited<ReturnType<typeof search>> = await search(
        '张',
        `&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...answer.body.items.map((m) => m.id));
      cursor = answer.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it('refuses a cursor of another search, another status or no search with 400 CURSOR_INVALID', async () => {
    const first = await search('张', '&limit=1');
    const cursor = encodeURIComponent(first.body.nextCursor!);
    for (const other of [
      await search('李', `&limit=1&cursor=${cursor}`),
      await search('张', `&limit=1&status=all&cursor=${cursor}`),
      await call('GET', `/v1/orgs/${BRANCH_1}/members?limit=1&cursor=${cursor}`, 'demo-secretary-1'),
    ]) {
      expect([other.status, other.body.error.code]).toEqual([400, 'CURSOR_INVALID']);
    }
  });

  it('refuses an empty, over-long or control-character search with 400', async () => {
    for (const q of ['   ', '张'.repeat(21), 'a\u0000b']) expect((await search(q)).status).toBe(400);
  });
});

/**
 * Issue #6, reproductions 1, 2 and 6: access ends the moment the roster changes, sessions are short and
 * rotate, no secret in the repository signs anything, and no credential sits in an idempotency record.
 * Each test was written as the attack first.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SignJWT } from 'jose';
import { tableName } from '../../functions/commons/config';
import { dynamo } from '../../functions/commons/dynamo';
import type { Stack } from '../../scripts/stack';
import { type Enrolled, enrol, patchMember } from '../support/enrol';
import { newPerson } from '../support/people';
import { apiClient, startTestStack } from '../support/stack';

type Err = { error: { code: string; message: string } };
let stack: Stack;
let api: ReturnType<typeof apiClient>;
let secretary: string;
let branch: string;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  const sec = await api.loginAs('demo-secretary-1');
  secretary = sec.token;
  branch = sec.member.orgId;
}, 60_000);

afterAll(() => stack.stop());

async function activityWithQr() {
  const now = Date.now();
  const created = await api.call<{ activity: { id: string } }>('POST', '/v1/activities', {
    token: secretary,
    body: {
      orgId: branch,
      title: '主题党日',
      startAt: new Date(now - 60_000).toISOString(),
      endAt: new Date(now + 3600_000).toISOString(),
    },
  });
  const id = created.body.activity.id;
  const qr = await api.call<{ payload: string }>('GET', `/v1/activities/${id}/qr`, { token: secretary });
  return { id, qr: qr.body.payload };
}

const board = async (id: string) =>
  (
    await api.call<{ checkedIn: number; members: { memberId: string; status: string }[] }>(
      'GET',
      `/v1/activities/${id}/board`,
      { token: secretary },
    )
  ).body;

describe('Reproduction 1: removing someone removes their access', () => {
  it('refuses a deactivated member’s check-in: 401, nothing written, counter unchanged', async () => {
    const person = await enrol(api, secretary, branch, 'gone-member');
    const { id, qr } = await activityWithQr();
    await patchMember(api, secretary, person, { status: 'inactive', leaveReason: 'other' });
    const answer = await api.call<Err>('POST', `/v1/activities/${id}/checkins`, {
      token: person.token,
      body: { qr },
    });
    expect([answer.status, answer.body.error.code]).toEqual([401, 'SESSION_REVOKED']);
    const after = await board(id);
    expect(after.checkedIn).toBe(0);
    expect(after.members.some((m) => m.memberId === person.id)).toBe(false);
    // A repeat of the refused tap is refused too (the repeat path reads the roster live).
    const again = await api.call<Err>('POST', `/v1/activities/${id}/checkins`, { token: person.token, body: { qr } });
    expect(again.status).toBe(401);
  });

  describe('a secretary deactivated and stripped of roles, with the token they already hold', () => {
    let former: Enrolled;
    beforeAll(async () => {
      former = await enrol(api, secretary, branch, 'former-secretary', ['secretary']);
      // Before: the token works for the secretary's routes.
      const before = await api.call('GET', `/v1/orgs/${branch}/members/export`, { token: former.token });
      expect(before.status).toBe(200);
      await patchMember(api, secretary, former, { roles: [], status: 'inactive', leaveReason: 'other' });
    });

    it.each([
      ['exports the roster', 'GET', () => `/v1/orgs/${branch}/members/export`, undefined],
      ['lists the roster', 'GET', () => `/v1/orgs/${branch}/members`, undefined],
      ['creates a member', 'POST', () => `/v1/orgs/${branch}/members`, {}],
      ['issues a binding code', 'POST', () => `/v1/members/m-demo-member-2/binding-code`, undefined],
      ['reads their own profile', 'GET', () => '/v1/me', undefined],
    ])('cannot: %s → 401 SESSION_REVOKED', async (_what, method, path, body) => {
      const answer = await api.call<Err>(method, path(), { token: former.token, body });
      expect([answer.status, answer.body.error.code]).toEqual([401, 'SESSION_REVOKED']);
    });

    it('cannot refresh the session either', async () => {
      const answer = await api.call<Err>('POST', '/v1/auth/refresh', { body: { refreshToken: former.refreshToken } });
      expect(answer.status).toBe(401);
    });
  });

  it('a secretary whose role is removed keeps member access and loses the secretary’s at once (403)', async () => {
    const demoted = await enrol(api, secretary, branch, 'demoted-secretary', ['secretary']);
    await patchMember(api, secretary, demoted, { roles: [] });
    for (const path of [`/v1/orgs/${branch}/members/export`, `/v1/orgs/${branch}/members`]) {
      const answer = await api.call<Err>('GET', path, { token: demoted.token });
      expect([answer.status, answer.body.error.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    }
    const code = await api.call<Err>('POST', '/v1/members/m-demo-member-3/binding-code', { token: demoted.token });
    expect(code.status).toBe(403);
    expect((await api.call('GET', '/v1/me', { token: demoted.token })).status).toBe(200);
    // The next refresh carries the roster's roles, not the old ones.
    const refreshed = await api.call<{ member: { roles: string[] } }>('POST', '/v1/auth/refresh', {
      body: { refreshToken: demoted.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.member.roles).toEqual(['member']);
  });

  it('a role given is usable at once, without a new login', async () => {
    const promoted = await enrol(api, secretary, branch, 'promoted-organizer');
    expect((await api.call('GET', `/v1/orgs/${branch}/members`, { token: promoted.token })).status).toBe(403);
    await patchMember(api, secretary, promoted, { roles: ['secretary'] });
    expect((await api.call('GET', `/v1/orgs/${branch}/members`, { token: promoted.token })).status).toBe(200);
  });
});

/** Moves a session's last rotation into the past, as if `seconds` had gone by since. */
async function ageLastRotation(refreshToken: string, seconds: number) {
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { pk: `SESSION#${refreshToken.split('.')[0]}`, sk: 'SESSION' },
      UpdateExpression: 'SET rotatedAt = :then',
      ExpressionAttributeValues: { ':then': new Date(Date.now() - seconds * 1000).toISOString() },
    }),
  );
}

describe('Sessions: short access tokens, rotating refresh tokens', () => {
  it('issues a ≤ 15-minute token and a refresh token that works exactly once', async () => {
    const login = await api.call<{ token: string; expiresAt: string; refreshToken: string }>('POST', '/v1/auth/login', {
      body: { code: 'mock-demo-member-4' },
    });
    expect(login.status).toBe(200);
    const life = Date.parse(login.body.expiresAt) - Date.now();
    expect(life).toBeGreaterThan(0);
    expect(life).toBeLessThanOrEqual(15 * 60_000);
    const first = await api.call<{ token: string; refreshToken: string }>('POST', '/v1/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(login.body.refreshToken);
    expect((await api.call('GET', '/v1/me', { token: first.body.token })).status).toBe(200);

    // The answer was lost: the phone sends the same token again within seconds — it still works, once.
    const lost = await api.call<{ refreshToken: string }>('POST', '/v1/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
    expect(lost.status).toBe(200);
    // …and the answer that was lost is dead now: only the newest token continues the session.
    const stale = await api.call<Err>('POST', '/v1/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
    expect(stale.status).toBe(200); // it is the previous token now, still within the grace
    const current = stale.body as unknown as { refreshToken: string };

    // Past the grace, a replayed old token means a copy exists elsewhere: refused, and the session ends.
    await ageLastRotation(current.refreshToken, 60);
    const replay = await api.call<Err>('POST', '/v1/auth/refresh', { body: { refreshToken: lost.body.refreshToken } });
    expect([replay.status, replay.body.error.code]).toEqual([401, 'REFRESH_TOKEN_INVALID']);
    const next = await api.call<Err>('POST', '/v1/auth/refresh', { body: { refreshToken: current.refreshToken } });
    expect(next.status).toBe(401);
  });

  it('logout ends the refresh token', async () => {
    const login = await api.call<{ refreshToken: string }>('POST', '/v1/auth/login', {
      body: { code: 'mock-demo-member-5' },
    });
    const out = await api.call('POST', '/v1/auth/logout', { body: { refreshToken: login.body.refreshToken } });
    expect(out.status).toBe(200);
    const after = await api.call<Err>('POST', '/v1/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(after.status).toBe(401);
  });

  it('refuses forged and malformed refresh tokens with 401/400, never 5xx', async () => {
    const forged = await api.call<Err>('POST', '/v1/auth/refresh', {
      body: { refreshToken: 's0000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect([forged.status, forged.body.error.code]).toEqual([401, 'REFRESH_TOKEN_INVALID']);
    const malformed = await api.call<Err>('POST', '/v1/auth/refresh', { body: { refreshToken: 'x' } });
    expect(malformed.status).toBe(400);
  });
});

describe('Reproduction 2: no usable secret in the repository', () => {
  const sign = (secret: string, build: (jwt: SignJWT) => SignJWT) =>
    build(
      new SignJWT({ kind: 'member', org: 'org-committee', orgPath: '/org-committee/', roles: ['member', 'committee'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('m-demo-committee'),
    ).sign(new TextEncoder().encode(secret));
  const now = () => Math.floor(Date.now() / 1000);
  const full = (jwt: SignJWT) =>
    jwt
      .setIssuer('xianfeng')
      .setAudience('xianfeng-api')
      .setIssuedAt(now())
      .setExpirationTime(now() + 600);

  it('refuses a committee token signed with the secret the repository used to hold', async () => {
    const token = await sign('local-dev-jwt-secret-change-me-0123456789', full);
    const answer = await api.call<Err>('GET', '/v1/orgs/tree', { token });
    expect([answer.status, answer.body.error.code]).toEqual([401, 'TOKEN_INVALID']);
  });

  it.each([
    ['no exp', (jwt: SignJWT) => jwt.setIssuer('xianfeng').setAudience('xianfeng-api').setIssuedAt(now())],
    [
      'no iat',
      (jwt: SignJWT) =>
        jwt
          .setIssuer('xianfeng')
          .setAudience('xianfeng-api')
          .setExpirationTime(now() + 600),
    ],
    [
      'no iss',
      (jwt: SignJWT) =>
        jwt
          .setAudience('xianfeng-api')
          .setIssuedAt(now())
          .setExpirationTime(now() + 600),
    ],
    [
      'a 10-year life',
      (jwt: SignJWT) =>
        jwt
          .setIssuer('xianfeng')
          .setAudience('xianfeng-api')
          .setIssuedAt(now())
          .setExpirationTime(now() + 10 * 365 * 86400),
    ],
  ])('refuses a token with %s, even signed with the real key', async (_what, build) => {
    const token = await sign(process.env.JWT_SECRET!, build);
    const answer = await api.call<Err>('GET', '/v1/orgs/tree', { token });
    expect(answer.status).toBe(401);
  });

  it('accepts a complete token signed with the real key (the checks above are not refusing everything)', async () => {
    const token = await sign(process.env.JWT_SECRET!, full);
    expect((await api.call('GET', '/v1/orgs/tree', { token })).status).toBe(200);
  });

  it('draws random local secrets: not the old constants, long enough', () => {
    expect(process.env.JWT_SECRET).not.toMatch(/change-me/);
    expect(process.env.JWT_SECRET!.length).toBeGreaterThanOrEqual(32);
    expect(process.env.QR_SECRET).not.toMatch(/change-me/);
  });
});

describe('Reproduction 6: an idempotency record never holds a credential', () => {
  it('stores the bind without its tokens, and a replay gets fresh, working ones', async () => {
    const created = await api.call<{ member: { id: string } }>('POST', `/v1/orgs/${branch}/members`, {
      token: secretary,
      body: {
        name: '吴思远',
        gender: 'male',
        phone: '13812340001',
        idNumber: '110101199003078515',
        category: 'full',
        joinedAt: '2012-07-01',
      },
    });
    expect(created.status).toBe(201);
    const code = await api.call<{ bindingCode: string }>('POST', `/v1/members/${created.body.member.id}/binding-code`, {
      token: secretary,
    });
    const unbound = (await api.call<{ token: string }>('POST', '/v1/auth/login', { body: { code: 'mock-idem-bind' } }))
      .body.token;
    const key = 'bind-retry-0001';
    const send = () =>
      api.call<{ token: string; refreshToken: string; member: { id: string } }>('POST', '/v1/auth/bind', {
        token: unbound,
        body: { bindingCode: code.body.bindingCode },
        headers: { 'idempotency-key': key },
      });
    const first = await send();
    expect(first.status).toBe(200);
    // Locally the login code `mock-idem-bind` is the openid `idem-bind`: the bind's idempotency subject.
    const record = (
      await dynamo().send(
        new GetCommand({ TableName: tableName(), Key: { pk: `IDEM#idem-bind#auth.bind#${key}`, sk: 'IDEM' } }),
      )
    ).Item;
    expect(record).toBeDefined();
    const raw = JSON.stringify(record);
    expect(raw).not.toContain(first.body.token);
    expect(raw).not.toContain(first.body.refreshToken);
    expect(raw).not.toMatch(/"(token|refreshToken)"/);

    const replay = await send();
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBeNull(); // built afresh, not read back
    expect(replay.body.member.id).toBe(created.body.member.id);
    expect(replay.body.token).toEqual(expect.any(String));
    expect((await api.call('GET', '/v1/me', { token: replay.body.token })).status).toBe(200);
  });
});

describe('Reproduction 6, continued: a binding code is a credential too', () => {
  it('stores no binding code under an Idempotency-Key; the replay draws a fresh one', async () => {
    const created = await api.call<{ member: { id: string } }>('POST', `/v1/orgs/${branch}/members`, {
      token: secretary,
      body: newPerson('柳新绑'),
    });
    const key = 'code-retry-0001';
    const issue = () =>
      api.call<{ bindingCode: string }>('POST', `/v1/members/${created.body.member.id}/binding-code`, {
        token: secretary,
        headers: { 'idempotency-key': key },
      });
    const first = await issue();
    expect(first.status).toBe(201);
    const secretaryId = (await api.call<{ member: { id: string } }>('GET', '/v1/me', { token: secretary })).body.member
      .id;
    const record = (
      await dynamo().send(
        new GetCommand({
          TableName: tableName(),
          Key: { pk: `IDEM#${secretaryId}#auth.issueBindingCode#${key}`, sk: 'IDEM' },
        }),
      )
    ).Item;
    expect(record).toBeDefined();
    expect(JSON.stringify(record)).not.toContain(first.body.bindingCode);
    const replay = await issue();
    expect(replay.status).toBe(201);
    expect(replay.body.bindingCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  });
});

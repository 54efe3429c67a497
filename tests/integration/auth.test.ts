import type { Stack } from '../../scripts/stack';
import { withIdChecksum } from '../../shared/org/rules';
import { apiClient, startTestStack } from '../support/stack';

let stack: Stack;
let api: ReturnType<typeof apiClient>;
let secretary: string;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  secretary = (await api.loginAs('demo-secretary-1')).token;
}, 60_000);
afterAll(() => stack.stop());

type Err = { error: { code: string } };

let serial = 0;
async function newUnboundMember(): Promise<string> {
  serial += 1;
  const created = await api.call<{ member: { id: string } }>('POST', '/v1/orgs/org-branch-1/members', {
    token: secretary,
    body: {
      name: '新来党员',
      gender: 'female',
      phone: '13812345678',
      idNumber: withIdChecksum(`11010519491231${String(100 + serial)}`),
      category: 'full',
      joinedAt: '2020-07-01',
    },
  });
  expect(created.status).toBe(201);
  return created.body.member.id;
}

describe('Route: POST /v1/auth/login', () => {
  it('logs a bound member in with their profile and roles', async () => {
    const answer = await api.call<{ token: string; member: { name: string; roles: string[]; orgName: string } }>(
      'POST',
      '/v1/auth/login',
      {
        body: { code: 'mock-demo-secretary-1' },
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.member.roles).toEqual(['member', 'secretary']);
    expect(answer.body.member.orgName).toBe('内科第一党支部');
    const me = await api.call<{ member: { id: string } }>('GET', '/v1/me', { token: answer.body.token });
    expect(me.status).toBe(200);
  });

  it('gives an unbound WeChat user a token that may only bind', async () => {
    const answer = await api.call<{ token: string; member: null }>('POST', '/v1/auth/login', {
      body: { code: 'mock-stranger-1' },
    });
    expect(answer.body.member).toBeNull();
    const me = await api.call<Err>('GET', '/v1/me', { token: answer.body.token });
    expect([me.status, me.body.error.code]).toEqual([403, 'BINDING_REQUIRED']);
  });

  it('refuses a code WeChat does not accept', async () => {
    const answer = await api.call<Err>('POST', '/v1/auth/login', { body: { code: 'not-a-real-code' } });
    expect([answer.status, answer.body.error.code]).toEqual([401, 'WECHAT_CODE_INVALID']);
  });
});

describe('Route: POST /v1/auth/bind', () => {
  it('binds once with a secretary-issued code; the code cannot be used again', async () => {
    const memberId = await newUnboundMember();
    const issued = await api.call<{ bindingCode: string; expiresAt: string }>(
      'POST',
      `/v1/members/${memberId}/binding-code`,
      { token: secretary },
    );
    expect(issued.status).toBe(201);
    expect(Date.parse(issued.body.expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);

    const unbound = (await api.call<{ token: string }>('POST', '/v1/auth/login', { body: { code: 'mock-newcomer' } }))
      .body.token;
    const bound = await api.call<{ token: string; member: { id: string } }>('POST', '/v1/auth/bind', {
      token: unbound,
      body: { bindingCode: issued.body.bindingCode.toLowerCase() },
    });
    expect(bound.status).toBe(200);
    expect(bound.body.member.id).toBe(memberId);
    const again = await api.call<{ member: { id: string } }>('POST', '/v1/auth/login', {
      body: { code: 'mock-newcomer' },
    });
    expect(again.body.member.id).toBe(memberId);

    const other = (await api.call<{ token: string }>('POST', '/v1/auth/login', { body: { code: 'mock-intruder' } }))
      .body.token;
    const reuse = await api.call<Err>('POST', '/v1/auth/bind', {
      token: other,
      body: { bindingCode: issued.body.bindingCode },
    });
    // A used code answers exactly as an unknown one does: a guesser learns nothing (issue #6).
    expect([reuse.status, reuse.body.error.code]).toEqual([404, 'BINDING_CODE_INVALID']);
    const reissue = await api.call<Err>('POST', `/v1/members/${memberId}/binding-code`, { token: secretary });
    expect(reissue.body.error.code).toBe('MEMBER_ALREADY_BOUND');
  });

  it('refuses an unknown code and a malformed one', async () => {
    const unbound = (await api.call<{ token: string }>('POST', '/v1/auth/login', { body: { code: 'mock-guesser' } }))
      .body.token;
    const unknown = await api.call<Err>('POST', '/v1/auth/bind', { token: unbound, body: { bindingCode: 'ZZZZZZZZ' } });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'BINDING_CODE_INVALID']);
    const malformed = await api.call<Err>('POST', '/v1/auth/bind', { token: unbound, body: { bindingCode: '0O1I' } });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('lets only one of two racing WeChat users bind with the same code', async () => {
    const memberId = await newUnboundMember();
    const code = (
      await api.call<{ bindingCode: string }>('POST', `/v1/members/${memberId}/binding-code`, { token: secretary })
    ).body.bindingCode;
    const tokens = await Promise.all(
      ['mock-racer-a', 'mock-racer-b'].map(
        async (c) => (await api.call<{ token: string }>('POST', '/v1/auth/login', { body: { code: c } })).body.token,
      ),
    );
    const answers = await Promise.all(
      tokens.map((token) => api.call<Err>('POST', '/v1/auth/bind', { token, body: { bindingCode: code } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 404]);
    expect(answers.find((a) => a.status === 404)?.body.error.code).toBe('BINDING_CODE_INVALID');
  });
});

import type { Stack } from '../../scripts/stack';
import { apiClient, startTestStack } from '../support/stack';

let stack: Stack;
let api: ReturnType<typeof apiClient>;
let token: string;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  token = (await api.loginAs('demo-secretary-1')).token;
}, 60_000);
afterAll(() => stack.stop());

const activity = (title: string) => ({
  orgId: 'org-branch-1',
  title,
  startAt: new Date(Date.now() + 3600_000).toISOString(),
  endAt: new Date(Date.now() + 7200_000).toISOString(),
});

describe('Header: Idempotency-Key', () => {
  it('returns the first response to a retry and creates one activity', async () => {
    const headers = { 'idempotency-key': 'create-activity-0001' };
    const body = activity('重复提交测试'); // a retry sends the very same bytes
    const first = await api.call<{ activity: { id: string } }>('POST', '/v1/activities', {
      token,
      headers,
      body,
    });
    const retry = await api.call<{ activity: { id: string } }>('POST', '/v1/activities', {
      token,
      headers,
      body,
    });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.activity.id).toBe(first.body.activity.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const list = await api.call<{ items: { title: string }[] }>('GET', '/v1/activities', { token });
    expect(list.body.items.filter((a) => a.title === '重复提交测试')).toHaveLength(1);
  });

  it('refuses the same key with a different request', async () => {
    const headers = { 'idempotency-key': 'create-activity-0002' };
    await api.call('POST', '/v1/activities', { token, headers, body: activity('第一次') });
    const other = await api.call<{ error: { code: string } }>('POST', '/v1/activities', {
      token,
      headers,
      body: activity('第二次'),
    });
    expect([other.status, other.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('does not remember a failed attempt, so a corrected retry goes through', async () => {
    const headers = { 'idempotency-key': 'create-activity-0003' };
    const bad = await api.call('POST', '/v1/activities', {
      token,
      headers,
      body: { ...activity('坏请求'), orgId: 'org-nowhere' },
    });
    expect(bad.status).toBe(404);
    const good = await api.call('POST', '/v1/activities', {
      token,
      headers,
      body: { ...activity('坏请求'), orgId: 'org-branch-1' },
    });
    expect(good.status).toBe(201);
  });
});

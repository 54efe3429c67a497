/**
 * 我的消息 and the outbox on DynamoDB Local: a notice adds a message for each member in its own transaction;
 * the sender job delivers each one exactly once through the fake WeChat server (which records what it
 * received), also when two runs overlap; refusals are retried with backoff, and nothing is ever sent twice.
 */
import { runSenderJob } from '../../functions/messages/sender-job';
import * as messageStore from '../../functions/messages/store';
import type { Stack } from '../../scripts/stack';
import type { MyMessagesResponse } from '../../shared/messages/schemas';
import { messageIdOf, noticeBody, publish } from '../support/notices';
import { apiClient, startTestStack } from '../support/stack';

type Api = ReturnType<typeof apiClient>;
let stack: Stack;
let api: Api;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

const inbox = (who: string, query = '') =>
  api.call<MyMessagesResponse>('GET', `/v1/me/messages${query}`, { token: tokens[who] });
/** How many times the fake WeChat server received each message id. */
function deliveries(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of stack.wechat.subscribeMessages) {
    const id = `${message.touser}/${messageIdOf(message.page)}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
const delivered = (openid: string, messageId: string) => deliveries().get(`${openid}/${messageId}`) ?? 0;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  for (const openid of [
    'demo-committee',
    'demo-secretary-1',
    'demo-member-1',
    'demo-member-2',
    'demo-member-3',
    'demo-member-13',
  ]) {
    const { token, member } = await api.loginAs(openid);
    tokens[openid] = token;
    ids[openid] = member.id;
  }
  // The seeded notices' messages go out first, so each test sees only its own.
  await runSenderJob();
}, 60_000);

afterAll(() => stack.stop());

describe('Route: GET /v1/me/messages and POST /v1/me/messages/{id}/read', () => {
  it('lists a new notice’s message first, unread, and marks it read once', async () => {
    const before = await inbox('demo-member-1');
    const notice = await publish(api, tokens['demo-secretary-1']!, noticeBody('消息测试通知'));
    const after = await inbox('demo-member-1');
    expect(after.body.unread).toBe(before.body.unread + 1);
    const message = after.body.items[0]!;
    expect(message).toMatchObject({ kind: 'notice', body: '消息测试通知', ref: { type: 'notice', id: notice.id } });
    expect(message.read).toBe(false);
    const mark = () =>
      api.call<{ message: { read: boolean; readAt: string }; unread: number }>(
        'POST',
        `/v1/me/messages/${message.id}/read`,
        { token: tokens['demo-member-1'] },
      );
    const first = await mark();
    expect(first.status).toBe(200);
    expect(first.body.message.read).toBe(true);
    expect(first.body.unread).toBe(before.body.unread);
    const second = await mark();
    expect(second.body).toEqual(first.body);
  });

  it('does not find another member’s message (404), and pages with a signed cursor', async () => {
    const mine = await inbox('demo-member-1', '?limit=1');
    // A branch-1 notice's message: a member of branch 2 has no message of that id.
    const theirs = await api.call<{ error: { code: string } }>(
      'POST',
      `/v1/me/messages/${mine.body.items[0]!.id}/read`,
      { token: tokens['demo-member-13'] },
    );
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('MESSAGE_NOT_FOUND');
    const next = await inbox('demo-member-1', `?limit=1&cursor=${encodeURIComponent(mine.body.nextCursor!)}`);
    expect(next.status).toBe(200);
    expect(next.body.items[0]!.id).not.toBe(mine.body.items[0]!.id);
    const foreign = await inbox('demo-member-2', `?cursor=${encodeURIComponent(mine.body.nextCursor!)}`);
    expect(foreign.status).toBe(400);
  });
});

describe('Job: messages sender', () => {
  it('delivers each message exactly once when two runs start at the same time', async () => {
    await runSenderJob(); // what earlier tests left in the outbox
    const notice = await publish(api, tokens['demo-committee']!, { ...noticeBody('全院通知：双发测试'), kind: 'news' });
    const [a, b] = await Promise.all([runSenderJob(), runSenderJob()]);
    expect(a.sent + b.sent).toBe(notice.audience);
    const again = await runSenderJob();
    expect(again.sent).toBe(0);
    const counts = deliveries();
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const ofNotice = stack.wechat.subscribeMessages.filter((m) => messageIdOf(m.page) === `nt-${notice.id}`);
    expect(ofNotice).toHaveLength(notice.audience);
    expect(ofNotice[0]).toMatchObject({
      template_id: 'local-notice-template',
      page: expect.stringContaining(`pages/notices/detail/index?id=${notice.id}`),
      data: { thing1: { value: '党建新闻·先锋医院党委' }, thing2: { value: '全院通知：双发测试' } },
    });
  });

  it('retries a refused message with backoff and sends it once when it is due', async () => {
    stack.wechat.failNext('demo-member-2', -1, 1); // WeChat busy: nothing was sent
    const notice = await publish(api, tokens['demo-secretary-1']!, noticeBody('重试测试'));
    const messageId = `nt-${notice.id}`;
    const first = await runSenderJob();
    expect(first.retried).toBe(1);
    expect(delivered('demo-member-2', messageId)).toBe(0);
    expect(delivered('demo-member-3', messageId)).toBe(1);
    const stored = await messageStore.getMessage(ids['demo-member-2']!, messageId);
    expect(stored).toMatchObject({ delivery: 'pending', attempts: 1 });
    const wait = Date.parse(stored!.dueAt!) - Date.now();
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThanOrEqual(36_000);
    expect((await runSenderJob()).sent).toBe(0); // not due yet
    const later = await runSenderJob({ nowMs: Date.now() + 40_000 });
    expect(later.sent).toBe(1);
    expect(delivered('demo-member-2', messageId)).toBe(1);
    expect((await runSenderJob({ nowMs: Date.now() + 3600_000 })).sent).toBe(0);
    expect(delivered('demo-member-2', messageId)).toBe(1);
  });

  it('gives up on a member who has not subscribed (43101) without retrying', async () => {
    stack.wechat.failNext('demo-member-3', 43101, 5);
    const notice = await publish(api, tokens['demo-secretary-1']!, noticeBody('未订阅测试'));
    const report = await runSenderJob();
    expect(report.failed).toBe(1);
    expect(await messageStore.getMessage(ids['demo-member-3']!, `nt-${notice.id}`)).toMatchObject({
      delivery: 'failed',
      attempts: 1,
    });
    expect((await runSenderJob({ nowMs: Date.now() + 3 * 3600_000 })).sent).toBe(0);
    expect(delivered('demo-member-3', `nt-${notice.id}`)).toBe(0);
    stack.wechat.failNext('demo-member-3', 0, 0);
  });

  it('never resends a message whose sender died mid-send: its outcome is unknown', async () => {
    const notice = await publish(api, tokens['demo-secretary-1']!, noticeBody('租约测试'));
    const messageId = `nt-${notice.id}`;
    const message = (await messageStore.getMessage(ids['demo-member-1']!, messageId))!;
    // A run claims it, then dies before it could settle.
    const now = Date.now();
    const lease = new Date(now + 60_000).toISOString();
    expect(await messageStore.claim(message, new Date(now).toISOString(), lease, 'dead-run')).not.toBeNull();
    await runSenderJob(); // the others go out; the claimed one is not touched while its lease runs
    expect(delivered('demo-member-1', messageId)).toBe(0);
    const swept = await runSenderJob({ nowMs: now + 61_000 });
    expect(swept.unknown).toBe(1);
    expect((await messageStore.getMessage(ids['demo-member-1']!, messageId))?.delivery).toBe('unknown');
    await runSenderJob({ nowMs: now + 3600_000 });
    expect(delivered('demo-member-1', messageId)).toBe(0);
  });

  it('sends each unread member one reminder when the publisher reminds them', async () => {
    const notice = await publish(api, tokens['demo-secretary-1']!, noticeBody('提醒投递测试'));
    await api.call('GET', `/v1/notices/${notice.id}`, { token: tokens['demo-member-1'] });
    await runSenderJob();
    const remind = await api.call<{ sent: number }>('POST', `/v1/notices/${notice.id}/remind`, {
      token: tokens['demo-secretary-1'],
    });
    expect(remind.body.sent).toBe(notice.audience - 1);
    await Promise.all([runSenderJob(), runSenderJob()]);
    const reminders = stack.wechat.subscribeMessages.filter((m) => messageIdOf(m.page)?.startsWith(`rm-${notice.id}`));
    expect(reminders).toHaveLength(notice.audience - 1);
    expect(new Set(reminders.map((m) => m.touser)).size).toBe(notice.audience - 1);
    expect(reminders.map((m) => m.touser)).not.toContain('demo-member-1');
    expect(reminders[0]!.data.thing1).toEqual({ value: '阅读提醒' });
  });
});

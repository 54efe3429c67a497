/**
 * 党建新闻 / 信息发布 through the local API on DynamoDB Local: publishing within the author's subtree, what each
 * member sees, the read receipt recorded once (however many reads at once), receipts and reminders.
 */
import { messageItems } from '../../functions/messages/outbox';
import { audiencePut } from '../../functions/notices/audience-store';
import { resumeStalledPublications } from '../../functions/notices/publish';
import * as noticeStore from '../../functions/notices/store';
import type { Stack } from '../../scripts/stack';
import type { NoticeListResponse, NoticeReadsResponse } from '../../shared/notices/schemas';
import { noticeBody, publish } from '../support/notices';
import { apiClient, startTestStack } from '../support/stack';

type Api = ReturnType<typeof apiClient>;
type Person = { token: string; id: string };
let stack: Stack;
let api: Api;
const people: Record<string, Person> = {};

const list = (who: string, query = '') =>
  api.call<NoticeListResponse>('GET', `/v1/notices${query}`, { token: people[who]!.token });
const read = (who: string, id: string) =>
  api.call<{ read: boolean; readAt: string | null; notice: { readCount: number }; error?: { code: string } }>(
    'GET',
    `/v1/notices/${id}`,
    { token: people[who]!.token },
  );
const reads = (who: string, id: string) =>
  api.call<NoticeReadsResponse & { error?: { code: string } }>('GET', `/v1/notices/${id}/reads`, {
    token: people[who]!.token,
  });
const unreadMessages = async (who: string) =>
  (await api.call<{ unread: number }>('GET', '/v1/me/messages', { token: people[who]!.token })).body.unread;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  for (const openid of [
    'demo-committee',
    'demo-secretary-1',
    'demo-secretary-2',
    'demo-organizer-1',
    'demo-member-1',
    'demo-member-2',
    'demo-member-13',
  ]) {
    const { token, member } = await api.loginAs(openid);
    people[openid] = { token, id: member.id };
  }
}, 60_000);

afterAll(() => stack.stop());

describe('Route: POST /v1/notices', () => {
  it('publishes to the secretary’s own branch by default: its members see it unread, others do not', async () => {
    const before = (await list('demo-member-1')).body.unread;
    const notice = await publish(api, people['demo-secretary-1']!.token, noticeBody('支部通知：本周五主题党日'));
    // Branch 1 has 14 active members: the secretary's notice reaches the 13 others.
    expect(notice).toMatchObject({ orgId: 'org-branch-1', audience: 13, readCount: 0 });
    expect(notice.targets).toEqual([{ orgId: 'org-branch-1', orgName: '内科第一党支部' }]);
    const mine = await list('demo-member-1');
    expect(mine.body.items[0]).toMatchObject({ id: notice.id, read: false, kind: 'notice' });
    expect(mine.body.unread).toBe(before + 1);
    const other = await list('demo-member-13');
    expect(other.body.items.map((item) => item.id)).not.toContain(notice.id);
  });

  it('lets the committee publish to its whole subtree: every active member but the author is reached', async () => {
    const notice = await publish(api, people['demo-committee']!.token, {
      kind: 'news',
      title: '全院党员大会胜利召开',
      body: '会议选举产生了新一届党委委员。',
    });
    // 3 branches × 14 members (the committee member is the author): more than one transaction's worth.
    expect(notice.audience).toBe(42);
    const seen = await list('demo-member-13', '?kind=news');
    expect(seen.body.items[0]).toMatchObject({ id: notice.id, kind: 'news', read: false });
    expect(seen.body.items.every((item) => item.kind === 'news')).toBe(true);
    const figures = await reads('demo-committee', notice.id);
    expect(figures.body).toMatchObject({ total: 42, read: 0 });
    expect(figures.body.unread).toHaveLength(42);
  });

  it('refuses a member and an organizer with 403, writing nothing', async () => {
    const before = await list('demo-member-2');
    for (const who of ['demo-member-1', 'demo-organizer-1']) {
      const answer = await api.call<{ error: { code: string } }>('POST', '/v1/notices', {
        token: people[who]!.token,
        body: noticeBody(),
      });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('FORBIDDEN_ROLE');
    }
    const after = await list('demo-member-2');
    expect(after.body.items.map((i) => i.id)).toEqual(before.body.items.map((i) => i.id));
  });

  it.each([
    ['an empty title', { ...noticeBody(), title: '   ' }, 'VALIDATION_FAILED', 'title'],
    ['a body with a script', { ...noticeBody(), body: '请阅读<script>alert(1)</script>' }, 'VALIDATION_FAILED', 'body'],
    ['a body over 50,000 characters', { ...noticeBody(), body: '党'.repeat(50_001) }, 'VALIDATION_FAILED', 'body'],
  ])('refuses %s with 400 and writes nothing', async (_what, body, code, field) => {
    const [notices, messages] = [await list('demo-member-2'), await unreadMessages('demo-member-2')];
    const answer = await api.call<{ error: { code: string; fields?: { path: string }[] } }>('POST', '/v1/notices', {
      token: people['demo-secretary-1']!.token,
      body,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.fields?.map((f) => f.path)).toContain(field);
    expect((await list('demo-member-2')).body).toEqual(notices.body);
    expect(await unreadMessages('demo-member-2')).toBe(messages);
  });

  it.each([
    ['a target outside the branch', ['org-branch-2']],
    ['an unknown target', ['org-nowhere']],
    ['the committee above, even with the branch itself', ['org-branch-1', 'org-committee']],
  ])('refuses %s with 403 (scope, DESIGN §5) and writes nothing', async (_what, orgIds) => {
    const [notices, messages] = [await list('demo-member-2'), await unreadMessages('demo-member-2')];
    const answer = await api.call<{ error: { code: string; fields?: { path: string }[] } }>('POST', '/v1/notices', {
      token: people['demo-secretary-1']!.token,
      body: { ...noticeBody(), orgIds },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('NOTICE_TARGET_OUT_OF_SCOPE');
    expect((await list('demo-member-2')).body).toEqual(notices.body);
    expect(await unreadMessages('demo-member-2')).toBe(messages);
  });
});

describe('Route: GET /v1/notices/{id}', () => {
  it('records one receipt for 20 concurrent reads by one member, and the counter says 1', async () => {
    const notice = await publish(api, people['demo-secretary-1']!.token, noticeBody('并发阅读测试'));
    const answers = await Promise.all(Array.from({ length: 20 }, () => read('demo-member-1', notice.id)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((a) => a.body.readAt)).size).toBe(1);
    expect(answers.every((a) => a.body.read)).toBe(true);
    const again = await read('demo-member-1', notice.id);
    expect(again.body.readAt).toBe(answers[0]!.body.readAt);
    const figures = await reads('demo-secretary-1', notice.id);
    expect(figures.body.total).toBe(13);
    expect(figures.body.read).toBe(1);
    expect(figures.body.unread).toHaveLength(12);
    expect(figures.body.unread.map((m) => m.memberId)).not.toContain(people['demo-member-1']!.id);
    const mine = await list('demo-member-1');
    expect(mine.body.items.find((item) => item.id === notice.id)?.read).toBe(true);
  });

  it('answers 404 for another branch’s notice, and for one that does not exist', async () => {
    const notice = await publish(api, people['demo-secretary-1']!.token, noticeBody('仅本支部可见'));
    const other = await read('demo-member-13', notice.id);
    expect(other.status).toBe(404);
    expect(other.body.error?.code).toBe('NOTICE_NOT_FOUND');
    expect((await read('demo-member-13', 'n-missing')).status).toBe(404);
    // Nor does another branch's secretary see its receipts.
    expect((await reads('demo-secretary-2', notice.id)).status).toBe(403);
  });

  it('shows the committee a branch’s notice without counting it as read', async () => {
    const notice = await publish(api, people['demo-secretary-1']!.token, noticeBody('党委可查看'));
    const seen = await read('demo-committee', notice.id);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ read: false, canManage: true });
    expect((await reads('demo-committee', notice.id)).body.read).toBe(0);
  });
});

describe('Route: GET /v1/notices', () => {
  it('pages newest first through signed cursors, each notice once', async () => {
    for (const title of ['分页一', '分页二', '分页三'])
      await publish(api, people['demo-secretary-2']!.token, noticeBody(title));
    const ids: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: Awaited<ReturnType<typeof list>> = await list(
        'demo-member-13',
        `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      ids.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    }
    expect(new Set(ids).size).toBe(ids.length);
    const everything = await list('demo-member-13', '?limit=50');
    expect(ids).toEqual(everything.body.items.map((item) => item.id));
  });

  it('refuses a cursor of another list', async () => {
    const page = await list('demo-member-13', '?limit=1');
    const cursor = encodeURIComponent(page.body.nextCursor!);
    const answer = await list('demo-member-13', `?limit=1&kind=news&cursor=${cursor}`);
    expect(answer.status).toBe(400);
  });
});

describe('Route: POST /v1/notices/{id}/remind', () => {
  it('sends one reminder to each unread member, once a day, and replays an Idempotency-Key', async () => {
    const notice = await publish(api, people['demo-secretary-1']!.token, noticeBody('请尽快阅读'));
    await read('demo-member-1', notice.id);
    const remind = (key: string) =>
      api.call<{ sent: number; skipped: number }>('POST', `/v1/notices/${notice.id}/remind`, {
        token: people['demo-secretary-1']!.token,
        headers: { 'idempotency-key': key },
      });
    const first = await remind('remind-key-0001');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ sent: 12, skipped: 0 });
    expect((await remind('remind-key-0001')).body).toEqual(first.body);
    expect((await remind('remind-key-0002')).body).toEqual({ sent: 0, skipped: 12 });
    const inbox = await api.call<{ items: { kind: string; ref: { id: string } | null }[] }>('GET', '/v1/me/messages', {
      token: people['demo-member-2']!.token,
    });
    const about = inbox.body.items.filter((m) => m.ref?.id === notice.id).map((m) => m.kind);
    expect(about.sort()).toEqual(['notice', 'notice_reminder']);
    const reader = await api.call<{ items: { ref: { id: string } | null; kind: string }[] }>('GET', '/v1/me/messages', {
      token: people['demo-member-1']!.token,
    });
    expect(reader.body.items.filter((m) => m.ref?.id === notice.id).map((m) => m.kind)).toEqual(['notice']);
  });
});

describe('Job: resuming a stalled publication', () => {
  it('finishes a publication whose request died half-way, once, without doubling anyone', async () => {
    // Prepare: the request wrote the notice (still `publishing`) and one member's items, then died.
    const secretary = await api.loginAs('demo-secretary-2');
    const member = await api.loginAs('demo-member-13');
    const branch = { orgId: 'org-branch-2', orgPath: member.member.orgPath, orgName: '外科党支部' };
    const startedAt = new Date(Date.now() - 5 * 60_000).toISOString();
    const draft: noticeStore.NoticeRecord = {
      id: `nstalled${Date.now()}`,
      kind: 'notice',
      title: '中断后补发的通知',
      body: '正文',
      ...branch,
      authorId: secretary.member.id,
      authorName: secretary.member.name,
      targets: [branch],
      publishedAt: startedAt,
      state: 'publishing',
      audience: 0,
      readCount: 0,
    };
    const message = {
      id: `nt-${draft.id}`,
      memberId: member.member.id,
      kind: 'notice' as const,
      title: '信息发布·外科党支部',
      body: draft.title,
      ref: { type: 'notice' as const, id: draft.id },
    };
    await noticeStore.transact([
      noticeStore.noticePut(draft),
      audiencePut(draft, { memberId: member.member.id, name: member.member.name, orgId: 'org-branch-2' }),
      ...messageItems(message, startedAt),
    ]);
    expect((await read('demo-member-13', draft.id)).status).toBe(404); // seen by nobody while publishing

    // Act: two job runs; the second finds nothing left to do.
    expect(await resumeStalledPublications()).toBe(1);
    expect(await resumeStalledPublications()).toBe(0);

    // Assess: published to the whole branch, one message each.
    const figures = await reads('demo-secretary-2', draft.id);
    expect(figures.body).toMatchObject({ total: 13, read: 0 });
    expect((await read('demo-member-13', draft.id)).status).toBe(200);
    const messages = await api.call<{ items: { id: string }[] }>('GET', '/v1/me/messages?limit=50', {
      token: member.token,
    });
    expect(messages.body.items.filter((m) => m.id === message.id)).toHaveLength(1);
  });
});

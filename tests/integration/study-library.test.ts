/**
 * The 党建知识 library through the API (issue 8 item 1): the seeded library, publishing within one's reach,
 * unpublishing, the member's feed (category, title search, signed cursors) and bad input → clear errors with
 * nothing written.
 */
import type { Stack } from '../../scripts/stack';
import { apiClient, startTestStack } from '../support/stack';
import { createItem, itemBody } from '../support/study';

type Api = ReturnType<typeof apiClient>;
interface Summary {
  id: string;
  title: string;
  category: string;
  publishedAt: string;
  studiedToday: boolean;
}
interface List {
  items: Summary[];
  nextCursor: string | null;
}

let stack: Stack;
let api: Api;
const tokens: Record<string, string> = {};
const as = (who: string) => ({ token: tokens[who] });

async function feed(who: string, query = ''): Promise<Summary[]> {
  const found: Summary[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: List } = await api.call<List>(
      'GET',
      `/v1/study/items?limit=7${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      as(who),
    );
    expect(page.status).toBe(200);
    found.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return found;
}

const ownedCount = async (orgId: string) =>
  (await api.call<List>('GET', `/v1/orgs/${orgId}/study-items?limit=50`, as('demo-committee'))).body.items.length;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  Object.assign(
    tokens,
    await api.tokensOf(['demo-committee', 'demo-secretary-1', 'demo-organizer-1', 'demo-member-1', 'demo-member-13']),
  );
}, 60_000);

afterAll(() => stack.stop());

describe('Route: GET /v1/study/categories and /v1/study/items', () => {
  it('lists the seed categories in order', async () => {
    const answer = await api.call<{ categories: { code: string; name: string }[] }>(
      'GET',
      '/v1/study/categories',
      as('demo-member-1'),
    );
    expect(answer.body.categories).toEqual([
      { code: 'theory', name: '理论学习' },
      { code: 'rules', name: '党章党规' },
      { code: 'ethics', name: '医德医风' },
      { code: 'models', name: '先进典型' },
      { code: 'current', name: '时政要闻' },
    ]);
  });

  it("shows a member the hospital's library and their branch's own items, newest first, page by page", async () => {
    const mine = await feed('demo-member-1');
    const other = await feed('demo-member-13');
    expect(mine.length).toBe(17); // 15 for the whole hospital, 2 of 内科第一党支部
    expect(new Set(mine.map((item) => item.id)).size).toBe(mine.length);
    const times = mine.map((item) => item.publishedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(mine.some((item) => item.id === 'study-branch-1-a')).toBe(true);
    expect(other.some((item) => item.id === 'study-branch-1-a')).toBe(false);
    expect(new Set(mine.map((item) => item.category))).toEqual(
      new Set(['theory', 'rules', 'ethics', 'models', 'current']),
    );
    expect(mine.every((item) => item.studiedToday === false)).toBe(true);
  });

  it('filters by category and searches titles', async () => {
    const ethics = await feed('demo-member-1', '&category=ethics');
    expect(ethics.length).toBeGreaterThanOrEqual(3);
    expect(ethics.every((item) => item.category === 'ethics')).toBe(true);
    const found = await feed('demo-member-1', `&q=${encodeURIComponent('林巧稚')}`);
    expect(found.map((item) => item.id)).toEqual(['study-hospital-06']);
    expect(await feed('demo-member-1', `&category=rules&q=${encodeURIComponent('九项准则')}`)).toEqual([]);
  });

  it('refuses a cursor of another list', async () => {
    const page = await api.call<List>('GET', '/v1/study/items?limit=2', as('demo-member-1'));
    const moved = await api.call(
      'GET',
      `/v1/study/items?category=theory&cursor=${page.body.nextCursor}`,
      as('demo-member-1'),
    );
    expect(moved.status).toBe(400);
  });
});

describe('Route: POST /v1/study/items and PATCH /v1/study/items/{id}', () => {
  it('publishes an article to the secretary’s branch only, with the body rewritten to the allow-list', async () => {
    const created = await api.call<{ item: { id: string; body: string; targets: { orgId: string }[] } }>(
      'POST',
      '/v1/study/items',
      { ...as('demo-secretary-1'), body: itemBody({ body: '<div class="x">正文<span>内容</span><b>重点</b></div>' }) },
    );
    expect(created.status).toBe(201);
    expect(created.body.item.body).toBe('<p>正文内容<strong>重点</strong></p>');
    expect(created.body.item.targets).toEqual([{ orgId: 'org-branch-1', name: '内科第一党支部' }]);
    const id = created.body.item.id;
    expect((await api.call('GET', `/v1/study/items/${id}`, as('demo-member-1'))).status).toBe(200);
    expect((await feed('demo-member-1')).map((item) => item.id)).toContain(id);
    // Another branch's member: not in their list, and the item does not exist for them.
    expect((await feed('demo-member-13')).map((item) => item.id)).not.toContain(id);
    const foreign = await api.call<{ error: { code: string } }>('GET', `/v1/study/items/${id}`, as('demo-member-13'));
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('STUDY_ITEM_NOT_FOUND');
    expect((await api.call('POST', `/v1/study/items/${id}/sessions`, as('demo-member-13'))).status).toBe(404);
  });

  it("publishes committee items to the committee's whole subtree by default", async () => {
    const id = await createItem(api, tokens['demo-committee']!, { title: '全院学习：新规解读', category: 'current' });
    expect((await api.call('GET', `/v1/study/items/${id}`, as('demo-member-13'))).status).toBe(200);
    expect((await feed('demo-member-1')).map((item) => item.id)).toContain(id);
  });

  it('unpublishes and republishes', async () => {
    const id = await createItem(api, tokens['demo-secretary-1']!, { title: '待下架的内容' });
    const off = await api.call<{ item: { published: boolean } }>('PATCH', `/v1/study/items/${id}`, {
      ...as('demo-secretary-1'),
      body: { published: false },
    });
    expect(off.status).toBe(200);
    expect(off.body.item.published).toBe(false);
    expect((await api.call('GET', `/v1/study/items/${id}`, as('demo-member-1'))).status).toBe(404);
    expect((await feed('demo-member-1')).map((item) => item.id)).not.toContain(id);
    const publisher = await api.call<{ canManage: boolean }>('GET', `/v1/study/items/${id}`, as('demo-secretary-1'));
    expect(publisher.body.canManage).toBe(true);
    await api.call('PATCH', `/v1/study/items/${id}`, {
      ...as('demo-secretary-1'),
      body: { published: true, title: '已恢复的内容' },
    });
    const back = await feed('demo-member-1', `&q=${encodeURIComponent('已恢复')}`);
    expect(back.map((item) => item.id)).toEqual([id]);
  });

  it('refuses a member or an organizer publishing (403), and a target outside the author’s reach', async () => {
    for (const who of ['demo-member-1', 'demo-organizer-1']) {
      const answer = await api.call<{ error: { code: string } }>('POST', '/v1/study/items', {
        ...as(who),
        body: itemBody(),
      });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('FORBIDDEN_ROLE');
    }
    const before = await ownedCount('org-branch-1');
    const outside = await api.call<{ error: { code: string } }>('POST', '/v1/study/items', {
      ...as('demo-secretary-1'),
      body: itemBody({ orgIds: ['org-branch-1', 'org-branch-2'] }),
    });
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('STUDY_TARGET_OUT_OF_SCOPE');
    expect(await ownedCount('org-branch-1')).toBe(before);
  });

  it.each([
    ['an article with a script', { body: '<p>学习</p><script>alert(1)</script>' }, 'STUDY_BODY_UNSAFE', 'body'],
    ['an event handler', { body: '<img src="https://a.cn/x.png" onerror="alert(1)">' }, 'STUDY_BODY_UNSAFE', 'body'],
    ['an image over http', { body: '<img src="http://a.cn/x.png">' }, 'STUDY_IMAGE_URL_INVALID', 'body'],
    ['a body over 50,000 characters', { body: `<p>${'学'.repeat(50_000)}</p>` }, 'VALIDATION_FAILED', 'body'],
    [
      'a video link that is not https',
      { kind: 'video', videoUrl: 'http://v.cn/a.mp4' },
      'VALIDATION_FAILED',
      'videoUrl',
    ],
    ['minimum minutes 0', { minMinutes: 0 }, 'VALIDATION_FAILED', 'minMinutes'],
    ['minimum minutes 121', { minMinutes: 121 }, 'VALIDATION_FAILED', 'minMinutes'],
    ['an empty title', { title: '   ' }, 'VALIDATION_FAILED', 'title'],
    ['an unknown category', { category: 'sports' }, 'STUDY_CATEGORY_UNKNOWN', 'category'],
    ['an article without text', { body: '<p> </p>' }, 'STUDY_BODY_REQUIRED', 'body'],
  ])('refuses %s with 400, writing nothing', async (_name, change, code, field) => {
    const before = await ownedCount('org-branch-1');
    const answer = await api.call<{ error: { code: string; fields: { path: string }[] } }>('POST', '/v1/study/items', {
      ...as('demo-secretary-1'),
      body: itemBody(change),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.fields.map((f) => f.path)).toContain(field);
    expect(await ownedCount('org-branch-1')).toBe(before);
  });

  it('refuses an edit by another branch’s secretary (403) and an unknown item (404)', async () => {
    const other = await api.loginAs('demo-secretary-2');
    const edit = await api.call('PATCH', '/v1/study/items/study-branch-1-a', {
      token: other.token,
      body: { title: '改别人的' },
    });
    expect(edit.status).toBe(403);
    const unknown = await api.call('PATCH', '/v1/study/items/no-such-item', {
      ...as('demo-committee'),
      body: { published: false },
    });
    expect(unknown.status).toBe(404);
  });
});

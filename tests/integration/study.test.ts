/**
 * Server-timed study through the API (issue 8 items 2–4): sessions, heartbeats, 完成学习, streaks, 我的学习,
 * the branch figures from their maintained aggregates, and who has / has not studied an item. The minute is
 * shortened on the server (STUDY_SECONDS_PER_MINUTE=1), never by the client.
 */
import { putSession } from '../../functions/study/progress-store';
import type { Stack } from '../../scripts/stack';
import { apiClient, startTestStack } from '../support/stack';
import { createItem, sleep, startSession, studyFor } from '../support/study';

process.env.STUDY_SECONDS_PER_MINUTE = '1';

type Api = ReturnType<typeof apiClient>;
interface Session {
  id: string;
  requiredSeconds: number;
  countedSeconds: number;
  canComplete: boolean;
}
interface Completed {
  checkin: { id: string; itemId: string; day: string; seconds: number };
  streak: { current: number; longest: number };
  error: { code: string };
}
interface Figures {
  members: number;
  checkins: number;
  seconds: number;
  participants: number;
  branches?: (Figures & { orgId: string })[];
}
interface Me {
  streak: { current: number; longest: number };
  today: { checkins: number; seconds: number };
  week: { checkins: number; seconds: number };
  history: { id: string; itemId: string; title: string }[];
}

let stack: Stack;
let api: Api;
const tokens: Record<string, string> = {};
const as = (who: string) => ({ token: tokens[who] });
let item: string; // 1 minute = 1 s here
let longItem: string; // 3 s

const beat = (who: string, sessionId: string, visible = true) =>
  api.call<{ session: Session; error: { code: string } }>('POST', `/v1/study/sessions/${sessionId}/heartbeat`, {
    ...as(who),
    body: { visible },
  });
const complete = (who: string, sessionId: string) =>
  api.call<Completed>('POST', `/v1/study/sessions/${sessionId}/complete`, as(who));
const me = async (who: string) => (await api.call<Me>('GET', '/v1/study/me', as(who))).body;
const stats = async (orgId: string, who = 'demo-committee') =>
  (await api.call<Figures>('GET', `/v1/orgs/${orgId}/study-stats`, as(who))).body;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  Object.assign(
    tokens,
    await api.tokensOf(['demo-committee', 'demo-secretary-1', 'demo-organizer-1', 'demo-member-1', 'demo-member-13']),
  );
  item = await createItem(api, tokens['demo-committee']!, { title: '全院学习：一分钟', minMinutes: 1 });
  longItem = await createItem(api, tokens['demo-committee']!, { title: '全院学习：三分钟', minMinutes: 3 });
}, 60_000);

afterAll(() => stack.stop());

describe('Route: POST /v1/study/items/{id}/sessions and …/heartbeat', () => {
  it('starts a session with requiredSeconds from the server setting', async () => {
    const answer = await api.call<{ session: Session }>(
      'POST',
      `/v1/study/items/${longItem}/sessions`,
      as('demo-member-1'),
    );
    expect(answer.status).toBe(201);
    expect(answer.body.session).toMatchObject({ requiredSeconds: 3, countedSeconds: 0, canComplete: false });
  });

  it("credits nothing while the page is hidden, and refuses another member's session (404)", async () => {
    const id = await startSession(api, tokens['demo-member-1']!, item);
    await sleep(600);
    expect((await beat('demo-member-1', id, false)).body.session.countedSeconds).toBe(0);
    await sleep(1100);
    const back = await beat('demo-member-1', id, true);
    expect(back.body.session).toMatchObject({ countedSeconds: 0, canComplete: false });
    const foreign = await beat('demo-member-13', id);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('STUDY_SESSION_NOT_FOUND');
    expect((await complete('demo-member-13', id)).status).toBe(404);
    expect((await beat('demo-member-1', 'no-such-session')).status).toBe(404);
  });
});

describe('Route: POST /v1/study/sessions/{id}/complete', () => {
  it('refuses an early completion with 422 STUDY_TOO_SHORT and writes nothing; fast heartbeats do not shorten it', async () => {
    const before = { me: await me('demo-member-1'), branch: await stats('org-branch-1') };
    const id = await startSession(api, tokens['demo-member-1']!, longItem);
    const started = Date.now();
    for (let i = 0; i < 15; i++) await beat('demo-member-1', id);
    const early = await complete('demo-member-1', id);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('STUDY_TOO_SHORT');
    expect(await me('demo-member-1')).toEqual(before.me);
    expect(await stats('org-branch-1')).toEqual(before.branch);
    const detail = await api.call<{ todayCheckin: unknown }>('GET', `/v1/study/items/${longItem}`, as('demo-member-1'));
    expect(detail.body.todayCheckin).toBeNull();
    // Keep the page open and beating: once 3 s have passed on the server it completes, crediting no more.
    while (Date.now() - started < 3300) {
      await sleep(400);
      await beat('demo-member-1', id);
    }
    const done = await complete('demo-member-1', id);
    expect(done.status).toBe(201);
    expect(done.body.checkin.seconds).toBeGreaterThanOrEqual(3);
    expect(done.body.checkin.seconds).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 1000));
  });

  it('returns the first check-in (200) for a second completion of the item the same day; a session completes once', async () => {
    const firstSession = await studyFor(api, tokens['demo-member-13']!, item, 1100);
    const first = await complete('demo-member-13', firstSession);
    expect(first.status).toBe(201);
    expect(first.body.streak).toEqual({ current: 1, longest: 1 });
    const again = await complete('demo-member-13', firstSession);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('STUDY_SESSION_COMPLETED');
    const secondSession = await studyFor(api, tokens['demo-member-13']!, item, 1100);
    const second = await complete('demo-member-13', secondSession);
    expect(second.status).toBe(200);
    expect(second.body.checkin).toEqual(first.body.checkin);
    const mine = await me('demo-member-13');
    expect(mine.today.checkins).toBe(1);
    expect(mine.history.filter((entry) => entry.itemId === item)).toHaveLength(1);
  });

  it('refuses a session older than 24 hours (422) and an unknown item (404)', async () => {
    const startedAt = Date.now() - 25 * 3600_000;
    await putSession({
      id: 'ss-stale-session',
      itemId: item,
      memberId: 'm-demo-member-1',
      requiredSeconds: 1,
      creditedMs: 600_000,
      lastBeatMs: startedAt,
      lastVisible: true,
      startedAt: new Date(startedAt).toISOString(),
      version: 1,
      expiresAt: Math.floor(Date.now() / 1000) + 86_400,
    });
    const stale = await complete('demo-member-1', 'ss-stale-session');
    expect(stale.status).toBe(422);
    expect(stale.body.error.code).toBe('STUDY_SESSION_EXPIRED');
    expect((await beat('demo-member-1', 'ss-stale-session')).status).toBe(422);
    expect((await api.call('POST', '/v1/study/items/no-such-item/sessions', as('demo-member-1'))).status).toBe(404);
  });

  it('shows 已学 today, the streak and my week in 我的学习 — and no rank anywhere', async () => {
    const session = await studyFor(api, tokens['demo-member-1']!, item, 1100);
    const done = await complete('demo-member-1', session);
    expect(done.status).toBe(201);
    const mine = await api.call<Me & Record<string, unknown>>('GET', '/v1/study/me?limit=1', as('demo-member-1'));
    expect(mine.body.streak).toEqual({ current: 1, longest: 1 });
    expect(mine.body.today.checkins).toBe(2); // this one and the 3-minute item above
    expect(mine.body.week.checkins).toBeGreaterThanOrEqual(2);
    expect(mine.body.history[0]).toMatchObject({ id: done.body.checkin.id, title: '全院学习：一分钟' });
    expect(JSON.stringify(mine.body)).not.toMatch(/rank/i);
    const list = await api.call<{ items: { id: string; studiedToday: boolean }[] }>(
      'GET',
      `/v1/study/items?q=${encodeURIComponent('一分钟')}`,
      as('demo-member-1'),
    );
    expect(list.body.items).toEqual([expect.objectContaining({ id: item, studiedToday: true })]);
    const detail = await api.call<{ todayCheckin: { id: string } }>(
      'GET',
      `/v1/study/items/${item}`,
      as('demo-member-1'),
    );
    expect(detail.body.todayCheckin.id).toBe(done.body.checkin.id);
  });
});

describe('Branch figures: GET /v1/orgs/{orgId}/study-stats and …/completions', () => {
  // Ten members of each branch who have not studied yet in this file (nor in the seed).
  const crowd = [
    ...Array.from({ length: 10 }, (_, i) => `demo-member-${i + 3}`),
    ...Array.from({ length: 10 }, (_, i) => `demo-member-${i + 15}`),
    ...Array.from({ length: 10 }, (_, i) => `demo-member-${i + 26}`),
  ];
  let itemOfCrowd: string;

  it('keeps the maintained aggregate equal to the records when 30 members complete at once', async () => {
    itemOfCrowd = await createItem(api, tokens['demo-committee']!, { title: '全院学习：并发', minMinutes: 1 });
    Object.assign(tokens, await api.tokensOf(crowd));
    const before = await stats('org-committee');
    const sessions = await Promise.all(crowd.map((who) => studyFor(api, tokens[who]!, itemOfCrowd, 1100)));
    const answers = await Promise.all(crowd.map((who, i) => complete(who, sessions[i]!)));
    expect(answers.map((answer) => answer.status)).toEqual(crowd.map(() => 201));
    const after = await stats('org-committee');
    const seconds = answers.reduce((sum, answer) => sum + answer.body.checkin.seconds, 0);
    expect(after.checkins - before.checkins).toBe(30);
    expect(after.seconds - before.seconds).toBe(seconds);
    expect(after.participants - before.participants).toBe(30);
    for (const [n, row] of after.branches!.entries()) {
      const was = before.branches![n]!;
      expect(row.checkins - was.checkins).toBe(10);
      expect(row.participants - was.participants).toBe(10);
    }
    expect(after.checkins).toBe(after.branches!.reduce((sum, row) => sum + row.checkins, 0));
    // Every counted completion is a record in its member's history.
    for (const [i, who] of crowd.entries()) {
      expect((await me(who)).history[0]?.id).toBe(answers[i]!.body.checkin.id);
    }
  }, 60_000);

  it('answers a branch from its own aggregate, refusing another branch (403)', async () => {
    const own = await api.call<Figures>('GET', '/v1/orgs/org-branch-1/study-stats', as('demo-organizer-1'));
    expect(own.status).toBe(200);
    expect(own.body.branches).toBeUndefined();
    expect(own.body.members).toBe(14);
    expect(own.body).toMatchObject({ perMember: { checkins: Math.round((own.body.checkins / 14) * 100) / 100 } });
    expect((await api.call('GET', '/v1/orgs/org-branch-2/study-stats', as('demo-organizer-1'))).status).toBe(403);
    expect(
      (await api.call('GET', '/v1/orgs/org-branch-1/study-stats?month=2026-13', as('demo-committee'))).status,
    ).toBe(400);
  });

  it('lists who has and has not studied an item, within the caller’s reach', async () => {
    const branch = await api.call<{ total: number; done: { memberId: string }[]; notDone: { memberId: string }[] }>(
      'GET',
      `/v1/study/items/${itemOfCrowd}/completions`,
      as('demo-secretary-1'),
    );
    expect(branch.status).toBe(200);
    expect(branch.body.total).toBe(14);
    expect(branch.body.done.map((d) => d.memberId).sort()).toEqual(
      crowd
        .slice(0, 10)
        .map((who) => `m-${who}`)
        .sort(),
    );
    expect(branch.body.notDone).toHaveLength(4);
    const all = await api.call<{ total: number; done: unknown[]; notDone: unknown[] }>(
      'GET',
      `/v1/study/items/${itemOfCrowd}/completions`,
      as('demo-committee'),
    );
    expect(all.body.done).toHaveLength(30);
    expect(all.body.done.length + all.body.notDone.length).toBe(all.body.total);
    const outside = await api.call(
      'GET',
      `/v1/study/items/${itemOfCrowd}/completions?orgId=org-branch-2`,
      as('demo-secretary-1'),
    );
    expect(outside.status).toBe(403);
    const member = await api.call('GET', `/v1/study/items/${itemOfCrowd}/completions`, as('demo-member-1'));
    expect(member.status).toBe(403);
  });
});

/** Study items and sessions for the tests, made through the API as a secretary and a member would. */
import type { apiClient } from './stack';

type Api = ReturnType<typeof apiClient>;

export const ARTICLE = '<h2>学习要点</h2><p>坚持以人民健康为中心，<strong>守护生命</strong>。</p>';

/** A valid creation body; `extra` overrides any field. */
export function itemBody(extra: Record<string, unknown> = {}) {
  return { title: '测试学习内容', category: 'theory', kind: 'article', body: ARTICLE, minMinutes: 1, ...extra };
}

export async function createItem(api: Api, token: string, extra: Record<string, unknown> = {}): Promise<string> {
  const answer = await api.call<{ item: { id: string } }>('POST', '/v1/study/items', { token, body: itemBody(extra) });
  if (answer.status !== 201) throw new Error(`create item: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.item.id;
}

export async function startSession(api: Api, token: string, itemId: string): Promise<string> {
  const answer = await api.call<{ session: { id: string } }>('POST', `/v1/study/items/${itemId}/sessions`, { token });
  if (answer.status !== 201) throw new Error(`start session: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.session.id;
}

/**
 * For the authorisation matrix: an item of branch `n` published by its secretary to the branch, and a session
 * on it of demo member `memberNo` (a member of that branch).
 */
export async function studyFixture(api: Api, n: number, memberNo: number) {
  const secretary = await api.loginAs(`demo-secretary-${n}`);
  const studyItemId = await createItem(api, secretary.token, {
    title: `矩阵测试学习内容 ${n}`,
    orgIds: [`org-branch-${n}`],
  });
  const member = await api.loginAs(`demo-member-${memberNo}`);
  return { studyItemId, studySessionId: await startSession(api, member.token, studyItemId) };
}

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Opens the item, stays on it `ms` (one visible heartbeat at the end) and returns the session id. */
export async function studyFor(api: Api, token: string, itemId: string, ms: number): Promise<string> {
  const sessionId = await startSession(api, token, itemId);
  await sleep(ms);
  const beat = await api.call('POST', `/v1/study/sessions/${sessionId}/heartbeat`, { token, body: { visible: true } });
  if (beat.status !== 200) throw new Error(`heartbeat: ${beat.status} ${JSON.stringify(beat.body)}`);
  return sessionId;
}

/**
 * 完成学习 holds the member to the roster inside its own transaction (rosterCheck: 'transaction', like
 * check-ins): the attack is a member removed from the roster finishing a session with the token they still hold.
 */
import type { Stack } from '../../scripts/stack';
import { enrol, patchMember } from '../support/enrol';
import { apiClient, startTestStack } from '../support/stack';
import { createItem, sleep, startSession, studyFor } from '../support/study';

process.env.STUDY_SECONDS_PER_MINUTE = '1';

type Err = { error: { code: string } };
let stack: Stack;
let api: ReturnType<typeof apiClient>;
let secretary: string;
let branch: string;
let item: string;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  const sec = await api.loginAs('demo-secretary-1');
  secretary = sec.token;
  branch = sec.member.orgId;
  item = await createItem(api, secretary, { minMinutes: 1 });
}, 60_000);

afterAll(() => stack.stop());

const history = async (token: string) =>
  (await api.call<{ history: unknown[] }>('GET', '/v1/study/me', { token })).body.history?.length ?? 0;

describe('完成学习 after the roster changed', () => {
  it('refuses a deactivated member who studied long enough: 401 SESSION_REVOKED, nothing written', async () => {
    const person = await enrol(api, secretary, branch, 'study-gone');
    const sessionId = await studyFor(api, person.token, item, 1300);
    const figures = await api.call<{ checkins: number }>('GET', `/v1/orgs/${branch}/study-stats`, { token: secretary });
    await patchMember(api, secretary, person, { status: 'inactive', leaveReason: 'other' });
    const answer = await api.call<Err>('POST', `/v1/study/sessions/${sessionId}/complete`, { token: person.token });
    expect([answer.status, answer.body.error.code]).toEqual([401, 'SESSION_REVOKED']);
    const after = await api.call<{ checkins: number }>('GET', `/v1/orgs/${branch}/study-stats`, { token: secretary });
    expect(after.body.checkins).toBe(figures.body.checkins);
  });

  it('answers a deactivated member’s too-early completion with SESSION_REVOKED, not the session’s state', async () => {
    const person = await enrol(api, secretary, branch, 'study-gone-early');
    const sessionId = await startSession(api, person.token, item);
    await patchMember(api, secretary, person, { status: 'inactive', leaveReason: 'other' });
    const answer = await api.call<Err>('POST', `/v1/study/sessions/${sessionId}/complete`, { token: person.token });
    expect([answer.status, answer.body.error.code]).toEqual([401, 'SESSION_REVOKED']);
  });

  it('still completes for an active member (the check passes inside the transaction)', async () => {
    const person = await enrol(api, secretary, branch, 'study-stays');
    const sessionId = await studyFor(api, person.token, item, 1300);
    await sleep(10);
    const answer = await api.call('POST', `/v1/study/sessions/${sessionId}/complete`, { token: person.token });
    expect(answer.status).toBe(201);
    expect(await history(person.token)).toBe(1);
  });
});

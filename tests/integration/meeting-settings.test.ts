/**
 * A committee's meeting frequencies (DESIGN §6.1): set within the legal range, from this month on, never for a
 * past period, by the tree's root committee only; statistics then judge by them and name the rule version.
 */
import type { Stack } from '../../scripts/stack';
import { shanghaiMonth, shiftMonth } from '../../shared/time';
import { apiClient, startTestStack } from '../support/stack';

type Api = ReturnType<typeof apiClient>;
type Settings = {
  settings: { overrides: { kind: string; frequency: string; effectiveFrom: string }[]; version: number };
  rule: { version: string; frequencies: Record<string, string> };
  error?: { code: string };
};
let stack: Stack;
let api: Api;
let committee: string;

const put = (body: Record<string, unknown>, token = committee, orgId = 'org-committee') =>
  api.call<Settings>('PUT', `/v1/orgs/${orgId}/meeting-settings`, { token, body });

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  committee = (await api.loginAs('demo-committee')).token;
}, 60_000);

afterAll(() => stack.stop());

describe('Route: GET · PUT /v1/orgs/{orgId}/meeting-settings', () => {
  it('refuses what the law does not allow, a past month, and anyone but the root committee; nothing written', async () => {
    const thisMonth = shanghaiMonth(Date.now());
    const cases: [Record<string, unknown>, number, string][] = [
      [{ kind: 'party_congress', frequency: 'month' }, 422, 'FREQUENCY_NOT_ALLOWED'],
      [
        { kind: 'party_lecture', frequency: 'half_year', effectiveFrom: shiftMonth(thisMonth, -1) },
        422,
        'SETTING_IN_THE_PAST',
      ],
      [{ kind: 'party_lecture', frequency: 'weekly' }, 400, 'VALIDATION_FAILED'],
      [{ kind: 'night_study', frequency: 'month' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await put(body);
      expect([answer.status, answer.body.error?.code]).toEqual([status, code]);
    }
    const secretary = (await api.loginAs('demo-secretary-1')).token;
    expect((await put({ kind: 'party_lecture', frequency: 'half_year' }, secretary)).status).toBe(403);
    expect((await put({ kind: 'party_lecture', frequency: 'half_year' }, committee, 'org-branch-1')).status).toBe(403);
    const read = await api.call<Settings>('GET', '/v1/orgs/org-branch-1/meeting-settings', { token: secretary });
    expect(read.status).toBe(200);
    expect(read.body.settings).toMatchObject({ overrides: [], version: 0 });
    expect(read.body.rule.frequencies.party_lecture).toBe('quarter');
  });

  it('sets 党课 half-yearly from this month; the statistics judge by it; a stale version is 409', async () => {
    const set = await put({ kind: 'party_lecture', frequency: 'half_year', version: 0 });
    expect(set.status).toBe(200);
    expect(set.body.rule.frequencies.party_lecture).toBe('half_year');
    expect(set.body.rule.version).toContain('party_lecture=half_year');
    expect((await put({ kind: 'party_lecture', frequency: 'quarter', version: 0 })).status).toBe(409);
    const year = String(new Date().getUTCFullYear());
    const stats = await api.call<{ rule: { version: string }; byKind: { party_lecture: { required: number } } }>(
      'GET',
      `/v1/orgs/org-branch-1/meeting-stats?period=${year}`,
      { token: committee },
    );
    expect(stats.status).toBe(200);
    // The year's rule is the one in force in January: the setting from this month on does not rewrite it.
    const january = `${year}-01`;
    if (shanghaiMonth(Date.now()) === january) expect(stats.body.byKind.party_lecture.required).toBe(2);
    else expect(stats.body.byKind.party_lecture.required).toBe(4);
  });
});

/**
 * Issue #6, reproductions 3, 5 and 7: forged cursors, hammering, and check-in integrity. Each attack is
 * written as a test first; each also checks the legitimate use it must not break.
 */
import { putBindingCode } from '../../functions/auth/store';
import type { Stack } from '../../scripts/stack';
import { enrol } from '../support/enrol';
import { newPerson } from '../support/people';
import { apiClient, startTestStack } from '../support/stack';

type Err = { error: { code: string; message: string } };
let stack: Stack;
let api: ReturnType<typeof apiClient>;
let secretary: string;
let committee: string;
let branch: string;
let member: { token: string; member: { id: string } };

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  const sec = await api.loginAs('demo-secretary-1');
  secretary = sec.token;
  branch = sec.member.orgId;
  committee = (await api.loginAs('demo-committee')).token;
  member = await api.loginAs('demo-member-1');
}, 60_000);

afterAll(() => stack.stop());

const newActivity = async (extra: Record<string, unknown> = {}) => {
  const now = Date.now();
  const answer = await api.call<{ activity: { id: string; qrSlotSeconds: number } } & Err>('POST', '/v1/activities', {
    token: secretary,
    body: {
      orgId: branch,
      title: '周二夜学',
      startAt: new Date(now - 60_000).toISOString(),
      endAt: new Date(now + 3600_000).toISOString(),
      ...extra,
    },
  });
  return answer;
};

describe('Reproduction 3: cursors are authenticated', () => {
  it.each(['e30', 'not-a-cursor', 'eyJwayI6IkFDVCMxIn0', 'A'.repeat(400), 'eyJ9.AAAAAAAAAAAAAAAAAAAAAAAA'])(
    'GET /v1/activities?cursor=%s → 400 CURSOR_INVALID, never a 5xx or a silent first page',
    async (cursor) => {
      const answer = await api.call<Err>('GET', `/v1/activities?cursor=${encodeURIComponent(cursor)}`, {
        token: member.token,
      });
      expect([answer.status, answer.body.error.code]).toEqual([400, 'CURSOR_INVALID']);
    },
  );

  it('a roster cursor only continues its own list: another status filter, another branch, a tampered one → 400', async () => {
    const page = await api.call<{ items: { id: string }[]; nextCursor: string }>(
      'GET',
      `/v1/orgs/${branch}/members?status=active&limit=2`,
      { token: committee },
    );
    expect(page.status).toBe(200);
    const cursor = page.body.nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const next = await api.call<{ items: { id: string }[] }>(
      'GET',
      `/v1/orgs/${branch}/members?status=active&limit=2&cursor=${cursor}`,
      { token: committee },
    );
    expect(next.status).toBe(200);
    expect(next.body.items[0]!.id).not.toBe(page.body.items[0]!.id);
    for (const path of [
      `/v1/orgs/${branch}/members?status=inactive&cursor=${cursor}`,
      `/v1/orgs/${branch}/members?status=all&cursor=${cursor}`,
      `/v1/orgs/org-branch-2/members?status=active&cursor=${cursor}`,
      `/v1/activities?cursor=${cursor}`,
      `/v1/orgs/${branch}/members?status=active&cursor=${cursor.slice(0, -2)}AA`,
    ]) {
      const answer = await api.call<Err>('GET', path, { token: committee });
      expect([path, answer.status, answer.body.error?.code]).toEqual([path, 400, 'CURSOR_INVALID']);
    }
  });
});

describe('Reproduction 5: hammering gets 429 with Retry-After', () => {
  it('the 201st login in a minute from one WeChat user → 429', async () => {
    // Fixed one-minute windows: start in a fresh one, so the 201 logins all fall in the same minute.
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 40_000) await new Promise((r) => setTimeout(r, 60_000 - intoWindow + 50));
    const statuses: number[] = [];
    for (let i = 0; i < 201; i++) {
      const answer = await api.call('POST', '/v1/auth/login', { body: { code: 'mock-hammer-login' } });
      statuses.push(answer.status);
      if (answer.status === 429) {
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
        break;
      }
    }
    expect(statuses.slice(0, 200).every((s) => s === 200)).toBe(true);
    expect(statuses[200]).toBe(429);
  }, 90_000);

  it('unknown, used and expired binding codes answer alike; wrong guesses lock the WeChat user out', async () => {
    const owner = await enrol(api, secretary, branch, 'code-owner');
    await putBindingCode({ code: 'EXPJRED2', memberId: owner.id, expiresAt: 1_000, issuedBy: 'test' });
    // A code that was issued and then used by its rightful owner.
    const fresh = await api.call<{ member: { id: string } }>('POST', `/v1/orgs/${branch}/members`, {
      token: secretary,
      body: newPerson('龚用过'),
    });
    const used = await api.call<{ bindingCode: string }>('POST', `/v1/members/${fresh.body.member.id}/binding-code`, {
      token: secretary,
    });
    const rightful = (await api.call<{ token: string }>('POST', '/v1/auth/login', { body: { code: 'mock-rightful' } }))
      .body.token;
    const guesser = (await api.call<{ token: string }>('POST', '/v1/auth/login', { body: { code: 'mock-guesser-1' } }))
      .body.token;
    const bind = (bindingCode: string, token = guesser) =>
      api.call<Err>('POST', '/v1/auth/bind', { token, body: { bindingCode } });
    expect((await bind(used.body.bindingCode, rightful)).status).toBe(200);
    // Unknown, expired long ago, used: one answer.
    const answers = [await bind('ZZZZZZZZ'), await bind('EXPJRED2'), await bind(used.body.bindingCode)];
    const shapes = answers.map((a) => JSON.stringify([a.status, a.body]));
    expect(new Set(shapes).size).toBe(1);
    expect(answers[0]!.status).toBe(404);
    expect(answers[0]!.body.error.code).toBe('BINDING_CODE_INVALID');
    // 5 wrong guesses in 15 minutes lock this WeChat user out, even for a right code.
    for (let i = 0; i < 2; i++) await bind(`WRQNG${i + 2}AA`);
    const locked = await bind('ZZZZZZZY');
    expect([locked.status, locked.body.error.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a member hammering check-in is stopped; a whole branch checking in at once is not', async () => {
    const { body } = await newActivity();
    const id = body.activity.id;
    const qr = (await api.call<{ payload: string }>('GET', `/v1/activities/${id}/qr`, { token: secretary })).body
      .payload;
    // The whole branch (12 members) taps twice each, concurrently: every first tap 201, every repeat 200.
    const members = await Promise.all(Array.from({ length: 12 }, (_, i) => api.loginAs(`demo-member-${i + 1}`)));
    const taps = await Promise.all(
      members.flatMap((m) =>
        [0, 1].map(() => api.call('POST', `/v1/activities/${id}/checkins`, { token: m.token, body: { qr } })),
      ),
    );
    expect(taps.filter((t) => t.status === 201)).toHaveLength(12);
    expect(taps.filter((t) => t.status === 200)).toHaveLength(12);
    // One member keeps tapping: after 20 repeats in a minute, 429.
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      statuses.push(
        (await api.call('POST', `/v1/activities/${id}/checkins`, { token: member.token, body: { qr } })).status,
      );
    }
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(18);
  });

  it('writes per member are limited (60 a minute)', async () => {
    // A secretary of their own, so the other tests' writes neither count here nor get refused afterwards.
    const busy = await enrol(api, committee, branch, 'busy-secretary', ['secretary']);
    const statuses: number[] = [];
    for (let i = 0; i < 125 && !statuses.includes(429); i++) {
      const answer = await api.call('POST', `/v1/members/m-demo-member-9/binding-code`, { token: busy.token });
      statuses.push(answer.status);
    }
    // Fixed windows: the 61st write of a minute is refused (or, had the minute turned mid-loop, by the 121st).
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThanOrEqual(60);
    expect(first).toBeLessThanOrEqual(120);
    expect(statuses.slice(0, first).every((s) => s < 429)).toBe(true);
  }, 60_000);
});

describe('Reproduction 7: check-in integrity and input hygiene', () => {
  const place = { name: '门诊楼六楼会议室', lat: 29.4766, lng: 121.8697, radiusM: 200 };

  it('members see the place’s name, runners its coordinates; the board keeps the reported position', async () => {
    const created = await newActivity({ place });
    expect(created.status).toBe(201);
    const id = created.body.activity.id;
    const asMember = await api.call<{ activity: { place: Record<string, unknown> } }>('GET', `/v1/activities/${id}`, {
      token: member.token,
    });
    expect(asMember.body.activity.place).toEqual({ name: place.name });
    const list = await api.call<{ items: { id: string; place: Record<string, unknown> | null }[] }>(
      'GET',
      '/v1/activities',
      { token: member.token },
    );
    expect(list.body.items.find((a) => a.id === id)?.place).toEqual({ name: place.name });
    const asRunner = await api.call<{ activity: { place: Record<string, unknown> } }>('GET', `/v1/activities/${id}`, {
      token: secretary,
    });
    expect(asRunner.body.activity.place).toEqual(place);

    const qr = (await api.call<{ payload: string }>('GET', `/v1/activities/${id}/qr`, { token: secretary })).body
      .payload;
    const location = { lat: 29.4767, lng: 121.8698, accuracy: 25 };
    const checkin = await api.call('POST', `/v1/activities/${id}/checkins`, {
      token: member.token,
      body: { qr, location },
    });
    expect(checkin.status).toBe(201);
    const board = await api.call<{ members: { memberId: string; location: unknown; distanceM: number }[] }>(
      'GET',
      `/v1/activities/${id}/board`,
      { token: secretary },
    );
    const row = board.body.members.find((m) => m.memberId === member.member.id)!;
    expect(row.location).toEqual(location);
    expect(row.distanceM).toBeGreaterThan(0);
    expect(row.distanceM).toBeLessThan(30);
  });

  it('a 10-second QR slot is a setting: codes die within 20 s', async () => {
    const created = await newActivity({ qrSlotSeconds: 10 });
    expect(created.body.activity.qrSlotSeconds).toBe(10);
    const qr = await api.call<{ expiresAt: string }>('GET', `/v1/activities/${created.body.activity.id}/qr`, {
      token: secretary,
    });
    expect(Date.parse(qr.body.expiresAt) - Date.now()).toBeLessThanOrEqual(20_000);
    expect((await newActivity({ qrSlotSeconds: 5 })).status).toBe(400);
    expect((await newActivity()).body.activity.qrSlotSeconds).toBe(30);
  });

  it.each([
    ['a NUL in the title', { title: '主题\u0000党日' }],
    ['a right-to-left override in the title', { title: '主题党日\u202Egnp.exe' }],
    ['a zero-width space in the place name', { place: { ...place, name: '会议\u200B室' } }],
    ['year 0000', { startAt: '0000-01-01T08:00:00Z', endAt: '0000-01-01T09:00:00Z' }],
    ['ten years ahead', { startAt: '2036-01-01T08:00:00Z', endAt: '2036-01-01T09:00:00Z' }],
  ])('refuses %s → 400', async (_what, extra) => {
    const answer = await newActivity(extra);
    expect([answer.status, answer.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('refuses a joinedAt in the future or before the Party existed', async () => {
    for (const joinedAt of ['2999-12-31', '1900-01-01']) {
      const answer = await api.call<Err>('POST', `/v1/orgs/${branch}/members`, {
        token: committee,
        body: { ...newPerson('秦未来'), joinedAt },
      });
      expect([answer.status, answer.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
  });

  it('matches content types exactly: application/jsonx is not JSON', async () => {
    for (const type of [
      'application/jsonx',
      'application/json-patch+json',
      'text/json',
      'application/json; charset=gbk',
    ]) {
      const answer = await api.call<Err>('POST', '/v1/auth/login', {
        rawBody: JSON.stringify({ code: 'mock-demo-member-1' }),
        headers: { 'content-type': type },
      });
      expect([type, answer.status, answer.body.error.code]).toEqual([type, 415, 'UNSUPPORTED_MEDIA_TYPE']);
    }
    const ok = await api.call('POST', '/v1/auth/login', {
      rawBody: JSON.stringify({ code: 'mock-demo-member-1' }),
      headers: { 'content-type': 'application/json; charset=UTF-8' },
    });
    expect(ok.status).toBe(200);
  });
});

describe('Reads are fenced too', () => {
  it('one member reading 300+ times a minute gets 429 (counted in memory, no write per read)', async () => {
    const reader = await api.loginAs('demo-member-11');
    let first = -1;
    for (let i = 0; i < 620 && first < 0; i++) {
      const answer = await api.call('GET', '/v1/me', { token: reader.token });
      if (answer.status === 429) first = i;
      else expect(answer.status).toBe(200);
    }
    expect(first).toBeGreaterThanOrEqual(300);
  }, 60_000);
});

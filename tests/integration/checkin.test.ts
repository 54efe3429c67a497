import { SignJWT } from 'jose';
import { signSlot } from '../../functions/meetings/qr';
import type { Stack } from '../../scripts/stack';
import { createActivity, minutes } from '../support/activities';
import { apiClient, startTestStack } from '../support/stack';

type Api = ReturnType<typeof apiClient>;
let stack: Stack;
let api: Api;
let secretary: { token: string; orgId: string };
let member: { token: string; id: string };
let otherBranchMember: { token: string };

const newActivity = (extra: Record<string, unknown> = {}, startOffset?: number, endOffset?: number) =>
  createActivity(api, secretary, '主题党日：集中学习', extra, startOffset, endOffset);

async function currentQr(activityId: string): Promise<string> {
  const answer = await api.call<{ payload: string }>('GET', `/v1/activities/${activityId}/qr`, {
    token: secretary.token,
  });
  expect(answer.status).toBe(200);
  return answer.body.payload;
}

const checkIn = (activityId: string, body: unknown, token = member.token) =>
  api.call<{ checkin: { id: string; late: boolean }; error: { code: string } }>(
    'POST',
    `/v1/activities/${activityId}/checkins`,
    { token, body },
  );

async function expectNothingWritten(activityId: string) {
  const board = await api.call<{ checkedIn: number }>('GET', `/v1/activities/${activityId}/board`, {
    token: secretary.token,
  });
  expect(board.body.checkedIn).toBe(0);
  const detail = await api.call<{ myCheckin: unknown }>('GET', `/v1/activities/${activityId}`, { token: member.token });
  expect(detail.body.myCheckin).toBeNull();
}

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  const sec = await api.loginAs('demo-secretary-1');
  secretary = { token: sec.token, orgId: sec.member.orgId };
  const m = await api.loginAs('demo-member-1');
  member = { token: m.token, id: m.member.id };
  otherBranchMember = { token: (await api.loginAs('demo-member-13')).token };
}, 60_000);

afterAll(() => stack.stop());

describe('Route: POST /v1/activities/{id}/checkins', () => {
  it('checks a member in with the current code and shows it on the board', async () => {
    const id = await newActivity();
    const answer = await checkIn(id, { qr: await currentQr(id) });
    expect(answer.status).toBe(201);
    expect(answer.body.checkin).toMatchObject({ memberId: member.id, late: true });
    const board = await api.call<{
      total: number;
      checkedIn: number;
      late: number;
      missing: number;
      members: { memberId: string; status: string }[];
    }>('GET', `/v1/activities/${id}/board`, { token: secretary.token });
    expect(board.body).toMatchObject({ total: 14, checkedIn: 1, late: 1, missing: 13 });
    expect(board.body.members.find((m) => m.memberId === member.id)?.status).toBe('late');
    const detail = await api.call<{ myCheckin: { id: string } }>('GET', `/v1/activities/${id}`, {
      token: member.token,
    });
    expect(detail.body.myCheckin.id).toBe(answer.body.checkin.id);
  });

  it('marks an arrival before the start as on time', async () => {
    const id = await newActivity({}, minutes(10), minutes(60));
    const answer = await checkIn(id, { qr: await currentQr(id) });
    expect(answer.status).toBe(201);
    expect(answer.body.checkin.late).toBe(false);
  });

  it('returns the existing check-in on 20 concurrent repeat taps: one 201, nineteen 200, one record', async () => {
    const id = await newActivity();
    const qr = await currentQr(id);
    const answers = await Promise.all(Array.from({ length: 20 }, () => checkIn(id, { qr })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    expect(new Set(answers.map((a) => a.body.checkin.id)).size).toBe(1);
    const board = await api.call<{ checkedIn: number; members: { status: string }[] }>(
      'GET',
      `/v1/activities/${id}/board`,
      { token: secretary.token },
    );
    expect(board.body.checkedIn).toBe(1);
    expect(board.body.members.filter((m) => m.status !== 'missing')).toHaveLength(1);
  });

  it('accepts a code inside the geofence and refuses one outside or without location', async () => {
    const place = { name: '门诊楼三楼会议室', lat: 29.4769, lng: 121.8697, radiusM: 200 };
    const id = await newActivity({ place });
    const qr = await currentQr(id);
    expect((await checkIn(id, { qr })).body.error.code).toBe('LOCATION_REQUIRED');
    const far = await checkIn(id, { qr, location: { lat: 29.49, lng: 121.87 } });
    expect([far.status, far.body.error.code]).toEqual([422, 'OUTSIDE_GEOFENCE']);
    await expectNothingWritten(id);
    const near = await checkIn(id, { qr, location: { lat: 29.4775, lng: 121.8699 } });
    expect(near.status).toBe(201);
  });
});

describe('Bad input: a clear error and nothing written', () => {
  let id: string;
  let qr: string;
  beforeAll(async () => {
    id = await newActivity();
    qr = await currentQr(id);
  });
  afterAll(() => expectNothingWritten(id));

  const raw = (
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
    token = member.token,
  ) =>
    api.call<{ error: { code: string; message: string; fields?: unknown[] } }>(
      'POST',
      `/v1/activities/${id}/checkins`,
      {
        token,
        rawBody: body,
        headers,
      },
    );

  it.each([
    ['malformed JSON', '{"qr": ', 400, 'MALFORMED_JSON'],
    ['a missing field', '{}', 400, 'VALIDATION_FAILED'],
    ['an extra field', JSON.stringify({ qr: 'x.1.abcdefghijklmnop', admin: true }), 400, 'VALIDATION_FAILED'],
    ['a wrong type', JSON.stringify({ qr: 12345 }), 400, 'VALIDATION_FAILED'],
    [
      'a wrong location type',
      JSON.stringify({ qr: 'a.1.abcdefghijklmnop', location: { lat: '29' } }),
      400,
      'VALIDATION_FAILED',
    ],
    ['an oversize body', JSON.stringify({ qr: 'x'.repeat(70 * 1024) }), 413, 'PAYLOAD_TOO_LARGE'],
    ['a code that is not ours', JSON.stringify({ qr: 'hello world' }), 400, 'QR_MALFORMED'],
  ])('refuses %s', async (_label, body, status, code) => {
    const answer = await raw(body);
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.message.length).toBeGreaterThan(0);
  });

  it('lists the bad fields of a validation failure', async () => {
    const answer = await raw(JSON.stringify({ qr: 1, extra: 2 }));
    expect(answer.body.error.fields?.length).toBeGreaterThan(0);
  });

  it('refuses a non-JSON content type', async () => {
    expect((await raw('qr=1', { 'content-type': 'text/plain' })).body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses an unknown activity with 404', async () => {
    const answer = await checkIn('a-does-not-exist', { qr });
    expect([answer.status, answer.body.error.code]).toEqual([404, 'ACTIVITY_NOT_FOUND']);
  });

  it('refuses an expired slot', async () => {
    const [activityId, slot] = qr.split('.') as [string, string];
    const old = Number(slot) - 2;
    const answer = await checkIn(id, {
      qr: `${activityId}.${old}.${signSlot(process.env.QR_SECRET!, activityId, old)}`,
    });
    expect([answer.status, answer.body.error.code]).toEqual([422, 'QR_EXPIRED']);
  });

  it('refuses a forged signature', async () => {
    const [activityId, slot] = qr.split('.') as [string, string];
    const answer = await checkIn(id, { qr: `${activityId}.${slot}.AAAAAAAAAAAAAAAAAAAAAA` });
    expect([answer.status, answer.body.error.code]).toEqual([422, 'QR_SIGNATURE_INVALID']);
  });

  it("refuses another activity's code", async () => {
    const other = await newActivity();
    const answer = await checkIn(id, { qr: await currentQr(other) });
    expect([answer.status, answer.body.error.code]).toEqual([422, 'QR_WRONG_ACTIVITY']);
  });

  it('refuses before the window opens and after it closes', async () => {
    const early = await newActivity({}, minutes(90), minutes(150));
    expect((await checkIn(early, { qr: await currentQr(early) })).body.error.code).toBe('CHECKIN_NOT_OPEN');
    const ended = await newActivity({}, -minutes(180), -minutes(60));
    const closed = await checkIn(ended, { qr: await currentQr(ended) });
    expect([closed.status, closed.body.error.code]).toEqual([422, 'CHECKIN_CLOSED']);
    await expectNothingWritten(early);
    await expectNothingWritten(ended);
  });

  it('refuses a member of another branch', async () => {
    const answer = await checkIn(id, { qr }, otherBranchMember.token);
    expect([answer.status, answer.body.error.code]).toEqual([403, 'NOT_IN_BRANCH']);
  });

  it('refuses a missing, expired or tampered token', async () => {
    expect((await checkIn(id, { qr }, '')).body.error.code).toBe('UNAUTHENTICATED');
    const expired = await new SignJWT({ kind: 'member', org: secretary.orgId, orgPath: '/', roles: ['member'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(member.id)
      .setIssuer('xianfeng')
      .setAudience('xianfeng-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 960)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(process.env.JWT_SECRET!));
    const answer = await checkIn(id, { qr }, expired);
    expect([answer.status, answer.body.error.code]).toEqual([401, 'TOKEN_EXPIRED']);
    const [h, p, s] = member.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, roles: ['member', 'secretary'] })).toString('base64url')}.${s}`;
    expect((await checkIn(id, { qr }, tampered)).body.error.code).toBe('TOKEN_INVALID');
  });

  it('refuses a member calling secretary routes', async () => {
    const answer = await api.call<{ error: { code: string } }>('GET', `/v1/activities/${id}/qr`, {
      token: member.token,
    });
    expect([answer.status, answer.body.error.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    const board = await api.call<{ error: { code: string } }>('GET', `/v1/activities/${id}/board`, {
      token: member.token,
    });
    expect(board.status).toBe(403);
  });
});

/**
 * The typed 6-digit check-in code (DESIGN §5.2, issue #7 item 5): the secretary's QR answer carries it, a
 * member types it instead of scanning; it is bound to its activity and slot, and wrong guesses are limited.
 */
import { codeForSlot } from '../../functions/meetings/qr';
import type { Stack } from '../../scripts/stack';
import { slotOf } from '../../shared/meetings/qr';
import { createActivity, minutes } from '../support/activities';
import { apiClient, startTestStack } from '../support/stack';

type Api = ReturnType<typeof apiClient>;
type Answer = { checkin: { id: string; late: boolean }; error: { code: string; message: string } };
let stack: Stack;
let api: Api;
let secretary: { token: string; orgId: string };
let member: { token: string; id: string };
let otherMember: { token: string; id: string };

const newActivity = (extra: Record<string, unknown> = {}, startOffset?: number, endOffset?: number) =>
  createActivity(api, secretary, '主题党日：签到码', extra, startOffset, endOffset);

async function currentCode(activityId: string): Promise<string> {
  const answer = await api.call<{ payload: string; code: string }>('GET', `/v1/activities/${activityId}/qr`, {
    token: secretary.token,
  });
  expect(answer.status).toBe(200);
  expect(answer.body.code).toMatch(/^\d{6}$/);
  return answer.body.code;
}

/** A code that is none of this activity's codes around now (even if the 30 s slot rolls over mid-test). */
function wrongCode(activityId: string, salt: number): string {
  const slot = slotOf(Date.now(), 30);
  const near = new Set([-2, -1, 0, 1, 2].map((d) => codeForSlot(process.env.QR_SECRET!, activityId, slot + d)));
  for (let n = salt * 7919; ; n++) {
    const candidate = String(n % 1_000_000).padStart(6, '0');
    if (!near.has(candidate)) return candidate;
  }
}

const checkIn = (activityId: string, body: unknown, token = member.token) =>
  api.call<Answer>('POST', `/v1/activities/${activityId}/checkins`, { token, body });

async function expectNothingWritten(activityId: string) {
  const board = await api.call<{ checkedIn: number }>('GET', `/v1/activities/${activityId}/board`, {
    token: secretary.token,
  });
  expect(board.body.checkedIn).toBe(0);
}

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  const sec = await api.loginAs('demo-secretary-1');
  secretary = { token: sec.token, orgId: sec.member.orgId };
  const m = await api.loginAs('demo-member-5');
  member = { token: m.token, id: m.member.id };
  const o = await api.loginAs('demo-member-6');
  otherMember = { token: o.token, id: o.member.id };
}, 60_000);

afterAll(() => stack.stop());

describe('Route: POST /v1/activities/{id}/checkins with a typed code', () => {
  it('checks a member in with the typed code (201) and answers a repeat with the same check-in (200)', async () => {
    // Prepare
    const id = await newActivity();
    const code = await currentCode(id);
    // Act
    const first = await checkIn(id, { code });
    const again = await checkIn(id, { code: await currentCode(id) });
    // Assess
    expect(first.status).toBe(201);
    expect(first.body.checkin).toMatchObject({ memberId: member.id, late: true });
    expect(again.status).toBe(200);
    expect(again.body.checkin.id).toBe(first.body.checkin.id);
    const detail = await api.call<{ myCheckin: { id: string } }>('GET', `/v1/activities/${id}`, {
      token: member.token,
    });
    expect(detail.body.myCheckin.id).toBe(first.body.checkin.id);
  });

  it("refuses another activity's code with CHECKIN_CODE_INVALID and writes nothing", async () => {
    const id = await newActivity();
    const other = await newActivity();
    const answer = await checkIn(id, { code: await currentCode(other) }, otherMember.token);
    expect([answer.status, answer.body.error.code]).toEqual([422, 'CHECKIN_CODE_INVALID']);
    expect(answer.body.error.message).toBe('签到码不正确或已过期，请看书记手机上的最新 6 位码');
    await expectNothingWritten(id);
  });

  it('refuses an expired code (two slots ago)', async () => {
    const id = await newActivity();
    const old = codeForSlot(process.env.QR_SECRET!, id, slotOf(Date.now(), 30) - 3);
    const current = await currentCode(id);
    if (old === current) return; // one chance in 10^6 that the two codes coincide
    const answer = await checkIn(id, { code: old }, otherMember.token);
    expect([answer.status, answer.body.error.code]).toEqual([422, 'CHECKIN_CODE_INVALID']);
  });

  it.each([
    ['neither qr nor code', {}, '请扫描签到二维码或输入 6 位签到码'],
    ['both qr and code', { qr: 'a1.1.AAAAAAAAAAAAAAAAAAAA', code: '123456' }, '只需提供一个'],
    ['a 5-digit code', { code: '12345' }, '签到码应为 6 位数字'],
    ['letters for a code', { code: '12a456' }, '签到码应为 6 位数字'],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_label, body, message) => {
    const id = await newActivity();
    const answer = await checkIn(id, body);
    expect([answer.status, answer.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(answer.body.error.message).toContain(message);
  });

  it('holds a typed code to the window and the geofence, like a scanned one', async () => {
    const early = await newActivity({}, minutes(90), minutes(150));
    const notOpen = await checkIn(early, { code: await currentCode(early) });
    expect([notOpen.status, notOpen.body.error.code]).toEqual([422, 'CHECKIN_NOT_OPEN']);
    const place = { name: '门诊楼三楼会议室', lat: 29.4769, lng: 121.8697, radiusM: 200 };
    const fenced = await newActivity({ place });
    const code = await currentCode(fenced);
    expect((await checkIn(fenced, { code })).body.error.code).toBe('LOCATION_REQUIRED');
    const near = await checkIn(fenced, { code, location: { lat: 29.477, lng: 121.8697 } });
    expect(near.status).toBe(201);
  });

  it('locks a member out after 5 wrong codes (429), even for the right code; others are unaffected', async () => {
    // Prepare
    const id = await newActivity();
    // Act: five wrong guesses, a sixth, then the right code
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) statuses.push((await checkIn(id, { code: wrongCode(id, i) })).status);
    const right = await checkIn(id, { code: await currentCode(id) });
    const someoneElse = await checkIn(id, { code: await currentCode(id) }, otherMember.token);
    // Assess
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
    expect([right.status, right.body.error.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(someoneElse.status).toBe(201);
  });
});

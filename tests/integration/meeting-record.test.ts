/**
 * The meeting record (纪要) and its photos (issue #9 item 7) against DynamoDB Local and a real s3rver: photos go
 * to presigned URLs as a phone sends them, and every refusal leaves the record, its history, the activity's
 * summary and the month's aggregate as they were.
 */
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../../functions/commons/config';
import { dynamo } from '../../functions/commons/dynamo';
import type { Stack } from '../../scripts/stack';
import { MAX_PHOTO_BYTES } from '../../shared/meetings/record-schemas';
import { createActivity, minutes } from '../support/activities';
import { grantCount, PNG, snapshot } from '../support/records';
import { apiClient, startTestStack } from '../support/stack';

type Api = ReturnType<typeof apiClient>;
interface Runner {
  token: string;
  orgId: string;
  id: string;
  name: string;
}
interface Upload {
  key: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  expiresAt: string;
}
interface RecordView {
  version: number;
  late: boolean;
  minutes: string;
  savedBy: string;
  savedByName: string;
  savedAt: string;
  createdBy: string;
  createdAt: string;
  photos: { key: string; url: string }[];
  absentees: { memberId: string; name: string; reason: string }[];
}
type Answer = { record: RecordView; error: { code: string; message: string } };

const DAY = 86_400_000;
let stack: Stack;
let api: Api;
let secretary: Runner;
let organizer: Runner;
let otherSecretary: Runner;
let member: { token: string };
let otherMember: { token: string };

async function runner(openid: string): Promise<Runner> {
  const { token, member: m } = await api.loginAs(openid);
  return { token, orgId: m.orgId, id: m.id, name: m.name };
}

const presign = (who: Runner, contentType: string, size: number, extra: Record<string, unknown> = {}) =>
  api.call<Upload & { error: { code: string } }>('POST', '/v1/uploads', {
    token: who.token,
    body: { purpose: 'meeting_photo', contentType, size, ...extra },
  });

/** Presigns and PUTs `bytes` as a phone would; `declared` is what the presign asked for. */
async function upload(who: Runner, bytes: Buffer, contentType = 'image/png', declared = bytes.length) {
  const grant = await presign(who, contentType, declared);
  expect(grant.status).toBe(201);
  const put = await fetch(grant.body.url, { method: 'PUT', headers: grant.body.headers, body: new Uint8Array(bytes) });
  expect(put.status).toBe(200);
  return grant.body.key;
}

const save = (who: { token: string }, activityId: string, body: Record<string, unknown>) =>
  api.call<Answer>('PUT', `/v1/activities/${activityId}/record`, {
    token: who.token,
    body: { minutes: '会议学习了党章，讨论了下阶段工作。', photoKeys: [], absentees: [], ...body },
  });

const meeting = (who: Runner, extra: Record<string, unknown> = {}, start = -minutes(60), end = minutes(60)) =>
  createActivity(api, who, '支部党员大会', { kind: 'party_congress', ...extra }, start, end);

async function expectRefused(
  activityId: string,
  body: Record<string, unknown>,
  status: number,
  code: string,
  who: { token: string } = secretary,
) {
  const before = await snapshot(activityId);
  const answer = await save(who, activityId, body);
  expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status, code });
  expect(await snapshot(activityId)).toEqual(before);
  return answer;
}

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  secretary = await runner('demo-secretary-1');
  organizer = await runner('demo-organizer-1');
  otherSecretary = await runner('demo-secretary-2');
  member = await api.loginAs('demo-member-1');
  otherMember = await api.loginAs('demo-member-13');
}, 60_000);

afterAll(() => stack.stop());

describe('Route: POST /v1/uploads', () => {
  it('presigns a PUT for an image of the caller branch, under meeting-photos/<orgId>/<month>/', async () => {
    const answer = await presign(secretary, 'image/jpeg', 1234);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ method: 'PUT', headers: { 'Content-Type': 'image/jpeg' } });
    expect(answer.body.key).toMatch(new RegExp(`^meeting-photos/${secretary.orgId}/\\d{4}-\\d{2}/[\\w-]+\\.jpg$`));
    // Type and length are part of the signature (S3 refuses anything else; s3rver checks nothing: DESIGN §8).
    expect(new URL(answer.body.url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(Date.parse(answer.body.expiresAt)).toBeGreaterThan(Date.now());
  });

  it.each([
    ['over 5 MB', 'image/png', MAX_PHOTO_BYTES + 1, 422, 'PHOTO_TOO_LARGE'],
    ['not an image type', 'text/plain', 100, 422, 'PHOTO_NOT_IMAGE'],
    ['HEIC (not shown by every phone)', 'image/heic', 100, 422, 'PHOTO_NOT_IMAGE'],
    ['empty', 'image/png', 0, 400, 'VALIDATION_FAILED'],
  ])('refuses a photo %s and records no grant', async (_name, type, size, status, code) => {
    const before = await grantCount();
    const answer = await presign(secretary, type, size);
    expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status, code });
    expect(await grantCount()).toBe(before);
  });

  it('answers a replay with the same key and a freshly signed URL, and keeps no URL in the stored answer', async () => {
    const idempotencyKey = `upload-${Date.now()}`;
    const body = { purpose: 'meeting_photo', contentType: 'image/png', size: 321 };
    const send = () =>
      api.call<{ key: string; url: string }>('POST', '/v1/uploads', {
        token: secretary.token,
        body,
        headers: { 'idempotency-key': idempotencyKey },
      });
    const first = await send();
    const again = await send();
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.key).toBe(first.body.key);
    expect(again.body.url).toContain(encodeURIComponent(first.body.key).replaceAll('%2F', '/'));
    const { Items = [] } = await dynamo().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: 'begins_with(pk, :p)',
        ExpressionAttributeValues: { ':p': 'IDEM#' },
      }),
    );
    const stored = Items.filter((item) => JSON.stringify(item).includes(first.body.key));
    expect(stored.length).toBe(1);
    expect(JSON.stringify(stored[0])).not.toContain('X-Amz-Signature');
  });

  it('refuses another branch (403) and plain members (403)', async () => {
    expect((await presign(secretary, 'image/png', 10, { orgId: otherSecretary.orgId })).status).toBe(403);
    expect((await api.call('POST', '/v1/uploads', { token: member.token, body: {} })).status).toBe(403);
  });

  it('lets the H5 origin PUT to the bucket (CORS preflight)', async () => {
    const answer = await fetch(`${stack.s3Endpoint}/${stack.s3Bucket}/meeting-photos/x.png`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:10086',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-methods')).toContain('PUT');
  });
});

describe('Route: PUT /v1/activities/{id}/record', () => {
  it('saves minutes with a real photo whose GET URL returns its bytes, and absentees with names', async () => {
    const id = await meeting(secretary);
    const key = await upload(secretary, PNG);
    const answer = await save(secretary, id, {
      photoKeys: [key],
      absentees: [{ memberId: 'm-demo-member-2', reason: '出差' }],
      topic: '学习贯彻党的二十届四中全会精神',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.record).toMatchObject({
      version: 1,
      late: false,
      savedBy: secretary.id,
      savedByName: secretary.name,
      absentees: [{ memberId: 'm-demo-member-2', reason: '出差' }],
      photos: [{ key }],
    });
    expect(answer.body.record.absentees[0]!.name).toBeTruthy();
    const photo = await fetch(answer.body.record.photos[0]!.url);
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(PNG);
    // Members of the branch read it; another branch does not.
    const read = await api.call<Answer>('GET', `/v1/activities/${id}/record`, { token: member.token });
    expect(read.status).toBe(200);
    expect(read.body.record).toMatchObject({ version: 1, photos: [{ key }] });
    expect((await api.call('GET', `/v1/activities/${id}/record`, { token: otherMember.token })).status).toBe(403);
  });

  it('answers null before any record is saved', async () => {
    const id = await meeting(secretary);
    const read = await api.call<{ record: null }>('GET', `/v1/activities/${id}/record`, { token: member.token });
    expect(read).toMatchObject({ status: 200, body: { record: null } });
  });

  it('refuses a text file uploaded as image/png: PHOTO_NOT_IMAGE, nothing written', async () => {
    const id = await meeting(secretary);
    const key = await upload(secretary, Buffer.from('这不是图片，只是一段文字。'.repeat(10)));
    await expectRefused(id, { photoKeys: [key] }, 422, 'PHOTO_NOT_IMAGE');
  });

  it('refuses 5 MB + 1 bytes PUT past the presigned size: PHOTO_TOO_LARGE, nothing written', async () => {
    const id = await meeting(secretary);
    const big = Buffer.alloc(MAX_PHOTO_BYTES + 1);
    PNG.copy(big); // a PNG header, so only the size can be wrong
    const key = await upload(secretary, big, 'image/png', 1000);
    await expectRefused(id, { photoKeys: [key] }, 422, 'PHOTO_TOO_LARGE');
  });

  it('refuses a granted key never uploaded: PHOTO_NOT_UPLOADED', async () => {
    const id = await meeting(secretary);
    const grant = await presign(secretary, 'image/webp', 100);
    await expectRefused(id, { photoKeys: [grant.body.key] }, 422, 'PHOTO_NOT_UPLOADED');
  });

  it('refuses a key granted to another branch, or never issued: PHOTO_KEY_INVALID, nothing written', async () => {
    const id = await meeting(secretary);
    const foreign = await upload(otherSecretary, PNG);
    await expectRefused(id, { photoKeys: [foreign] }, 422, 'PHOTO_KEY_INVALID');
    const forged = `meeting-photos/${secretary.orgId}/2026-11/${'A'.repeat(22)}.png`;
    await expectRefused(id, { photoKeys: [forged] }, 422, 'PHOTO_KEY_INVALID');
  });

  it('refuses more than 9 photos and minutes over 20,000 characters (400), but takes 20,000 Chinese ones', async () => {
    const id = await meeting(secretary);
    const keys = Array.from(
      { length: 10 },
      (_, i) => `meeting-photos/${secretary.orgId}/2026-11/${'k'.repeat(20)}${i}.png`,
    );
    await expectRefused(id, { photoKeys: keys }, 400, 'VALIDATION_FAILED');
    await expectRefused(id, { minutes: 'a'.repeat(20_001) }, 400, 'VALIDATION_FAILED');
    await expectRefused(id, { minutes: '纪'.repeat(20_001) }, 400, 'VALIDATION_FAILED');
    const longest = await save(secretary, id, { minutes: `${'纪'.repeat(19_997)}\n完。` });
    expect(longest.status).toBe(200);
  });

  it('refuses an absentee from another branch or unknown: ABSENTEE_NOT_MEMBER', async () => {
    const id = await meeting(secretary);
    await expectRefused(
      id,
      { absentees: [{ memberId: 'm-demo-member-13', reason: '病假' }] },
      422,
      'ABSENTEE_NOT_MEMBER',
    );
    await expectRefused(id, { absentees: [{ memberId: 'm-nobody', reason: '病假' }] }, 422, 'ABSENTEE_NOT_MEMBER');
  });

  it('refuses a meeting that ended 31 days ago (RECORD_TOO_LATE) or has not started (RECORD_TOO_EARLY)', async () => {
    const old = await meeting(secretary, {}, -31 * DAY - minutes(120), -31 * DAY);
    await expectRefused(old, {}, 422, 'RECORD_TOO_LATE');
    const coming = await meeting(secretary, {}, DAY, DAY + minutes(60));
    await expectRefused(coming, {}, 422, 'RECORD_TOO_EARLY');
  });

  it('refuses a cancelled meeting (409), another branch (403), members (403) and unknown ids (404)', async () => {
    const id = await meeting(secretary);
    await expectRefused(id, {}, 403, 'FORBIDDEN_SCOPE', otherSecretary);
    await expectRefused(id, {}, 403, 'FORBIDDEN_ROLE', member);
    expect((await save(secretary, 'a-missing', {})).body.error.code).toBe('ACTIVITY_NOT_FOUND');
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `ACT#${id}`, sk: 'ACT' },
        UpdateExpression: 'SET #s = :c',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':c': 'cancelled' },
      }),
    );
    await expectRefused(id, {}, 409, 'ACTIVITY_CANCELLED');
  });

  it('marks a record saved after the meeting ended as 补录 with who and when, on the activity too', async () => {
    const id = await meeting(organizer, {}, -2 * DAY, -2 * DAY + minutes(90));
    const before = Date.now();
    const answer = await save(organizer, id, {});
    expect(answer.status).toBe(200);
    expect(answer.body.record).toMatchObject({
      late: true,
      savedBy: organizer.id,
      savedByName: organizer.name,
      createdBy: organizer.id,
    });
    expect(Date.parse(answer.body.record.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    // The activity carries the summary the list and the detail show (its own item, the same transaction).
    expect((await snapshot(id)).record).toEqual({
      savedAt: answer.body.record.savedAt,
      savedBy: organizer.id,
      savedByName: organizer.name,
      late: true,
    });
  });

  it('counts the month held_<kind> once over two saves, keeps every version, refuses a stale one', async () => {
    const id = await meeting(secretary, { kind: 'committee_meeting' });
    const first = await save(secretary, id, { minutes: '第一稿' });
    const second = await save(organizer, id, { minutes: '第二稿', version: 1 });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body.record).toMatchObject({ version: 2, savedBy: organizer.id, createdBy: secretary.id });
    await expectRefused(id, { minutes: '过时的稿', version: 1 }, 409, 'RECORD_VERSION_CONFLICT');
    const state = await snapshot(id);
    expect(state.month?.held_committee_meeting).toBe(1);
    expect(state.records?.map((item) => [item.sk, item.minutes])).toEqual([
      ['RECORD', '第二稿'],
      ['RECORD#000001', '第一稿'],
      ['RECORD#000002', '第二稿'],
    ]);
  });

  it('counts concurrent first saves once: held_<kind> 1, one version per 200, a loser gets 409', async () => {
    const id = await meeting(secretary, { kind: 'party_lecture' });
    const before = await snapshot(id);
    const answers = await Promise.all([
      save(secretary, id, { minutes: '甲' }),
      save(organizer, id, { minutes: '乙' }),
      save(secretary, id, { minutes: '丙' }),
    ]);
    const saved = answers.filter((a) => a.status === 200).length;
    // Whoever read no record and lost the race is told so; one that came after the first save is a re-save.
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    expect(saved).toBeGreaterThanOrEqual(1);
    const state = await snapshot(id);
    expect(state.month?.held_party_lecture).toBe(1);
    expect(state.records).toHaveLength(1 + saved); // the current record and one version per save
    expect(state.version).toBe(before.version + saved); // the activity's own version: +1 per save
  });

  it('keeps photos already in the record on a re-save without checking their grants again', async () => {
    const id = await meeting(secretary);
    const key = await upload(secretary, PNG);
    expect((await save(secretary, id, { photoKeys: [key] })).status).toBe(200);
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `UPLOAD#${key}`, sk: 'GRANT' },
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': 1 },
      }),
    );
    const again = await save(secretary, id, { photoKeys: [key], minutes: '补充了发言内容' });
    expect(again.status).toBe(200);
    expect(again.body.record.photos.map((p) => p.key)).toEqual([key]);
  });
});

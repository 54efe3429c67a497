/**
 * The meeting record (纪要, issue #9 item 7): photo upload grants, the save with every check, and the view with
 * presigned photo URLs. Storage: ./record-store.ts; object storage: ../commons/storage.ts.
 */
import { randomBytes } from 'node:crypto';
import type { MemberClaims } from '../../shared/auth/roles';
import { DomainError } from '../../shared/errors';
import { RATE_LIMITS } from '../../shared/http/rate-limits';
import { kindOf } from '../../shared/meetings/kinds';
import {
  type CreateUploadRequest,
  MAX_PHOTO_BYTES,
  type MeetingRecord,
  PHOTO_EXTENSIONS,
  PHOTO_KEY_PREFIX,
  PHOTO_TYPES,
  type PhotoType,
  RECORD_WINDOW_DAYS,
  type SaveRecordRequest,
} from '../../shared/meetings/record-schemas';
import { shanghaiMonth } from '../../shared/time';
import { hit } from '../commons/rate-limit';
import { imageTypeOf, inspect, presignGet, presignPut } from '../commons/storage';
import * as org from '../org/service';
import type { RecordItem } from './record-store';
import * as recordStore from './record-store';
import type { ActivityRecord } from './store';
import * as store from './store';

/** The PUT URL lives long enough to start an upload on a slow phone; the grant a week, for a record saved later. */
const PUT_URL_SECONDS = 15 * 60;
const GRANT_SECONDS = 7 * 86_400;
const GET_URL_SECONDS = 3600;
const DAY_MS = 86_400_000;

const isPhotoType = (type: string): type is PhotoType => (PHOTO_TYPES as readonly string[]).includes(type);

/** A presigned PUT for one meeting photo of `orgId` (the caller's branch, checked by the handler). */
export async function createUpload(input: CreateUploadRequest, orgId: string, claims: MemberClaims, nowMs: number) {
  // Refusals first: they write nothing, not even a rate-limit count.
  if (!isPhotoType(input.contentType)) throw new DomainError('PHOTO_NOT_IMAGE');
  if (input.size > MAX_PHOTO_BYTES) throw new DomainError('PHOTO_TOO_LARGE');
  await hit(RATE_LIMITS.uploadsPerMember, claims.memberId, nowMs);
  const key = `${PHOTO_KEY_PREFIX}${orgId}/${shanghaiMonth(nowMs)}/${randomBytes(16).toString('base64url')}.${PHOTO_EXTENSIONS[input.contentType]}`;
  await recordStore.putGrant({
    key,
    purpose: input.purpose,
    orgId,
    issuedBy: claims.memberId,
    contentType: input.contentType,
    size: input.size,
    createdAt: new Date(nowMs).toISOString(),
    expiresAt: Math.floor(nowMs / 1000) + GRANT_SECONDS,
  });
  const { url, headers } = await presignPut(key, input.contentType, input.size, PUT_URL_SECONDS);
  return {
    key,
    url,
    method: 'PUT' as const,
    headers,
    expiresAt: new Date(nowMs + PUT_URL_SECONDS * 1000).toISOString(),
  };
}

/** The first answer of a replayed upload request, its URL signed again for the grant it was issued with. */
export async function resignUpload(stored: unknown, nowMs: number) {
  const key = (stored as { key?: unknown }).key;
  const grant = typeof key === 'string' ? (await recordStore.getGrants([key])).get(key) : undefined;
  if (!grant) throw new DomainError('PHOTO_KEY_INVALID');
  const { url, headers } = await presignPut(grant.key, grant.contentType, grant.size, PUT_URL_SECONDS);
  return {
    key: grant.key,
    url,
    method: 'PUT' as const,
    headers,
    expiresAt: new Date(nowMs + PUT_URL_SECONDS * 1000).toISOString(),
  };
}

export async function requireActivity(id: string): Promise<ActivityRecord> {
  // Fresh, not the service's cache: a cancellation must be seen at once.
  const activity = await store.getActivity(id, true);
  if (!activity) throw new DomainError('ACTIVITY_NOT_FOUND');
  return activity;
}

/** Whether the meeting takes a record now: not cancelled, started, ended at most 30 days ago. */
function checkOpen(activity: ActivityRecord, nowMs: number): void {
  if (activity.status === 'cancelled') throw new DomainError('ACTIVITY_CANCELLED');
  if (nowMs < Date.parse(activity.startAt)) throw new DomainError('RECORD_TOO_EARLY');
  if (nowMs > Date.parse(activity.endAt) + RECORD_WINDOW_DAYS * DAY_MS) throw new DomainError('RECORD_TOO_LATE');
}

const photoError = (
  code: 'PHOTO_KEY_INVALID' | 'PHOTO_NOT_UPLOADED' | 'PHOTO_TOO_LARGE' | 'PHOTO_NOT_IMAGE',
  n: number,
) => new DomainError(code, { message: `第 ${n} 张照片：${new DomainError(code).message}` });

/**
 * Photos new to the record: issued for this branch (a grant, not expired), uploaded, ≤ 5 MB and an image by
 * its declared type AND its first bytes (s3rver enforces nothing a presigned URL signs: DESIGN §8). Photos the
 * record already holds were checked when they were added.
 */
async function checkPhotos(keys: readonly string[], known: readonly string[], orgId: string, nowMs: number) {
  const fresh = keys.filter((key) => !known.includes(key));
  const position = (key: string) => keys.indexOf(key) + 1;
  const grants = await recordStore.getGrants(fresh.filter((key) => key.split('/')[1] === orgId));
  for (const key of fresh) {
    const grant = grants.get(key);
    if (!grant || grant.orgId !== orgId || grant.expiresAt * 1000 < nowMs) {
      throw photoError('PHOTO_KEY_INVALID', position(key));
    }
  }
  const objects = await Promise.all(fresh.map(inspect));
  fresh.forEach((key, i) => {
    const object = objects[i];
    if (!object) throw photoError('PHOTO_NOT_UPLOADED', position(key));
    if (object.size > MAX_PHOTO_BYTES) throw photoError('PHOTO_TOO_LARGE', position(key));
    const sniffed = imageTypeOf(object.head);
    if (!isPhotoType(object.contentType) || !sniffed || !isPhotoType(sniffed)) {
      throw photoError('PHOTO_NOT_IMAGE', position(key));
    }
  });
}

/** Absentees with their names; each must be a member (active or not) of the meeting's branch. */
async function absenteesOf(input: SaveRecordRequest['absentees'], orgId: string) {
  if (input.length === 0) return [];
  const members = new Map((await org.findMembers(input.map((a) => a.memberId))).map((m) => [m.id, m]));
  return input.map(({ memberId, reason }) => {
    const member = members.get(memberId);
    if (!member || member.orgId !== orgId) {
      throw new DomainError('ABSENTEE_NOT_MEMBER', { message: `缺席人员 ${memberId} 不是本支部党员，请重新选择` });
    }
    return { memberId, name: member.name, reason };
  });
}

/**
 * Saves the record: every check before any write, then one transaction (./record-store.ts). A save after the
 * meeting ended is 补录 (`late`), and stays so through later corrections.
 */
export async function saveRecord(
  activity: ActivityRecord,
  input: SaveRecordRequest,
  claims: MemberClaims,
  nowMs: number,
): Promise<MeetingRecord> {
  checkOpen(activity, nowMs);
  const current = await recordStore.getRecord(activity.id, true);
  if (input.version !== undefined && input.version !== (current?.version ?? 0)) {
    throw new DomainError('RECORD_VERSION_CONFLICT');
  }
  await checkPhotos(input.photoKeys, current?.photoKeys ?? [], activity.orgId, nowMs);
  const absentees = await absenteesOf(input.absentees, activity.orgId);
  const nowIso = new Date(nowMs).toISOString();
  const topic = input.topic ?? current?.topic ?? activity.topic;
  const host = input.host ?? current?.host ?? activity.host;
  const record: RecordItem = {
    activityId: activity.id,
    orgId: activity.orgId,
    orgPath: activity.orgPath,
    kind: current?.kind ?? kindOf(activity),
    ...(topic ? { topic } : {}),
    ...(host ? { host } : {}),
    minutes: input.minutes,
    photoKeys: input.photoKeys,
    absentees,
    savedAt: nowIso,
    savedBy: claims.memberId,
    savedByName: claims.name,
    late: current?.late ?? nowMs > Date.parse(activity.endAt),
    createdAt: current?.createdAt ?? nowIso,
    createdBy: current?.createdBy ?? claims.memberId,
    createdByName: current?.createdByName ?? claims.name,
    version: (current?.version ?? 0) + 1,
  };
  const earliestEndIso = new Date(nowMs - RECORD_WINDOW_DAYS * DAY_MS).toISOString();
  const outcome = await recordStore.saveRecord(activity, record, { nowIso, earliestEndIso });
  if (outcome === 'activity_changed') {
    // Cancelled, moved or deleted since it was read: say which, as if it had been so all along.
    checkOpen(await requireActivity(activity.id), nowMs);
  }
  if (outcome !== 'saved') throw new DomainError('RECORD_VERSION_CONFLICT');
  return toView(record, nowMs);
}

export async function findRecord(activityId: string, nowMs: number): Promise<MeetingRecord | null> {
  const record = await recordStore.getRecord(activityId);
  return record ? toView(record, nowMs) : null;
}

/** The record as the API shows it: photos as presigned GET URLs (signed locally, no request each). */
async function toView(record: RecordItem, nowMs: number): Promise<MeetingRecord> {
  const { orgPath: _orgPath, photoKeys, ...rest } = record;
  const photos = await Promise.all(
    photoKeys.map(async (key) => ({ key, url: await presignGet(key, GET_URL_SECONDS) })),
  );
  return {
    ...rest,
    absentees: [...record.absentees],
    photos,
    photosExpireAt: new Date(nowMs + GET_URL_SECONDS * 1000).toISOString(),
  };
}

/** The meeting record (纪要) and its photo uploads (DESIGN §5.2): requests, responses and their limits. */
import * as z from 'zod';
import { ID_PATTERN } from '../http/route';
import { isSafeText, safeText, UNSAFE_TEXT_MESSAGE } from '../http/text';
import { MeetingKind } from './kinds';

const Id = z.string().regex(ID_PATTERN, '编号格式不正确');

export const MAX_MINUTES_CHARS = 20_000;
export const MAX_RECORD_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** A record older than this after the meeting's end is refused (issue #9 item 7). */
export const RECORD_WINDOW_DAYS = 30;
/**
 * Types a phone may upload. Not HEIC: WeChat on Android and desktop browsers cannot show it, and
 * chooseImage's compressed output is JPEG anyway.
 */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
export const PHOTO_EXTENSIONS: Record<PhotoType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** Every photo key starts with it (the bucket grants the meetings function this prefix only). */
export const PHOTO_KEY_PREFIX = 'meeting-photos/';
/** `meeting-photos/<orgId>/<YYYY-MM>/<random>.<ext>`: the branch is part of every key the API issues. */
export const PHOTO_KEY_PATTERN =
  /^meeting-photos\/[A-Za-z0-9_-]{1,64}\/\d{4}-\d{2}\/[A-Za-z0-9_-]{16,64}\.(jpg|png|webp)$/;

/**
 * Type and size are checked by the service (PHOTO_NOT_IMAGE / PHOTO_TOO_LARGE, 422) rather than here, so the
 * phone gets the same code before the upload as at the save.
 */
export const CreateUploadRequest = z.strictObject({
  purpose: z.literal('meeting_photo', { message: '上传用途不正确' }),
  contentType: z.string().trim().toLowerCase().min(1).max(100),
  size: z.number().int('文件大小应为整数字节').min(1, '文件是空的'),
  /** The branch the photo is for: the caller's own (the default); another branch's is 403. */
  orgId: Id.optional(),
});
export type CreateUploadRequest = z.infer<typeof CreateUploadRequest>;

export const UploadResponse = z.object({
  key: z.string(),
  url: z.string(),
  method: z.literal('PUT'),
  /** Send exactly these headers with the PUT (Content-Length follows from the body and is signed too). */
  headers: z.object({ 'Content-Type': z.string() }),
  /** When the URL stops accepting the upload; the key may be used in a record for 7 days. */
  expiresAt: z.string(),
});

/** Minutes: multi-line, at most 20,000 characters (code points: an emoji is one). */
const Minutes = z
  .string()
  .trim()
  .min(1, '请填写会议纪要')
  .refine((value) => [...value].length <= MAX_MINUTES_CHARS, `纪要最多 ${MAX_MINUTES_CHARS} 字`)
  .refine((value) => isSafeText(value, true), UNSAFE_TEXT_MESSAGE);

export const SaveRecordRequest = z.strictObject({
  minutes: Minutes,
  photoKeys: z
    .array(z.string().regex(PHOTO_KEY_PATTERN, '照片编号格式不正确'))
    .max(MAX_RECORD_PHOTOS, `照片最多 ${MAX_RECORD_PHOTOS} 张`)
    .refine((keys) => new Set(keys).size === keys.length, '同一张照片不能重复添加'),
  absentees: z
    .array(
      z.strictObject({ memberId: Id, reason: safeText(1, 100, { min: '请填写缺席原因', max: '缺席原因最多 100 字' }) }),
    )
    .max(500, '缺席人员最多 500 人')
    .refine((list) => new Set(list.map((a) => a.memberId)).size === list.length, '同一党员不能重复列为缺席'),
  topic: safeText(1, 200, { max: '议题最多 200 个字' }).optional(),
  host: safeText(1, 20, { max: '主持人姓名最多 20 个字' }).optional(),
  /** The version this edit started from: a save over a newer one is 409 (none: last write wins). */
  version: z.number().int().min(1).optional(),
});
export type SaveRecordRequest = z.infer<typeof SaveRecordRequest>;

export const MeetingRecord = z.object({
  activityId: z.string(),
  orgId: z.string(),
  kind: MeetingKind,
  topic: z.string().optional(),
  host: z.string().optional(),
  minutes: z.string(),
  /** Presigned GET URLs, valid until `photosExpireAt`. */
  photos: z.array(z.object({ key: z.string(), url: z.string() })),
  photosExpireAt: z.string(),
  absentees: z.array(z.object({ memberId: z.string(), name: z.string(), reason: z.string() })),
  /** The latest save. */
  savedAt: z.string(),
  savedBy: z.string(),
  savedByName: z.string(),
  /** 补录: first entered after the meeting ended; `createdAt/By/ByName` say when and by whom. */
  late: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
  createdByName: z.string(),
  version: z.number().int(),
});
export type MeetingRecord = z.infer<typeof MeetingRecord>;

export const RecordResponse = z.object({ record: MeetingRecord });
export const MaybeRecordResponse = z.object({ record: MeetingRecord.nullable() });

/** Routes of the meetings domain's record part (DESIGN §5.2); spread into meetingsRoutes. */
import { defineRoute } from '../http/route';
import { RUNNERS } from './access';
import { ActivityIdParams } from './params';
import {
  CreateUploadRequest,
  MAX_MINUTES_CHARS,
  MaybeRecordResponse,
  RecordResponse,
  SaveRecordRequest,
  UploadResponse,
} from './record-schemas';

export const createUpload = defineRoute({
  id: 'meetings.createUpload',
  domain: 'meetingsRecords',
  method: 'post',
  path: '/v1/uploads',
  summary: '上传会议照片：预签名 PUT 地址（JPG/PNG/WebP，≤ 5 MB）',
  access: RUNNERS,
  scoped: true,
  body: CreateUploadRequest,
  response: UploadResponse,
  status: 201,
  // The presigned PUT is a credential: an Idempotency-Key replay signs a fresh one, never stores it.
  credentials: true,
});

export const saveRecord = defineRoute({
  id: 'meetings.saveRecord',
  domain: 'meetingsRecords',
  method: 'put',
  path: '/v1/activities/{id}/record',
  summary: '保存会议纪要（最多 9 张照片）；会后保存为补录',
  access: RUNNERS,
  scoped: true,
  params: ActivityIdParams,
  body: SaveRecordRequest,
  response: RecordResponse,
  status: 200,
  // 20,000 Chinese characters are ~60 KB of UTF-8 before JSON escapes: more than the default 64 KB allows.
  bodyLimit: MAX_MINUTES_CHARS * 3 * 2 + 16 * 1024,
});

export const getRecord = defineRoute({
  id: 'meetings.getRecord',
  domain: 'meetingsRecords',
  method: 'get',
  path: '/v1/activities/{id}/record',
  summary: '会议纪要（照片地址 1 小时有效）；未填写为 null',
  access: ['member', 'committee'],
  scoped: true,
  params: ActivityIdParams,
  response: MaybeRecordResponse,
  status: 200,
});

export const recordRoutes = [createUpload, saveRecord, getRecord] as const;

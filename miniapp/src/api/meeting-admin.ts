/** The secretaries' meeting calls: changes, 补签, leave decisions, reminders, schedules, records, figures. */

import Taro from '@tarojs/taro';
import { buildPath, type RouteBody } from '../../../shared/http/route';
import {
  activityLeaves,
  branchLeaves,
  decideLeave,
  patchActivity,
  recordAttendance,
  remindMissing,
} from '../../../shared/meetings/attendance-routes';
import { createUpload, getRecord, saveRecord } from '../../../shared/meetings/record-routes';
import { activityBoard, activityQr, createActivity } from '../../../shared/meetings/runner-routes';
import type { CreateActivityRequest } from '../../../shared/meetings/runner-schemas';
import { getNightStudySchedule, putNightStudySchedule } from '../../../shared/meetings/schedule-routes';
import { exportAttendance, exportMeetingStats, meetingStats } from '../../../shared/meetings/stats-routes';
import type { Leave } from '../../../shared/meetings/views';
import { ApiError, NETWORK_ERROR_MESSAGE, newIdempotencyKey, request, send } from './client';
import { tokenForRequest } from './session-refresh';
import { toApiError } from './transport';

export const meetingAdminApi = {
  create: (body: CreateActivityRequest, idempotencyKey = newIdempotencyKey()) =>
    request(createActivity, { body, idempotencyKey }),
  /** The rotating code the secretary's screen shows: 签到 (default) or 签退. */
  qr: (id: string, purpose: 'checkin' | 'checkout' = 'checkin') =>
    request(activityQr, { params: { id }, query: { purpose } }),
  board: (id: string) => request(activityBoard, { params: { id } }),

  patch: (id: string, body: RouteBody<typeof patchActivity>) => request(patchActivity, { params: { id }, body }),
  cancel: (id: string, reason: string) =>
    request(patchActivity, { params: { id }, body: { status: 'cancelled', reason } }),
  /** 补签 by hand; 200 = the member had checked in already. */
  async recordAttendance(id: string, body: RouteBody<typeof recordAttendance>, idempotencyKey = newIdempotencyKey()) {
    const answer = await send(recordAttendance, { params: { id }, body, idempotencyKey });
    return { checkin: answer.data.checkin, existed: answer.status === 200 };
  },
  remindMissing: (id: string) => request(remindMissing, { params: { id }, idempotencyKey: newIdempotencyKey() }),
  activityLeaves: (id: string) => request(activityLeaves, { params: { id } }),
  branchLeaves: (orgId: string, query: { status?: 'pending' | 'approved' | 'rejected'; cursor?: string } = {}) =>
    request(branchLeaves, { params: { orgId }, query }),
  decideLeave: (leaveId: string, approve: boolean, comment?: string) =>
    request(decideLeave, { params: { id: leaveId }, body: { approve, ...(comment ? { comment } : {}) } }),
  schedule: (orgId: string) => request(getNightStudySchedule, { params: { orgId } }),
  saveSchedule: (orgId: string, body: RouteBody<typeof putNightStudySchedule>) =>
    request(putNightStudySchedule, { params: { orgId }, body }),
  record: (id: string) => request(getRecord, { params: { id } }),
  saveRecord: (id: string, body: RouteBody<typeof saveRecord>) => request(saveRecord, { params: { id }, body }),
  /** A presigned PUT for one photo (≤ 5 MB, JPEG/PNG/WebP). */
  uploadSlot: (body: RouteBody<typeof createUpload>) =>
    request(createUpload, { body, idempotencyKey: newIdempotencyKey() }),
  stats: (orgId: string, period?: string) => request(meetingStats, { params: { orgId }, query: { period } }),
};

// ——— Leaves across pages ———

export type LeaveTab = 'pending' | 'decided';

/**
 * One page of the branch's leaves for a tab. The server filters after reading `limit` rows, so a page may come
 * back empty with a next page: read on (a few pages at most) until there is something to show. 已审批 is every
 * leave but the pending ones.
 */
export async function leavesPage(orgId: string, tab: LeaveTab, cursor?: string) {
  let next = cursor;
  const items: Leave[] = [];
  for (let read = 0; read < 5; read++) {
    const page = await meetingAdminApi.branchLeaves(orgId, {
      ...(tab === 'pending' ? { status: 'pending' } : {}),
      ...(next ? { cursor: next } : {}),
    });
    items.push(...page.items.filter((leave) => (tab === 'pending') === (leave.status === 'pending')));
    next = page.nextCursor ?? undefined;
    if (items.length > 0 || !next) break;
  }
  return { items, nextCursor: next ?? null };
}

// ——— Meeting photos: a presigned PUT straight to object storage ———

/** A photo the phone picked: a File on H5, a temporary file path on weapp. */
export interface PhotoSource {
  readonly contentType: string;
  readonly size: number;
  readonly file?: Blob;
  readonly path?: string;
}

/** The type a picked file's name says (weapp's chooseImage gives paths, not types). */
export function photoTypeOf(name: string): string {
  const extension = name.split('?')[0]!.split('.').pop()?.toLowerCase() ?? '';
  if (extension === 'jpg' || extension === 'jpeg') return 'image/jpeg';
  if (extension === 'png') return 'image/png';
  if (extension === 'webp') return 'image/webp';
  return extension ? `image/${extension}` : 'application/octet-stream';
}

function readLocalFile(path: string): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: path,
      success: (answer) => resolve(answer.data as ArrayBuffer),
      fail: () => reject(new ApiError(0, 'PHOTO_READ_FAILED', '读取照片失败，请重新选择')),
    });
  });
}

const uploadFailed = (status: number) =>
  new ApiError(status, 'PHOTO_UPLOAD_FAILED', status ? `照片上传失败（${status}），请重试` : NETWORK_ERROR_MESSAGE);

/** H5: XMLHttpRequest, for its upload progress; exactly the signed headers (the browser adds Content-Length). */
function putInBrowser(
  url: string,
  headers: Record<string, string>,
  body: ArrayBuffer,
  onProgress: (f: number) => void,
) {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(uploadFailed(xhr.status)));
    xhr.onerror = () => reject(uploadFailed(0));
    xhr.send(body);
  });
}

/** weapp: wx.request PUT with the file's bytes (no progress events for a request body). */
async function putInWeapp(url: string, headers: Record<string, string>, body: ArrayBuffer) {
  let answer: Awaited<ReturnType<typeof Taro.request>>;
  try {
    answer = await Taro.request({
      url,
      method: 'PUT',
      header: headers,
      data: body,
      dataType: '其他',
      responseType: 'text',
    });
  } catch {
    throw uploadFailed(0);
  }
  if (answer.statusCode < 200 || answer.statusCode >= 300) throw uploadFailed(answer.statusCode);
}

/**
 * Uploads one meeting photo: a grant from POST /v1/uploads (the server refuses a non-image or > 5 MB before
 * anything is sent), then the bytes PUT to its presigned URL with exactly the headers it returned. → the key
 * the record lists. `onProgress` gets 0…1.
 */
export async function uploadMeetingPhoto(source: PhotoSource, onProgress: (fraction: number) => void = () => {}) {
  const slot = await meetingAdminApi.uploadSlot({
    purpose: 'meeting_photo',
    contentType: source.contentType,
    size: source.size,
  });
  onProgress(0.05);
  let body: ArrayBuffer;
  if (source.file) body = await source.file.arrayBuffer();
  else if (source.path) body = await readLocalFile(source.path);
  else throw new ApiError(0, 'PHOTO_READ_FAILED', '读取照片失败，请重新选择');
  onProgress(0.1);
  const headers: Record<string, string> = { ...slot.headers };
  if (process.env.TARO_ENV === 'h5') {
    await putInBrowser(slot.url, headers, body, (fraction) => onProgress(0.1 + fraction * 0.9));
  } else {
    await putInWeapp(slot.url, headers, body);
  }
  onProgress(1);
  return slot.key;
}

// ——— Excel exports (as 花名册's export in ./org.ts) ———

/** 考勤明细 of a branch's month (YYYY-MM) or the 落实率 table of a period. */
export type MeetingExport = { kind: 'attendance'; month: string } | { kind: 'stats'; period: string };

function exportUrl(orgId: string, what: MeetingExport): string {
  const path =
    what.kind === 'attendance'
      ? `${buildPath(exportAttendance.path, { orgId })}?month=${encodeURIComponent(what.month)}`
      : `${buildPath(exportMeetingStats.path, { orgId })}?period=${encodeURIComponent(what.period)}`;
  return `${API_BASE}${path}`;
}

async function bearer(): Promise<Record<string, string>> {
  const token = await tokenForRequest();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** H5: the workbook as a Blob (fetched with the Bearer token). */
export async function exportMeetingsBlob(orgId: string, what: MeetingExport): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(exportUrl(orgId, what), { headers: await bearer() });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  if (!response.ok) throw toApiError(response.status, await response.text());
  return response.blob();
}

/** weapp: downloaded to a temporary file, whose path is returned (open or share it). */
export async function exportMeetingsFile(orgId: string, what: MeetingExport): Promise<string> {
  let answer: Awaited<ReturnType<typeof Taro.downloadFile>>;
  try {
    answer = await Taro.downloadFile({ url: exportUrl(orgId, what), header: await bearer() });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  if (answer.statusCode < 200 || answer.statusCode >= 300) throw toApiError(answer.statusCode, null);
  return answer.tempFilePath;
}

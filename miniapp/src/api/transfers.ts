/**
 * 组织关系转接 calls, typed from the shared route table: applying, each step's decision, where a transfer stands,
 * 待我审批, my transfers, letters and 回执, incoming members, the org view and its workbook. Imported by the
 * pages/transfers subpackage only (the 首页 badge reads the to-do count through the route itself).
 */
import Taro from '@tarojs/taro';
import { buildPath, type RouteBody } from '../../../shared/http/route';
import { getLetter, orgTransfers, recordReceipt, registerInbound } from '../../../shared/transfers/admin-routes';
import { exportTransfers, letterPdf } from '../../../shared/transfers/report-routes';
import {
  applyTransfer,
  approveTransfer,
  getTransfer,
  myTransfers,
  rejectTransfer,
  transferDestinations,
  transferTodo,
  withdrawTransfer,
} from '../../../shared/transfers/routes';
import type { TransferStateValue } from '../../../shared/transfers/schemas';
import { ApiError, NETWORK_ERROR_MESSAGE, request } from './client';
import { tokenForRequest } from './session-refresh';
import { toApiError } from './transport';

export type ApplyBody = RouteBody<typeof applyTransfer>;
export type InboundBody = RouteBody<typeof registerInbound>;

export const transfersApi = {
  /** POST /v1/transfers: one key per filled-in form, so repeated taps create one transfer. */
  apply: (body: ApplyBody, idempotencyKey: string) => request(applyTransfer, { body, idempotencyKey }),
  destinations: () => request(transferDestinations, {}),
  get: (id: string) => request(getTransfer, { params: { id } }),
  approve: (
    id: string,
    body: { version?: number; comment?: string; duesOverride?: { reason: string } },
    idempotencyKey: string,
  ) => request(approveTransfer, { params: { id }, body, idempotencyKey }),
  reject: (id: string, body: { version?: number; reason: string }, idempotencyKey: string) =>
    request(rejectTransfer, { params: { id }, body, idempotencyKey }),
  withdraw: (id: string, body: { version?: number; reason?: string }, idempotencyKey: string) =>
    request(withdrawTransfer, { params: { id }, body, idempotencyKey }),
  todo: (cursor?: string) => request(transferTodo, { query: { ...(cursor ? { cursor } : {}) } }),
  mine: () => request(myTransfers, {}),
  letter: (id: string) => request(getLetter, { params: { id } }),
  receipt: (id: string, body: { receivedBy: string; receivedAt: string }, idempotencyKey: string) =>
    request(recordReceipt, { params: { id }, body, idempotencyKey }),
  inbound: (body: InboundBody, idempotencyKey: string) => request(registerInbound, { body, idempotencyKey }),
  org: (orgId: string, query: { month: string; state?: TransferStateValue; cursor?: string }) =>
    request(orgTransfers, {
      params: { orgId },
      query: {
        month: query.month,
        ...(query.state ? { state: query.state } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
      },
    }),
};

// ——— Files: the letter's PDF and the workbook (as the 党费 and meeting exports) ———

async function bearer(): Promise<Record<string, string>> {
  const token = await tokenForRequest();
  return token ? { authorization: `Bearer ${token}` } : {};
}

export const letterPdfUrl = (id: string) => `${API_BASE}${buildPath(letterPdf.path, { id })}`;
export const exportUrl = (orgId: string, year: number) =>
  `${API_BASE}${buildPath(exportTransfers.path, { orgId })}?year=${encodeURIComponent(String(year))}`;

/** H5: the file as a Blob, fetched with the Bearer token. */
export async function fileBlob(url: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(url, { headers: await bearer() });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  if (!response.ok) throw toApiError(response.status, await response.text());
  return response.blob();
}

/** weapp: the file downloaded to a temporary path (open it with Taro.openDocument). */
export async function downloadedFile(url: string): Promise<string> {
  let answer: Awaited<ReturnType<typeof Taro.downloadFile>>;
  try {
    answer = await Taro.downloadFile({ url, header: await bearer() });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  if (answer.statusCode < 200 || answer.statusCode >= 300) throw toApiError(answer.statusCode, null);
  return answer.tempFilePath;
}

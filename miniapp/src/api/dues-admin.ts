/**
 * The branch's and the committee's 党费 calls: base approvals, bills, offline payments and reversals, monthly
 * totals, arrears, settings and the reconciliation workbook. Imported by the pages/dues subpackage only.
 */
import Taro from '@tarojs/taro';
import {
  decideBase,
  duesArrears,
  duesTotals,
  generateBills,
  getDuesSettings,
  listBases,
  putDuesSettings,
  recordOfflinePayment,
  reversePayment,
} from '../../../shared/dues/admin-routes';
import { exportDues } from '../../../shared/dues/report-routes';
import { buildPath, type RouteBody } from '../../../shared/http/route';
import { ApiError, NETWORK_ERROR_MESSAGE, newIdempotencyKey, request } from './client';
import { tokenForRequest } from './session-refresh';
import { toApiError } from './transport';

export const duesAdminApi = {
  /** Declarations waiting for a decision in one org (the server lists them per branch), newest first. */
  pendingBases: (orgId: string, cursor?: string) =>
    request(listBases, { params: { orgId }, query: { status: 'pending', ...(cursor ? { cursor } : {}) } }),
  decideBase: (id: string, approve: boolean, comment?: string) =>
    request(decideBase, { params: { id }, body: { approve, ...(comment ? { comment } : {}) } }),
  /** The month's figures and unpaid members (a committee: one row per branch, in tree order). */
  totals: (orgId: string, month: string, cursor?: string) =>
    request(duesTotals, { params: { orgId }, query: { month, ...(cursor ? { cursor } : {}) } }),
  /** 生成账单: idempotent, one bill per member per month. */
  generateBills: (orgId: string, month: string, idempotencyKey = newIdempotencyKey()) =>
    request(generateBills, { params: { orgId }, body: { month }, idempotencyKey }),
  recordOffline: (body: RouteBody<typeof recordOfflinePayment>, idempotencyKey: string) =>
    request(recordOfflinePayment, { body, idempotencyKey }),
  reverse: (paymentId: string, reason: string, idempotencyKey: string) =>
    request(reversePayment, { params: { id: paymentId }, body: { reason }, idempotencyKey }),
  arrears: (orgId: string) => request(duesArrears, { params: { orgId } }),
  settings: (orgId: string) => request(getDuesSettings, { params: { orgId } }),
  saveSettings: (orgId: string, prepayMonths: number, version?: number) =>
    request(putDuesSettings, {
      params: { orgId },
      body: { prepayMonths, ...(version !== undefined ? { version } : {}) },
    }),
};

// ——— 党费对账表 (xlsx), as the meetings' exports in ./meeting-admin.ts ———

const exportUrl = (orgId: string, year: number) =>
  `${API_BASE}${buildPath(exportDues.path, { orgId })}?year=${encodeURIComponent(String(year))}`;

async function bearer(): Promise<Record<string, string>> {
  const token = await tokenForRequest();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** H5: the workbook as a Blob (fetched with the Bearer token). */
export async function exportDuesBlob(orgId: string, year: number): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(exportUrl(orgId, year), { headers: await bearer() });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  if (!response.ok) throw toApiError(response.status, await response.text());
  return response.blob();
}

/** weapp: downloaded to a temporary file, whose path is returned (open or share it). */
export async function exportDuesFile(orgId: string, year: number): Promise<string> {
  let answer: Awaited<ReturnType<typeof Taro.downloadFile>>;
  try {
    answer = await Taro.downloadFile({ url: exportUrl(orgId, year), header: await bearer() });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  if (answer.statusCode < 200 || answer.statusCode >= 300) throw toApiError(answer.statusCode, null);
  return answer.tempFilePath;
}

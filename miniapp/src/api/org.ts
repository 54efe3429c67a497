import Taro from '@tarojs/taro';
import { clientMessage as messageFor } from '../../../shared/http/messages';
import { buildPath } from '../../../shared/http/route';
import {
  createMember,
  exportMembers,
  importMembers,
  listMembers,
  orgOverview,
  orgTree,
  updateMember,
} from '../../../shared/org/routes';
import type { CreateMemberRequest, OrgNode, RosterMember, UpdateMemberRequest } from '../../../shared/org/schemas';
import { depthFirst, withTotals } from '../../../shared/org/tree';
import { ApiError, NETWORK_ERROR_MESSAGE, newIdempotencyKey, request } from './client';
import { tokenForRequest } from './session-refresh';

/** A tree row for display: the server's node, its depth, and how many branches it holds. */
export interface OrgRow {
  readonly node: OrgNode;
  readonly depth: number;
  readonly branches: number;
}

/** The visible tree in display order (each node after its parent); `branches` is rolled up here, not sent. */
export async function orgRows(): Promise<OrgRow[]> {
  const { nodes } = await orgApi.tree();
  const totals = new Map(withTotals(nodes).map((node) => [node.id, node.branches]));
  return depthFirst(nodes).map(({ node, depth }) => ({ node, depth, branches: totals.get(node.id) ?? 0 }));
}

/** The branches a caller may see, in tree order (what a committee member picks from). */
export async function visibleBranches(): Promise<OrgNode[]> {
  return (await orgRows()).filter((row) => row.node.kind === 'branch').map((row) => row.node);
}

export type RosterStatus = 'active' | 'inactive' | 'all';

export interface RosterFilter {
  readonly status?: RosterStatus;
  /** Name contains; empty = no search. */
  readonly q?: string;
}

export const orgApi = {
  tree: () => request(orgTree, {}),
  /** Each branch's figures for 首页; `month` YYYY-MM (default: this month). */
  overview: (orgId: string, month?: string) => request(orgOverview, { params: { orgId }, query: { month } }),
  roster: (orgId: string, cursor?: string, filter: RosterFilter = {}) =>
    request(listMembers, {
      params: { orgId },
      query: {
        limit: 50,
        ...(cursor ? { cursor } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.q?.trim() ? { q: filter.q.trim() } : {}),
      },
    }),
  create: (orgId: string, body: CreateMemberRequest, idempotencyKey = newIdempotencyKey()) =>
    request(createMember, { params: { orgId }, body, idempotencyKey }),
  update: (memberId: string, body: UpdateMemberRequest) => request(updateMember, { params: { id: memberId }, body }),
};

/**
 * One member by id, for the detail page: the roster searched by their name (every status), since the API has
 * no single-member read. null when they are gone from this branch.
 */
export async function findRosterMember(orgId: string, memberId: string, name: string): Promise<RosterMember | null> {
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const answer = await orgApi.roster(orgId, cursor, { status: 'all', q: name.slice(0, 20) || undefined });
    const found = answer.items.find((item) => item.id === memberId);
    if (found) return found;
    if (!answer.nextCursor) return null;
    cursor = answer.nextCursor;
  }
  return null;
}

/** A row the import refused: 第 N 行 · 列 · 问题. */
export interface ImportRowError {
  readonly row: number;
  readonly column?: string;
  readonly message: string;
}

/** IMPORT_INVALID_ROWS: nothing was imported; `rows` says what to fix. */
export class ImportRowsError extends ApiError {
  readonly rows: ImportRowError[];
  constructor(status: number, code: string, message: string, rows: ImportRowError[]) {
    super(status, code, message);
    this.rows = rows;
  }
}

function errorFrom(status: number, data: unknown): ApiError {
  const parsed = typeof data === 'string' ? safeJson(data) : data;
  const error = (parsed as { error?: { code?: string; message?: string; rows?: ImportRowError[] } } | null)?.error;
  if (error && typeof error.code === 'string') {
    const message = error.message || messageFor(error.code);
    return error.rows
      ? new ImportRowsError(status, error.code, message, error.rows)
      : new ApiError(status, error.code, message);
  }
  return new ApiError(status, 'HTTP_ERROR', messageFor('HTTP_ERROR', `请求失败（${status}）`));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function bearer(): Promise<Record<string, string>> {
  const token = await tokenForRequest();
  return token ? { authorization: `Bearer ${token}` } : {};
}

const importUrl = (orgId: string) => `${API_BASE}${buildPath(importMembers.path, { orgId })}`;
const exportUrl = (orgId: string) => `${API_BASE}${buildPath(exportMembers.path, { orgId })}`;

/** 导入花名册: a Blob (H5 file input) or a local file path (weapp chooseMessageFile), sent as multipart `file`. */
export async function importRoster(orgId: string, file: Blob | string, fileName = 'roster.xlsx') {
  const headers = { ...(await bearer()), 'idempotency-key': newIdempotencyKey() };
  let status: number;
  let data: unknown;
  try {
    if (typeof file === 'string') {
      const answer = await Taro.uploadFile({ url: importUrl(orgId), filePath: file, name: 'file', header: headers });
      status = answer.statusCode;
      data = answer.data;
    } else {
      const form = new FormData();
      form.append('file', file, fileName);
      const response = await fetch(importUrl(orgId), { method: 'POST', headers, body: form });
      status = response.status;
      data = await response.text();
    }
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  if (status >= 200 && status < 300) {
    return (typeof data === 'string' ? safeJson(data) : data) as { imported: number; members: RosterMember[] };
  }
  throw errorFrom(status, data);
}

/** 导出花名册 on H5: the workbook as a Blob (fetched with the Bearer token). */
export async function exportRosterBlob(orgId: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(exportUrl(orgId), { headers: await bearer() });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  if (!response.ok) throw errorFrom(response.status, await response.text());
  return response.blob();
}

/** 导出花名册 on weapp: downloaded to a temporary file, whose path is returned (open or share it). */
export async function exportRosterFile(orgId: string): Promise<string> {
  let answer: Awaited<ReturnType<typeof Taro.downloadFile>>;
  try {
    answer = await Taro.downloadFile({ url: exportUrl(orgId), header: await bearer() });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  if (answer.statusCode < 200 || answer.statusCode >= 300) throw errorFrom(answer.statusCode, null);
  return answer.tempFilePath;
}

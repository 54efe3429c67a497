import type { z } from 'zod';
import type { Role } from '../auth/roles';

/**
 * The Lambda that serves a route: one per domain, and the meetings domain has four, so each bundle stays
 * under its 200 KB budget and a member's check-in never loads the secretaries' code: `meetings` (members:
 * lists, detail, check-in, 签退, leave, 补学), `meetingsAdmin` (running one: QR, board, 补签, leave decisions,
 * reminders), `meetingsPlanning` (creating, changing and cancelling meetings, the 周二夜学 schedule) and
 * `meetingsRecords` (records and photos, statistics, exports).
 */
export type Domain =
  | 'auth'
  | 'org'
  | 'meetings'
  | 'meetingsAdmin'
  | 'meetingsPlanning'
  | 'meetingsRecords'
  | 'study'
  | 'notices'
  | 'messages'
  | 'dues'
  | 'duesAdmin'
  | 'duesCash'
  | 'duesNotify'
  | 'duesReports'
  | 'transfers'
  | 'transfersAdmin'
  | 'transfersReports';

/** Each Lambda's entry under functions/, exporting `handler`. */
export const HANDLER_ENTRIES: Record<Domain, string> = {
  auth: 'auth/handler.ts',
  org: 'org/handler.ts',
  meetings: 'meetings/handler.ts',
  meetingsAdmin: 'meetings/admin-handler.ts',
  meetingsPlanning: 'meetings/planning-handler.ts',
  meetingsRecords: 'meetings/records-handler.ts',
  study: 'study/handler.ts',
  notices: 'notices/handler.ts',
  messages: 'messages/handler.ts',
  dues: 'dues/handler.ts',
  duesAdmin: 'dues/admin-handler.ts',
  duesCash: 'dues/cash-handler.ts',
  duesNotify: 'dues/notify-handler.ts',
  duesReports: 'dues/reports-handler.ts',
  transfers: 'transfers/handler.ts',
  transfersAdmin: 'transfers/admin-handler.ts',
  transfersReports: 'transfers/reports-handler.ts',
};
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call a route:
 * - 'public': anyone (login);
 * - 'bind': only a token for an openid that is not yet bound to a member;
 * - a list of roles: a bound member holding at least one of them. Scope (which branch) is checked by the
 *   handler against the resource, because only the handler knows the resource's branch.
 */
export type Access = 'public' | 'bind' | readonly Role[];

export interface RouteDef {
  /** Stable id, `<domain>.<action>`: used by the client, the authorisation matrix and OpenAPI operationIds. */
  readonly id: string;
  readonly domain: Domain;
  readonly method: Method;
  /** OpenAPI-style path, `{param}` placeholders, always under /v1. */
  readonly path: string;
  readonly summary: string;
  readonly access: Access;
  /** Whether the resource belongs to a branch, so that own/other-branch scope applies. */
  readonly scoped: boolean;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /**
   * 'xlsx' bodies arrive as multipart/form-data (field `file`) or as the raw workbook; 'raw' bodies reach the
   * handler as the exact bytes received (a signed notification is verified over them, never re-serialised).
   */
  readonly bodyKind?: 'json' | 'xlsx' | 'raw';
  readonly response: z.ZodType;
  readonly responseKind?: 'json' | 'xlsx' | 'pdf';
  readonly status: 200 | 201;
  /** Largest accepted body in bytes (default JSON_BODY_LIMIT). */
  readonly bodyLimit?: number;
  /**
   * How a member's token is held to the roster (issue #6): 'request' (default) re-reads the member before the
   * handler runs, so a deactivated member or a removed role loses access on the next request; 'transaction'
   * means the route checks the member inside its own write (check-in: a ConditionCheck, no extra round trip).
   */
  readonly rosterCheck?: 'request' | 'transaction';
  /**
   * The resource is one member's own (their dues): the member themselves may act on it; anyone else needs one of
   * `access`'s roles other than 'member', within that role's scope. The handler checks it; the authorisation
   * matrix reads it.
   */
  readonly ownerOrScope?: boolean;
  /** The route counts its own attempts (check-in) instead of the per-member write limit. */
  readonly ownRateLimit?: boolean;
  /** The response carries credentials (tokens): an Idempotency-Key replay re-issues them, never stores them. */
  readonly credentials?: boolean;
}

/** 64 KB: more than any JSON request of ours needs; larger bodies are refused before parsing. */
export const JSON_BODY_LIMIT = 64 * 1024;
/** A roster workbook of a few thousand rows stays well under this. */
export const XLSX_BODY_LIMIT = 2 * 1024 * 1024;

export function defineRoute<const R extends RouteDef>(route: R): R {
  return route;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
export type RouteParams<R extends RouteDef> = Infer<R['params']>;
export type RouteQuery<R extends RouteDef> = Infer<R['query']>;
export type RouteBody<R extends RouteDef> = Infer<R['body']>;
export type RouteResponse<R extends RouteDef> = z.infer<R['response']>;

/** Fills `{param}` placeholders; values are URI-encoded. */
export function buildPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

/** Ids we issue are short and URL-safe; anything else is refused before it reaches a key. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

import * as z from 'zod';

/** The one error body every route returns (DESIGN §5). */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    message: z.string().min(1),
    /** Validation failures: which fields were bad and why. */
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** Roster import: every bad row, by its row number in the workbook. */
    rows: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export interface ErrorSpec {
  readonly status: number;
  /** Chinese, for a person: the mini-program shows it as it is. */
  readonly message: string;
}

export function defineErrors<const T extends Record<string, ErrorSpec>>(errors: T): T {
  return errors;
}

/** Errors any route can return. */
export const commonErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, message: '请求内容有误，请检查后重试' },
  MALFORMED_JSON: { status: 400, message: '请求格式错误（不是合法的 JSON）' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的请求内容类型' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  TOKEN_INVALID: { status: 401, message: '登录凭证无效，请重新登录' },
  /** The token was valid, but the roster changed since: the member was deactivated or left the branch. */
  SESSION_REVOKED: { status: 401, message: '您的党员账号已停用或组织关系已变更，请重新登录' },
  CURSOR_INVALID: { status: 400, message: '分页参数无效，请从第一页重新加载' },
  FORBIDDEN_ROLE: { status: 403, message: '您没有执行此操作的权限' },
  FORBIDDEN_SCOPE: { status: 403, message: '这是其他支部的内容，您没有查看或操作的权限' },
  BINDING_REQUIRED: { status: 403, message: '请先绑定党员身份' },
  ROUTE_NOT_FOUND: { status: 404, message: '您要找的内容不存在，可能已被删除' },
  METHOD_NOT_ALLOWED: { status: 405, message: '暂不支持这项操作，请更新小程序后再试' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '同一个幂等键不能用于不同的请求' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, message: '相同请求正在处理中，请稍后重试' },
  TOO_MANY_REQUESTS: { status: 429, message: '操作太频繁，请稍后再试' },
  BAD_REQUEST: { status: 400, message: '请求无法处理，请检查后重试' },
  INTERNAL: { status: 500, message: '服务器开小差了，请稍后再试' },
});

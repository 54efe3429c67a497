/**
 * One HTTP exchange with the API, typed from the shared route table (shared/<domain>/routes.ts): no session
 * logic here (client.ts adds it), so session-refresh.ts can call the refresh route through it too.
 */
import Taro from '@tarojs/taro';
import type { ErrorBody } from '../../../shared/http/errors';
import { clientMessage as messageFor } from '../../../shared/http/messages';
import {
  buildPath,
  type RouteBody,
  type RouteDef,
  type RouteParams,
  type RouteQuery,
  type RouteResponse,
} from '../../../shared/http/route';

export const NETWORK_ERROR_MESSAGE = '网络异常，请检查网络后重试';

/** A failed call: the server's `{error:{code,message}}`, or NETWORK_ERROR (status 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly fields: { path: string; message: string }[] | undefined;

  constructor(status: number, code: string, message: string, fields?: { path: string; message: string }[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

type Slot<K extends string, T> = [T] extends [undefined] ? { [P in K]?: undefined } : { [P in K]: T };

export type RequestOptions<R extends RouteDef> = Slot<'params', RouteParams<R>> &
  Slot<'body', RouteBody<R>> & {
    query?: Partial<RouteQuery<R>>;
    /** Side-effecting POSTs: the same key for retries of one user action (DESIGN §5). */
    idempotencyKey?: string;
  };

export interface ApiAnswer<T> {
  readonly status: number;
  readonly data: T;
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The server's message when it sent one (429 included: 操作太频繁…), else one for the status. Also the file
 * routes' (exports, the letter PDF): their error bodies arrive as text.
 */
export function toApiError(status: number, data: unknown): ApiError {
  const body = (typeof data === 'string' ? safeJson(data) : data) as Partial<ErrorBody> | null;
  const error = body?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(status, error.code, error.message || messageFor(error.code), error.fields);
  }
  const code =
    status === 401
      ? 'UNAUTHENTICATED'
      : status === 429
        ? 'TOO_MANY_REQUESTS'
        : status >= 500
          ? 'INTERNAL'
          : 'HTTP_ERROR';
  return new ApiError(status, code, messageFor(code, `请求失败（${status}）`));
}

/** Sends one request with `token` (if any); 2xx → the answer, anything else → ApiError. */
export async function transmit<R extends RouteDef>(
  route: R,
  options: RequestOptions<R>,
  token: string | null,
): Promise<ApiAnswer<RouteResponse<R>>> {
  const path = buildPath(route.path, (options.params ?? {}) as Record<string, string>);
  const header: Record<string, string> = { 'content-type': 'application/json' };
  if (token) header.authorization = `Bearer ${token}`;
  if (options.idempotencyKey) header['idempotency-key'] = options.idempotencyKey;

  let response: Awaited<ReturnType<typeof Taro.request>>;
  try {
    response = await Taro.request({
      url: `${API_BASE}${path}${queryString(options.query as Record<string, unknown> | undefined)}`,
      method: route.method.toUpperCase() as 'GET' | 'POST',
      header,
      data: options.body === undefined ? undefined : JSON.stringify(options.body),
      dataType: 'json',
      timeout: 15000,
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
  const status = response.statusCode;
  if (status >= 200 && status < 300) {
    const data = typeof response.data === 'string' ? safeJson(response.data) : response.data;
    return { status, data: data as RouteResponse<R> };
  }
  throw toApiError(status, response.data);
}

/**
 * The one HTTP client: typed from the shared route table (shared/<domain>/routes.ts), so a path, method,
 * parameter or response shape cannot drift from what the server declares. It keeps the session alive: the
 * access token is renewed before it expires and, if the server still says TOKEN_EXPIRED, renewed once and the
 * request sent again (same Idempotency-Key). Only a refused refresh sends the person back to the login page.
 */
import type { RouteDef, RouteResponse } from '../../../shared/http/route';
import { endsSession, isRenewable, tokenAfterRefusal, tokenForRequest } from './session-refresh';
import { type ApiAnswer, ApiError, type RequestOptions, transmit } from './transport';

export { type ApiAnswer, ApiError, NETWORK_ERROR_MESSAGE, type RequestOptions } from './transport';

/** What to do when the server says the session is gone (set by the app: back to the login page). */
let onUnauthorized: (message: string) => void = () => {};
export function setUnauthorizedHandler(handler: (message: string) => void): void {
  onUnauthorized = handler;
}

/** The session is over: say so to the app (once it has signed out, later calls are ignored there). */
function sessionOver(error: ApiError): never {
  onUnauthorized(error.message);
  throw error;
}

/** Calls a route and returns the HTTP status with the body (for 201-vs-200 answers such as check-in). */
export async function send<R extends RouteDef>(
  route: R,
  options: RequestOptions<R>,
): Promise<ApiAnswer<RouteResponse<R>>> {
  // Public routes (login, refresh, logout) carry no access token and never touch the session.
  if (route.access === 'public') return transmit(route, options, null);

  let token: string | null;
  try {
    token = await tokenForRequest();
  } catch (error) {
    if (endsSession(error)) sessionOver(error);
    throw error;
  }

  try {
    return await transmit(route, options, token);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    if (!isRenewable(error)) sessionOver(error);
    // A 401 means the request was not carried out: renew once, send it once more.
    let fresh: string;
    try {
      fresh = await tokenAfterRefusal(token);
    } catch (refreshError) {
      if (endsSession(refreshError)) sessionOver(refreshError);
      throw refreshError;
    }
    try {
      return await transmit(route, options, fresh);
    } catch (retryError) {
      if (retryError instanceof ApiError && retryError.status === 401) sessionOver(retryError);
      throw retryError;
    }
  }
}

/** Calls a route and returns its typed response body. */
export async function request<R extends RouteDef>(route: R, options: RequestOptions<R>): Promise<RouteResponse<R>> {
  return (await send(route, options)).data;
}

/** A key for one user action; retries of that action reuse it. */
export function newIdempotencyKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

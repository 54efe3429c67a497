/**
 * Silent renewal of the short-lived access token (issue #6) with the refresh token the login, bind and refresh
 * answers carry. A refresh token works ONCE: presenting a used one revokes the whole session on the server.
 * So there is never more than one refresh in flight: every caller that needs a new token awaits the same
 * call, and a caller whose token was already replaced meanwhile just takes the new one.
 */
import { refresh as refreshRoute } from '../../../shared/auth/routes';
import { clientMessage as messageFor } from '../../../shared/http/messages';
import { useSession } from '../store/session';
import { ApiError, transmit } from './transport';

/** 401 codes after which a renewed token may succeed: expired, or issued before a roster change. */
const RENEWABLE = new Set(['TOKEN_EXPIRED', 'SESSION_REVOKED']);

export function isRenewable(error: ApiError): boolean {
  return error.status === 401 && RENEWABLE.has(error.code) && useSession.getState().refreshToken !== null;
}

/**
 * Whether a failed refresh ends the session (back to the login page): the server refused it (401/403).
 * A network failure, 429 or 5xx does not: the person stays signed in and may try again.
 */
export function endsSession(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}

/** Offline, rate-limited or a server failure: worth trying again later, with the session kept. */
function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status === 429 || error.status >= 500);
}

let pending: Promise<string> | null = null;

/** The new access token; concurrent callers share one POST /v1/auth/refresh. */
export function refreshSession(): Promise<string> {
  if (!pending) {
    pending = exchange().finally(() => {
      pending = null;
    });
  }
  return pending;
}

async function exchange(): Promise<string> {
  const used = useSession.getState().refreshToken;
  if (!used) throw new ApiError(401, 'REFRESH_TOKEN_INVALID', messageFor('REFRESH_TOKEN_INVALID'));
  const { data } = await transmit(refreshRoute, { body: { refreshToken: used } }, null);
  const session = useSession.getState();
  if (session.refreshToken !== used) {
    // Signed out (or in as someone else) while the refresh was on its way: keep that, drop this answer.
    throw new ApiError(409, 'SESSION_CHANGED', '登录状态已变化，请重试');
  }
  session.renew(data, data.member);
  return data.token;
}

/**
 * The token to send with a request: renewed first when it expires within a minute (see refreshAfterFor).
 * If the refresh cannot get through (offline, 5xx), the current token is sent anyway and the server decides.
 */
export async function tokenForRequest(): Promise<string | null> {
  const { token, refreshToken, refreshAfter } = useSession.getState();
  if (!token || !refreshToken || refreshAfter === null || Date.now() < refreshAfter) return token;
  try {
    return await refreshSession();
  } catch (error) {
    if (isTransient(error)) return token;
    throw error;
  }
}

/** After the server refused `staleToken` (TOKEN_EXPIRED…): a newer one, by a refresh unless one already ran. */
export async function tokenAfterRefusal(staleToken: string | null): Promise<string> {
  const { token } = useSession.getState();
  if (token && token !== staleToken) return token;
  return refreshSession();
}

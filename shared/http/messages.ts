/**
 * The person-readable message for a code, on the client: the server always sends its own message with every
 * error, so the mini-program needs only the codes it makes up itself (network, HTTP, session) — not every
 * domain's catalog, which would weigh on its main package.
 */
import { authErrors } from '../auth/errors';
import { commonErrors, type ErrorSpec } from './errors';

const CLIENT_CATALOG: Record<string, ErrorSpec> = { ...commonErrors, ...authErrors };

export function clientMessage(code: string, fallback?: string): string {
  return CLIENT_CATALOG[code]?.message ?? fallback ?? commonErrors.INTERNAL.message;
}

import { authErrors } from './auth/errors';
import { duesErrors } from './dues/errors';
import { commonErrors, type ErrorSpec } from './http/errors';
import { meetingsErrors } from './meetings/errors';
import { messagesErrors } from './messages/errors';
import { noticesErrors } from './notices/errors';
import { orgErrors } from './org/errors';
import { studyErrors } from './study/errors';
import { transfersErrors } from './transfers/errors';

export const errorCatalog = {
  ...commonErrors,
  ...authErrors,
  ...orgErrors,
  ...meetingsErrors,
  ...studyErrors,
  ...noticesErrors,
  ...messagesErrors,
  ...duesErrors,
  ...transfersErrors,
} as const;
export type ErrorCode = keyof typeof errorCatalog;

/** A failure the caller can act on: a stable code, its HTTP status and a message a person understands. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, options: { message?: string; details?: Record<string, unknown>; cause?: unknown } = {}) {
    const spec: ErrorSpec = errorCatalog[code];
    super(options.message ?? spec.message, { cause: options.cause });
    this.code = code;
    this.status = spec.status;
    this.details = options.details;
  }
}

/** The person-readable message for a code the server sent (falls back to the server's own text). */
export function messageFor(code: string, fallback?: string): string {
  return (errorCatalog as Record<string, ErrorSpec>)[code]?.message ?? fallback ?? commonErrors.INTERNAL.message;
}

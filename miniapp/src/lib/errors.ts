import { ApiError } from '../api/client';

/** What to tell the person: the server's message for API failures, a generic line otherwise. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '出了点问题，请稍后重试';
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof ApiError ? error.code : undefined;
}

/**
 * What a person can do about a failure — the way out an error screen offers (issue #7): try again (offline,
 * busy, a server fault), or leave (the thing is gone or not theirs: 重试 could never succeed), or sign in again.
 */
export type FailureKind = 'retry' | 'leave' | 'sign_in';

export function failureKind(error: unknown): FailureKind {
  if (!(error instanceof ApiError)) return 'retry';
  if (error.status === 401) return 'sign_in';
  if (error.status === 403 || error.status === 404) return 'leave';
  return 'retry';
}

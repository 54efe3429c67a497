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

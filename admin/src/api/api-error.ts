import type { ErrorDetail } from '@zgd/shared-types';

/**
 * Codes the client itself produces when no usable error body came back. Server codes
 * (`VALIDATION_FAILED`, `CASE.ALREADY_CLOSED`, ...) pass through unchanged.
 */
export const ClientErrorCode = {
  NETWORK: 'CLIENT.NETWORK',
  UNEXPECTED_RESPONSE: 'CLIENT.UNEXPECTED_RESPONSE',
} as const;

/** A failed API call: the stable code to branch on and the Chinese message to show. */
export class ApiError extends Error {
  readonly code: string;
  /** HTTP status, or 0 when the server was not reached. */
  readonly status: number;
  readonly details?: ErrorDetail[];

  constructor(code: string, message: string, status: number, details?: ErrorDetail[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** The message to show for anything thrown by an API call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '发生未知错误，请稍后重试';
}

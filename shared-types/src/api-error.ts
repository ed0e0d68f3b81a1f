import type { ErrorBody, ErrorDetail } from './errors';

/*
 * The client side of the error contract, shared by the console (fetch) and the mini-program
 * (Taro.request). Imports no zod at run time, so front ends can use it without the schemas.
 */

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

/** Whether a parsed response body is the backend's `{ code, message, details? }`. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string';
}

/** The error for a failed response: the server's own when it sent one, else a generic one. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  return isErrorBody(body)
    ? new ApiError(body.code, body.message, status, body.details)
    : unexpectedResponse(status);
}

/** A response the client cannot read (an HTML error page, an empty 200, ...). */
export function unexpectedResponse(status: number): ApiError {
  return new ApiError(
    ClientErrorCode.UNEXPECTED_RESPONSE,
    `服务器返回了无法识别的响应（HTTP ${status}），请稍后重试`,
    status,
  );
}

/** The client's error when the server was not reached at all. */
export function networkError(): ApiError {
  return new ApiError(ClientErrorCode.NETWORK, '无法连接服务器，请检查网络后重试', 0);
}

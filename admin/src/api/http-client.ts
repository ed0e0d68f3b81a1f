import type { ErrorBody } from '@zgd/shared-types';
import { ApiError, ClientErrorCode } from './api-error';

/** Same origin in production (served by the backend), proxied by Vite in development. */
const API_PREFIX = '/api';

export interface RequestOptions {
  signal?: AbortSignal;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (cause) {
    // Let callers tell a deliberate cancel from a failure.
    if (options.signal?.aborted) throw cause;
    throw new ApiError(ClientErrorCode.NETWORK, '无法连接服务器，请检查网络后重试', 0);
  }

  const payload = await readJson(response);
  if (response.ok) {
    if (payload === undefined && response.status !== 204) throw unexpected(response.status);
    return payload as T;
  }
  if (isErrorBody(payload)) {
    throw new ApiError(payload.code, payload.message, response.status, payload.details);
  }
  throw unexpected(response.status);
}

export const apiGet = <T>(path: string, options?: RequestOptions) =>
  request<T>('GET', path, undefined, options);

/** The parsed body, or undefined when it is empty or not JSON (e.g. a proxy's HTML page). */
async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string';
}

function unexpected(status: number): ApiError {
  return new ApiError(
    ClientErrorCode.UNEXPECTED_RESPONSE,
    `服务器返回了无法识别的响应（HTTP ${status}），请稍后重试`,
    status,
  );
}

import { apiErrorFrom, networkError, unexpectedResponse } from '@zgd/shared-types';
import { currentSession, endSession } from './session';

/** Same origin in production (served by the backend), proxied by Vite in development. */
const API_PREFIX = '/api';

export interface RequestOptions {
  signal?: AbortSignal;
  /** A bearer token to send instead of the stored session's. */
  token?: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls the API with the session's bearer token. A `FormData` body goes as multipart (the
 * browser sets the boundary), anything else as JSON. A 401 to a call that carried a token
 * means the session is over (expired, revoked, logged out elsewhere): it is ended here, and
 * the route guard sends the user to the login page.
 */
export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  const token = options.token ?? currentSession()?.token;
  if (token) headers['Authorization'] = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (cause) {
    // Let callers tell a deliberate cancel from a failure.
    if (options.signal?.aborted) throw cause;
    throw networkError();
  }

  if (response.status === 401 && token) endSession('expired');
  const payload = await readJson(response);
  if (response.ok) {
    if (payload === undefined && response.status !== 204) throw unexpectedResponse(response.status);
    return payload as T;
  }
  throw apiErrorFrom(response.status, payload);
}

export const apiGet = <T>(path: string, options?: RequestOptions) =>
  request<T>('GET', path, undefined, options);

export const apiPost = <T>(path: string, body?: unknown, options?: RequestOptions) =>
  request<T>('POST', path, body, options);

/** `?a=1&b=2` from the defined entries, in the order given; empty when none is defined. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

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

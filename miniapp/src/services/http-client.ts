import Taro from '@tarojs/taro';
import { apiErrorFrom, type ApiError, networkError, unexpectedResponse } from '@zgd/shared-types';
import { getToken, sessionExpired } from './session';

/**
 * Origin of the API. Empty on H5, where the backend serves the page and `/api` on the same
 * origin; a mini-program has no origin, so its build must set TARO_APP_API_BASE.
 */
export const API_BASE: string = process.env.TARO_APP_API_BASE ?? '';
const API_PREFIX = '/api';
const TIMEOUT_MS = 10_000;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
/** What Taro may hand back: parsed JSON, raw text, or (H5, unparsable body) null. */
type RawBody = Record<string, unknown> | string;

/**
 * Calls `/api<path>` with the session's bearer token; resolves with the JSON body on 2xx
 * (undefined on 204), rejects with an ApiError otherwise. A 401 to a signed-in call ends the
 * session and goes back to the login page.
 */
export async function request<T>(method: Method, path: string, body?: object): Promise<T> {
  const token = getToken();
  const header: Record<string, string> = { Accept: 'application/json' };
  if (token) header.Authorization = `Bearer ${token}`;
  let response: Taro.request.SuccessCallbackResult<RawBody>;
  try {
    response = await Taro.request<RawBody>({
      url: `${API_BASE}${API_PREFIX}${path}`,
      method,
      data: body,
      header,
      dataType: 'json',
      timeout: TIMEOUT_MS,
    });
  } catch {
    throw networkError();
  }

  const { statusCode } = response;
  const data: unknown = response.data;
  if (statusCode === 204) return undefined as T;
  if (statusCode >= 200 && statusCode < 300) {
    // H5 yields null and WeChat the raw text when the body is not JSON (e.g. an HTML page).
    if (typeof data !== 'object' || data === null) throw unexpectedResponse(statusCode);
    return data as T;
  }
  if (statusCode === 401 && token) sessionExpired();
  throw apiErrorFrom(statusCode, data);
}

export const apiGet = <T>(path: string) => request<T>('GET', path);
export const apiPost = <T>(path: string, body?: object) => request<T>('POST', path, body);
export const apiDelete = <T>(path: string) => request<T>('DELETE', path);

/** Headers of a signed-in call made outside `request` (file uploads). */
export function authHeader(): Record<string, string> {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** The parsed error body of a failed upload, or a generic error. */
export function errorFrom(statusCode: number, data: unknown): ApiError {
  let body: unknown = data;
  if (typeof data === 'string') {
    try {
      body = JSON.parse(data);
    } catch {
      body = null;
    }
  }
  if (statusCode === 401 && getToken()) sessionExpired();
  return apiErrorFrom(statusCode, body);
}

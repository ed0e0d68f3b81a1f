import { describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../test/json-response';
import { loginAnswer, signIn } from '../test/render-app';
import { ApiError, ClientErrorCode } from './api-error';
import { apiGet, queryString, request } from './http-client';
import { currentSession, sessionEndReason } from './session';

function stubFetch(impl: () => Promise<Response>) {
  const fetchMock = vi.fn<typeof fetch>(impl);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('http client', () => {
  it('prefixes /api and returns the parsed JSON body', async () => {
    const fetchMock = stubFetch(async () => jsonResponse({ status: 'ok' }));
    await expect(apiGet('/health')).resolves.toEqual({ status: 'ok' });
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/health',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it('sends a body as JSON', async () => {
    const fetchMock = stubFetch(async () => jsonResponse({ id: 1 }, 201));
    await request('POST', '/cases', { district: '310101' });
    const init = fetchMock.mock.calls[0]![1] as RequestInit;
    expect(init.body).toBe('{"district":"310101"}');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
  });

  it('turns an error body into an ApiError with its code, message and details', async () => {
    const details = [{ code: 'REQUIRED', message: '必填', path: 'district' }];
    stubFetch(async () =>
      jsonResponse({ code: 'VALIDATION_FAILED', message: '提交的数据有误', details }, 400),
    );
    const error = await failure(apiGet('/cases'));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('提交的数据有误');
    expect(error.status).toBe(400);
    expect(error.details).toEqual(details);
  });

  it('reports a non-JSON error page with the HTTP status', async () => {
    stubFetch(async () => new Response('<html>Bad Gateway</html>', { status: 502 }));
    const error = await failure(apiGet('/health'));
    expect(error.code).toBe(ClientErrorCode.UNEXPECTED_RESPONSE);
    expect(error.message).toContain('HTTP 502');
  });

  it('rejects a successful response that is not JSON, such as an HTML fallback page', async () => {
    stubFetch(
      async () =>
        new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    );
    const error = await failure(apiGet('/health'));
    expect(error.code).toBe(ClientErrorCode.UNEXPECTED_RESPONSE);
  });

  it('reports an unreachable server as a network error', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(apiGet('/health'));
    expect(error.code).toBe(ClientErrorCode.NETWORK);
    expect(error.status).toBe(0);
    expect(error.message).toBe('无法连接服务器，请检查网络后重试');
  });

  it('sends the session’s bearer token, and none when signed out', async () => {
    const fetchMock = stubFetch(async () => jsonResponse({}));
    await apiGet('/imports');
    signIn();
    await apiGet('/imports');
    const auth = (call: number) =>
      new Headers((fetchMock.mock.calls[call]![1] as RequestInit).headers).get('authorization');
    expect(auth(0)).toBeNull();
    expect(auth(1)).toBe(`Bearer ${loginAnswer().token}`);
  });

  it('ends the session when the server no longer accepts its token', async () => {
    stubFetch(async () => jsonResponse({ code: 'AUTH.UNAUTHENTICATED', message: '请先登录' }, 401));
    signIn();
    const error = await failure(apiGet('/imports'));
    expect(error.code).toBe('AUTH.UNAUTHENTICATED');
    expect(currentSession()).toBeNull();
    expect(sessionEndReason()).toBe('expired');
  });

  it('posts FormData as multipart, leaving the boundary to the browser', async () => {
    const fetchMock = stubFetch(async () => jsonResponse({ state: 'queued', jobId: 'j' }, 201));
    const form = new FormData();
    form.append('files', new File(['x'], 'grid_bills.csv'));
    await request('POST', '/imports', form);
    const init = fetchMock.mock.calls[0]![1] as RequestInit;
    expect(init.body).toBe(form);
    expect(new Headers(init.headers).get('content-type')).toBeNull();
  });

  it('builds a query string from the defined parameters only', () => {
    expect(queryString({ pricing: 'two_part', month: 7, voltage: undefined })).toBe(
      '?pricing=two_part&month=7',
    );
    expect(queryString({ a: undefined })).toBe('');
  });
});

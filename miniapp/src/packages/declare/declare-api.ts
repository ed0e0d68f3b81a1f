import Taro from '@tarojs/taro';
import type {
  DeclarationBodyInput,
  DeclarationPhotoView,
  DeclarationView,
  ErrorBody,
} from '@zgd/shared-types';
import { ApiError, ClientErrorCode } from '../../services/api-error';
import { API_BASE, apiGet, apiPost } from '../../services/http-client';
import { getToken } from '../../services/session';

export const submitDeclaration = (body: DeclarationBodyInput) =>
  apiPost<DeclarationView>('/me/declarations', body);

export const fetchDeclaration = (id: string) =>
  apiGet<DeclarationView>(`/me/declarations/${encodeURIComponent(id)}`);

export const fetchDeclarations = () => apiGet<DeclarationView[]>('/me/declarations');

/**
 * Uploads one photo chosen with Taro.chooseImage (a mini-program sends one file per request);
 * the server judges it by its bytes and answers with the id the declaration names it by.
 */
export async function uploadPhoto(filePath: string): Promise<DeclarationPhotoView> {
  const token = getToken();
  let response: Taro.uploadFile.SuccessCallbackResult;
  try {
    response = await Taro.uploadFile({
      url: `${API_BASE}/api/me/declaration-photos`,
      filePath,
      name: 'files',
      header: token ? { Authorization: `Bearer ${token}` } : {},
    });
  } catch {
    throw new ApiError(ClientErrorCode.NETWORK, '照片上传失败，请检查网络后重试', 0);
  }
  let data: unknown;
  try {
    data = typeof response.data === 'string' ? JSON.parse(response.data) : response.data;
  } catch {
    data = null;
  }
  if (response.statusCode >= 200 && response.statusCode < 300 && Array.isArray(data))
    return data[0] as DeclarationPhotoView;
  const error = data as ErrorBody | null;
  if (error && typeof error.code === 'string')
    throw new ApiError(error.code, error.message, response.statusCode, error.details);
  throw new ApiError(
    ClientErrorCode.UNEXPECTED_RESPONSE,
    `照片上传失败（HTTP ${response.statusCode}），请稍后重试`,
    response.statusCode,
  );
}

/** A key per declaration form: a retry of the same submission sends it again. */
export function newIdempotencyKey(): string {
  return `decl-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The last `count` months, this one first, as YYYY-MM (a declaration is never of the future). */
export function recentPeriods(now: Date, count = 24): string[] {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  let year = shanghai.getUTCFullYear();
  let month = shanghai.getUTCMonth() + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
}

export const DECLARE_PAGE = '/packages/declare/pages/new/index';
export const RESULT_PAGE = '/packages/declare/pages/result/index';
export const LIST_PAGE = '/packages/declare/pages/index/index';

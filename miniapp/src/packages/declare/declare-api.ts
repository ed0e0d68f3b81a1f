import Taro from '@tarojs/taro';
import type {
  DeclarationBodyInput,
  DeclarationPhotoView,
  DeclarationView,
} from '@zgd/shared-types';
import { ApiError, ClientErrorCode } from '../../services/api-error';
import { API_BASE, apiGet, apiPost, authHeader, errorFrom } from '../../services/http-client';

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
  let response: Taro.uploadFile.SuccessCallbackResult;
  try {
    response = await Taro.uploadFile({
      url: `${API_BASE}/api/me/declaration-photos`,
      filePath,
      name: 'files',
      header: authHeader(),
    });
  } catch {
    throw new ApiError(ClientErrorCode.NETWORK, '照片上传失败，请检查网络后重试', 0);
  }
  if (response.statusCode >= 200 && response.statusCode < 300) {
    const views = (
      typeof response.data === 'string' ? JSON.parse(response.data) : response.data
    ) as DeclarationPhotoView[];
    return views[0];
  }
  throw errorFrom(response.statusCode, response.data);
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

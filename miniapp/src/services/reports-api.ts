import Taro from '@tarojs/taro';
import type {
  CaseActionAnswer,
  ReportAnswer,
  ReportAttachmentView,
  ReportBody,
  ReportRatingBody,
  ReportRatingView,
  TenantReportWithRating,
} from '@zgd/shared-types';
import { ApiError, ClientErrorCode } from './api-error';
import { API_BASE, apiGet, apiPost, authHeader, errorFrom } from './http-client';

/** Waits between attempts on a flaky network: 1 s, then 2 s, then 4 s. */
export const RETRY_DELAYS_MS = [1000, 2000, 4000] as const;

/** How a retry waits; tests replace it to run without the real delays. */
export const retryClock = {
  wait: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

/** Worth another try: the server was not reached, or failed on its side. */
export const isRetryable = (e: unknown): boolean =>
  e instanceof ApiError && (e.code === ClientErrorCode.NETWORK || e.status >= 500);

/**
 * Files a report. On a flaky network it tries again with the SAME body, idempotency key
 * included, so the server answers a retry of a report it already took with that report:
 * the user never files twice. Other failures (bad input, a key reused) are not retried.
 */
export async function submitReport(
  body: ReportBody,
  wait: (ms: number) => Promise<void> = retryClock.wait,
): Promise<ReportAnswer> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await apiPost<ReportAnswer>('/reports', body);
    } catch (e) {
      if (!isRetryable(e) || attempt >= RETRY_DELAYS_MS.length) throw e;
      await wait(RETRY_DELAYS_MS[attempt]);
    }
  }
}

/** Uploads one photo to a report (the server judges it by its bytes: JPEG, PNG, WebP). */
export async function uploadPhoto(
  reportId: string,
  filePath: string,
): Promise<ReportAttachmentView[]> {
  let response: Taro.uploadFile.SuccessCallbackResult;
  try {
    response = await Taro.uploadFile({
      url: `${API_BASE}/api/reports/${encodeURIComponent(reportId)}/attachments`,
      filePath,
      name: 'file',
      header: authHeader(),
    });
  } catch {
    throw new ApiError(ClientErrorCode.NETWORK, '照片上传失败，请检查网络后重试', 0);
  }
  if (response.statusCode >= 200 && response.statusCode < 300) {
    return (
      typeof response.data === 'string' ? JSON.parse(response.data) : response.data
    ) as ReportAttachmentView[];
  }
  throw errorFrom(response.statusCode, response.data);
}

export const fetchMyReports = () => apiGet<TenantReportWithRating[]>('/me/reports');

/** The tenant confirms it received the refund the case ordered (a step of the case). */
export const confirmRefund = (caseId: string, tenantId: string) =>
  apiPost<CaseActionAnswer>(`/cases/${encodeURIComponent(caseId)}/actions`, {
    action: 'confirm_refund',
    tenantId,
  });

export const rateHandling = (reportId: string, body: ReportRatingBody) =>
  apiPost<ReportRatingView>(`/me/reports/${encodeURIComponent(reportId)}/rating`, body);

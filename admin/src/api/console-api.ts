import type {
  AuditChainView,
  AuditLogPage,
  AuditLogQuery,
  CaseActionAnswer,
  CreditAssessmentView,
  DashboardList,
  DashboardQuery,
  DashboardView,
  EntityCaseView,
  EntityPortalView,
  EntityProfileView,
  EntityWarningsView,
  EntitySearchPage,
  ProviderDeliveryView,
  RefundProofView,
} from '@zgd/shared-types';
import { apiErrorFrom, networkError } from '@zgd/shared-types';
import { apiGet, apiPost, queryString, type RequestOptions } from './http-client';
import { currentSession, endSession } from './session';

type Query<T> = { [K in keyof T]?: T[K] };

export const searchEntities = (
  query: { q?: string; district?: string; after?: string; limit?: number },
  options?: RequestOptions,
) => apiGet<EntitySearchPage>(`/charging-entities${queryString(query)}`, options);

export const fetchEntityProfile = (id: string, options?: RequestOptions) =>
  apiGet<EntityProfileView>(`/charging-entities/${encodeURIComponent(id)}`, options);

export const fetchDashboard = (query: Query<DashboardQuery>, options?: RequestOptions) =>
  apiGet<DashboardView>(`/dashboard${queryString(query)}`, options);

export const fetchAuditLog = (query: Query<AuditLogQuery>, options?: RequestOptions) =>
  apiGet<AuditLogPage>(`/audit-logs${queryString(query)}`, options);

export const fetchAuditVerification = (options?: RequestOptions) =>
  apiGet<AuditChainView>('/audit-logs/verification', options);

export const fetchEntityOverview = (options?: RequestOptions) =>
  apiGet<EntityPortalView>('/entity/overview', options);

export const fetchEntityCases = (options?: RequestOptions) =>
  apiGet<EntityCaseView[]>('/entity/cases', options);

/** The entity's own correction before 立案: what it refunded of its own accord, in 元. */
export const recordCorrection = (caseId: string, refunded: string) =>
  apiPost<CaseActionAnswer>(`/cases/${encodeURIComponent(caseId)}/actions`, {
    action: 'record_correction',
    refunded,
  });

/** An upload followed by whoever made it: the job, then the batch with every error. */
export const fetchDelivery = (jobId: string, options?: RequestOptions) =>
  apiGet<ProviderDeliveryView>(`/imports/deliveries/${encodeURIComponent(jobId)}`, options);

/**
 * Downloads one dashboard list as .xlsx and hands it to the browser as a file. Errors come back
 * as JSON like every other call and are thrown as ApiError.
 */
export async function downloadDashboardList(
  list: DashboardList,
  query: Query<DashboardQuery>,
): Promise<void> {
  const token = currentSession()?.token;
  let response: Response;
  try {
    response = await fetch(`/api/dashboard/export${queryString({ list, ...query })}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      credentials: 'same-origin',
    });
  } catch {
    throw networkError();
  }
  if (response.status === 401 && token) endSession('expired');
  if (!response.ok) throw apiErrorFrom(response.status, await response.json().catch(() => null));
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(response.headers.get('content-disposition')) ?? `${list}.xlsx`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The UTF-8 file name of a Content-Disposition header (`filename*=UTF-8''…`). */
export function fileName(header: string | null): string | null {
  const match = header?.match(/filename\*=UTF-8''([^;]+)/i);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** From the supervision module (issue 7), for staff: warning levels by month, and the trend. */
export const fetchEntityWarnings = (entityId: string, options?: RequestOptions) =>
  apiGet<EntityWarningsView>(`/supervision/warnings/${encodeURIComponent(entityId)}`, options);

/** Internal credit classes of an entity, newest first (staff only, never published). */
export const fetchEntityCredit = (entityId: string, options?: RequestOptions) =>
  apiGet<CreditAssessmentView[]>(`/supervision/credit/${encodeURIComponent(entityId)}`, options);

/** Proof of refunds (photos or PDF) for an own case; answers the case's whole list. */
export function uploadRefundProofs(caseId: string, files: readonly File[]) {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return apiPost<RefundProofView[]>(`/entity/refund-proofs/${encodeURIComponent(caseId)}`, form);
}

export const fetchRefundProofs = (caseId: string, options?: RequestOptions) =>
  apiGet<RefundProofView[]>(`/refund-proofs/${encodeURIComponent(caseId)}`, options);

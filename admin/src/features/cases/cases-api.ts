import type {
  CaseActionAnswer,
  CaseActionBody,
  CaseAssigneeView,
  CaseBulkAssignAnswer,
  CaseDetailView,
  CaseDocumentKind,
  CaseQueuePage,
  CaseWorkbenchView,
  CreditAssessmentView,
  EntityProfileView,
  RefundProofView,
} from '@zgd/shared-types';
import { ApiError, ClientErrorCode } from '../../api/api-error';
import { apiGet, apiPost, queryString, type RequestOptions } from '../../api/http-client';
import { currentSession } from '../../api/session';

/** The queue's filters as the URL and the API spell them. */
export interface QueueFilters {
  status?: string;
  due?: 'overdue' | 'soon' | 'all';
  entityId?: string;
  amountMin?: string;
  amountMax?: string;
  district?: string;
}

export const QUEUE_PAGE_SIZE = 20;

export const fetchQueue = (
  filters: QueueFilters,
  cursor: string | null,
  options?: RequestOptions,
) =>
  apiGet<CaseQueuePage>(
    `/cases${queryString({
      status: filters.status,
      due: filters.due === 'all' ? undefined : filters.due,
      entityId: filters.entityId,
      amountMin: filters.amountMin,
      amountMax: filters.amountMax,
      district: filters.district,
      limit: QUEUE_PAGE_SIZE,
      cursor: cursor ?? undefined,
    })}`,
    options,
  );

export const fetchAssignees = (district: string | undefined, options?: RequestOptions) =>
  apiGet<CaseAssigneeView[]>(`/cases/assignees${queryString({ district })}`, options);

export const assignCases = (caseIds: string[], assigneeId: number) =>
  apiPost<CaseBulkAssignAnswer>('/cases/assign', { caseIds, assigneeId });

export const fetchCase = (id: string, options?: RequestOptions) =>
  apiGet<CaseDetailView>(`/cases/${encodeURIComponent(id)}`, options);

export const fetchWorkbench = (id: string, options?: RequestOptions) =>
  apiGet<CaseWorkbenchView>(`/cases/${encodeURIComponent(id)}/workbench`, options);

export const actOnCase = (id: string, body: CaseActionBody) =>
  apiPost<CaseActionAnswer>(`/cases/${encodeURIComponent(id)}/actions`, body);

/** A raw answer (evidence bytes, a document) with the session's bearer token. */
async function fetchRaw(path: string): Promise<Response> {
  const token = currentSession()?.token;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(ClientErrorCode.NETWORK, '无法连接服务器，请检查网络后重试', 0);
  }
  if (response.ok) return response;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = (await response.json()) as { code?: string; message?: string };
    if (body.code && body.message) throw new ApiError(body.code, body.message, response.status);
  }
  throw new ApiError(
    ClientErrorCode.UNEXPECTED_RESPONSE,
    `服务器返回了无法识别的响应（HTTP ${response.status}），请稍后重试`,
    response.status,
  );
}

/** The frozen evidence of a report, byte for byte as stored (its hash is over these bytes). */
export async function fetchEvidence(caseId: string, reportId: string): Promise<ArrayBuffer> {
  const response = await fetchRaw(
    `/cases/${encodeURIComponent(caseId)}/reports/${encodeURIComponent(reportId)}/evidence`,
  );
  return response.arrayBuffer();
}

/** A printable document's HTML. */
export async function fetchDocument(caseId: string, kind: CaseDocumentKind): Promise<string> {
  const response = await fetchRaw(`/cases/${encodeURIComponent(caseId)}/documents/${kind}`);
  return response.text();
}

/** The entity's profile (console) and its credit classes, newest first (supervision). */
export const fetchEntityProfile = (entityId: string, options?: RequestOptions) =>
  apiGet<EntityProfileView>(`/charging-entities/${encodeURIComponent(entityId)}`, options);

export const fetchCreditHistory = (entityId: string, options?: RequestOptions) =>
  apiGet<CreditAssessmentView[]>(`/supervision/credit/${encodeURIComponent(entityId)}`, options);

/** The refund proofs the entity handed in for a case (console). */
export const fetchRefundProofs = (caseId: string, options?: RequestOptions) =>
  apiGet<RefundProofView[]>(`/refund-proofs/${encodeURIComponent(caseId)}`, options);

/** One refund proof's stored bytes, typed by the server (each read is audited). */
export async function fetchRefundProofFile(caseId: string, proofId: string): Promise<Blob> {
  const response = await fetchRaw(
    `/refund-proofs/${encodeURIComponent(caseId)}/${encodeURIComponent(proofId)}/file`,
  );
  return response.blob();
}

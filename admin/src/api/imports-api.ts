import type { DeliveryReceipt, ImportBatchView, JobView } from '@zgd/shared-types';
import { apiGet, apiPost, queryString, type RequestOptions } from './http-client';

/** Posts the files as one batch (`files` fields of one multipart body). */
export function uploadBatch(files: readonly File[], options?: RequestOptions) {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return apiPost<DeliveryReceipt>('/imports', form, options);
}

export const fetchBatch = (id: string, options?: RequestOptions) =>
  apiGet<ImportBatchView>(`/imports/${encodeURIComponent(id)}`, options);

export const fetchBatches = (limit: number, options?: RequestOptions) =>
  apiGet<ImportBatchView[]>(`/imports${queryString({ limit })}`, options);

export const fetchJob = (id: string, options?: RequestOptions) =>
  apiGet<JobView>(`/jobs/${encodeURIComponent(id)}`, options);

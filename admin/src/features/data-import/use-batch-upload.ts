import type { ImportBatchView, ImportStatus, JobView } from '@zgd/shared-types';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api/api-error';
import { fetchDelivery } from '../../api/console-api';
import { fetchBatch, fetchJob, uploadBatch } from '../../api/imports-api';

/** How often a queued import is asked about; small batches finish within one or two. */
export const POLL_INTERVAL_MS = 700;

export type UploadState =
  | { kind: 'idle' }
  | { kind: 'uploading' }
  | { kind: 'processing'; job: Pick<JobView, 'status' | 'progress'> }
  /** `known`: the same content was delivered before; this is its first result. */
  | { kind: 'finished'; batch: ImportBatchView; known: boolean }
  /** The files were refused outright (HTTP 400 naming each unusable file) or the call failed. */
  | { kind: 'refused'; error: ApiError }
  | { kind: 'failed'; message: string };

/**
 * Uploads files as one batch, follows its job to the end and loads the batch it produced.
 * `canReadBatches` is false for users the API does not show batches to (charging entities):
 * they follow their own upload as a delivery, which ends with the batch and its errors.
 */
export function useBatchUpload(canReadBatches: boolean) {
  const [state, setState] = useState<UploadState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (files: readonly File[]) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      followUpload(files, canReadBatches, current.signal, setState).catch((error: unknown) => {
        if (current.signal.aborted) return;
        setState(
          error instanceof ApiError
            ? { kind: 'refused', error }
            : { kind: 'failed', message: errorMessage(error) },
        );
      });
    },
    [canReadBatches],
  );

  const reset = useCallback(() => {
    controller.current?.abort();
    setState({ kind: 'idle' });
  }, []);

  return { state, start, reset };
}

async function followUpload(
  files: readonly File[],
  canReadBatches: boolean,
  signal: AbortSignal,
  report: (state: UploadState) => void,
): Promise<void> {
  report({ kind: 'uploading' });
  const receipt = await uploadBatch(files, { signal });
  if (receipt.state === 'known') {
    report({ kind: 'finished', batch: receipt.batch, known: true });
    return;
  }

  if (!canReadBatches) return followDelivery(receipt.jobId, signal, report);

  let job = await fetchJob(receipt.jobId, { signal });
  while (job.status === 'queued' || job.status === 'running') {
    report({ kind: 'processing', job });
    await sleep(POLL_INTERVAL_MS, signal);
    job = await fetchJob(receipt.jobId, { signal });
  }
  if (job.status === 'failed') {
    report({ kind: 'failed', message: job.error?.message ?? '导入任务失败，请稍后重试' });
    return;
  }

  const outcome = importOutcome(job.result);
  if (!outcome) {
    report({ kind: 'failed', message: '导入任务已结束，但未返回批次编号，请在导入记录中查看' });
  } else {
    report({
      kind: 'finished',
      batch: await fetchBatch(outcome.batchId, { signal }),
      known: false,
    });
  }
}

/** An own upload followed as a delivery: the job's state, then the batch with every error. */
async function followDelivery(
  jobId: string,
  signal: AbortSignal,
  report: (state: UploadState) => void,
): Promise<void> {
  let delivery = await fetchDelivery(jobId, { signal });
  while (delivery.status === 'queued' || delivery.status === 'running') {
    report({ kind: 'processing', job: delivery });
    await sleep(POLL_INTERVAL_MS, signal);
    delivery = await fetchDelivery(jobId, { signal });
  }
  if (delivery.status === 'failed' || !delivery.batch) {
    report({ kind: 'failed', message: delivery.error?.message ?? '导入任务失败，请稍后重试' });
    return;
  }
  report({ kind: 'finished', batch: delivery.batch, known: false });
}

/** An import job's result: `{ batchId, status, runJobId }`. */
function importOutcome(
  result: JobView['result'],
): { batchId: string; status: ImportStatus } | null {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return null;
  const { batchId, status } = result;
  if (typeof batchId !== 'string' || typeof status !== 'string') return null;
  return { batchId, status: status as ImportStatus };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

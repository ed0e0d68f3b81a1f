import { ErrorCode, JobErrorCode, type JobError } from '@zgd/shared-types';
import { AppError } from '../errors/app-error';

export const jobNotFound = () => new AppError(JobErrorCode.NOT_FOUND, '任务不存在');

export const jobWaitTimeout = () =>
  new AppError(JobErrorCode.WAIT_TIMEOUT, '等待任务完成超时，任务仍在后台进行');

export const unknownJobKind = (kind: string) =>
  new AppError(JobErrorCode.UNKNOWN_KIND, `未知的任务类型：${kind}`);

export const JOB_ABANDONED: JobError = {
  code: JobErrorCode.ABANDONED,
  message: '任务多次中断，已停止重试，请重新提交',
};

const INTERNAL: JobError = {
  code: ErrorCode.INTERNAL,
  message: '任务执行失败，请稍后重试或联系管理员',
};

/** What a job records about a failure: an AppError as it is, anything else as INTERNAL. */
export function toJobError(e: unknown): JobError {
  return e instanceof AppError ? { code: e.code, message: e.message } : INTERNAL;
}

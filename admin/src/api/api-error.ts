import { ApiError } from '@zgd/shared-types';

export { ApiError, ClientErrorCode } from '@zgd/shared-types';

/** The message to show for anything thrown by an API call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '发生未知错误，请稍后重试';
}

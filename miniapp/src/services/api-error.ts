export { ApiError, ClientErrorCode } from '@zgd/shared-types';

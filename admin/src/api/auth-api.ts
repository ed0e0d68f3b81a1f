import type { LoginRequest, LoginResponse } from '@zgd/shared-types';
import { apiPost, type RequestOptions } from './http-client';

export const login = (body: LoginRequest) => apiPost<LoginResponse>('/auth/login', body);

/** Ends the session of the token sent (the stored one unless another is given). Answers 204. */
export const logout = (options?: RequestOptions) =>
  apiPost<void>('/auth/logout', undefined, options);

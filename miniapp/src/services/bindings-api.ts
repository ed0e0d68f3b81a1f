import type { BindingBody, BindingView, PremisesView } from '@zgd/shared-types';
import { apiDelete, apiGet, apiPost } from './http-client';

/** Premises by a scanned or typed code (charging entity's USCC or account number). */
export const premisesByCode = (code: string) =>
  apiGet<PremisesView[]>(`/premises?code=${encodeURIComponent(code.trim())}`);

/** Premises whose charging entity's name contains `name`. */
export const premisesByName = (name: string) =>
  apiGet<PremisesView[]>(`/premises?name=${encodeURIComponent(name.trim())}`);

export const fetchBindings = () => apiGet<BindingView[]>('/me/bindings');

export const bindFirm = (body: BindingBody) => apiPost<BindingView>('/me/bindings', body);

export const unbind = (id: number) => apiDelete<void>(`/me/bindings/${id}`);

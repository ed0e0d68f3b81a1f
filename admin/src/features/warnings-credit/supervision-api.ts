import type {
  BlacklistEntryView,
  BlacklistProposalBody,
  BlacklistRemovalReason,
  CreditAssessmentView,
  DrawBody,
  DrawView,
  EntityWarningsView,
  PublicSpotCheckView,
  SpotCheckResultBody,
} from '@zgd/shared-types';
import { apiGet, apiPost, queryString, type RequestOptions } from '../../api/http-client';

/** The district to read: the city names one (or none: all); district staff read their own. */
const q = (district?: string) => queryString({ district });

export const fetchWarnings = (district?: string, options?: RequestOptions) =>
  apiGet<EntityWarningsView[]>(`/supervision/warnings${q(district)}`, options);

export const fetchCreditClasses = (district?: string, options?: RequestOptions) =>
  apiGet<CreditAssessmentView[]>(`/supervision/credit${q(district)}`, options);

export const fetchCreditHistory = (entityId: string, options?: RequestOptions) =>
  apiGet<CreditAssessmentView[]>(`/supervision/credit/${entityId}`, options);

export const fetchDraws = (district?: string, options?: RequestOptions) =>
  apiGet<DrawView[]>(`/supervision/draws${q(district)}`, options);

export const createDraw = (body: DrawBody) => apiPost<DrawView>('/supervision/draws', body);

export const recordResult = (drawId: string, itemId: number, body: SpotCheckResultBody) =>
  apiPost<DrawView>(`/supervision/draws/${drawId}/items/${itemId}/result`, body);

/** 一公开: no session needed; a signed-in user's token is sent but changes nothing. */
export const fetchPublicSpotChecks = (district?: string, options?: RequestOptions) =>
  apiGet<PublicSpotCheckView[]>(`/public/spot-checks${q(district)}`, options);

export const fetchSeriousList = (district?: string, options?: RequestOptions) =>
  apiGet<BlacklistEntryView[]>(`/supervision/serious-list${q(district)}`, options);

export const proposeListing = (body: BlacklistProposalBody) =>
  apiPost<BlacklistEntryView>('/supervision/serious-list', body);

export const approveListing = (id: string) =>
  apiPost<BlacklistEntryView>(`/supervision/serious-list/${id}/approve`);

export const rejectListing = (id: string) =>
  apiPost<BlacklistEntryView>(`/supervision/serious-list/${id}/reject`);

export const removeListing = (id: string, reason: BlacklistRemovalReason) =>
  apiPost<BlacklistEntryView>(`/supervision/serious-list/${id}/remove`, { reason });

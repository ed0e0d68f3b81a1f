import { z } from 'zod';
import type { TenantReportView } from './cases';

/** POST /api/me/reports/:id/rating: how the reporter rates the handling, once, when it ended. */
export const ReportRatingBodySchema = z.object({
  stars: z.number().int().min(1, '评分为 1–5 星').max(5, '评分为 1–5 星'),
  comment: z.string().trim().max(500, '评价不能超过 500 字').default(''),
});
export type ReportRatingBody = z.infer<typeof ReportRatingBodySchema>;

export interface ReportRatingView {
  stars: number;
  comment: string;
  at: string;
}

export const ReportRatingErrorCode = {
  NOT_FOUND: 'REPORT.NOT_FOUND',
  /** The case is still being handled: rate it once it is closed or refused. */
  NOT_FINISHED: 'REPORT.CASE_NOT_CLOSED',
  ALREADY_RATED: 'REPORT.ALREADY_RATED',
} as const;

/** GET /api/me/reports: a report with the reporter's rating, if given. */
export type TenantReportWithRating = TenantReportView & { rating: ReportRatingView | null };

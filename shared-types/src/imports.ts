import { z } from 'zod';
import { ErrorDetailSchema } from './errors';
import { JobViewSchema } from './jobs';

export const ImportStatusSchema = z.enum(['queued', 'running', 'imported', 'rejected', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

const VersionCountsSchema = z.object({
  added: z.number(),
  superseding: z.number(),
  unchanged: z.number(),
});

/** What a stored batch added: new versions, corrections that supersede, and repeats. */
export const ImportSummarySchema = z.object({
  entities: z.number(),
  tariffs: z.object({ added: z.number(), unchanged: z.number() }),
  gridBills: VersionCountsSchema,
  chargeSheets: VersionCountsSchema,
  ownUse: VersionCountsSchema,
  gridLines: z.number(),
  tenantLines: z.number(),
  changedAccounts: z.array(z.string()),
  tariffPeriods: z.array(z.string()),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const ImportBatchViewSchema = z.object({
  id: z.string(),
  status: ImportStatusSchema,
  source: z.enum(['cli', 'upload', 'provider']),
  providerId: z.string().nullable(),
  files: z.array(z.object({ name: z.string(), origin: z.string(), bytes: z.number() })),
  summary: ImportSummarySchema.nullable(),
  errors: z.array(ErrorDetailSchema),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportBatchView = z.infer<typeof ImportBatchViewSchema>;

/**
 * The answer to a delivery: a batch seen before answers with its first result; a new one is
 * queued and followed through `GET /api/jobs/{jobId}` (its result carries the batch id).
 */
export const DeliveryReceiptSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('known'), batch: ImportBatchViewSchema }),
  z.object({ state: z.literal('queued'), jobId: z.string() }),
]);
export type DeliveryReceipt = z.infer<typeof DeliveryReceiptSchema>;

/** What a data provider sees of one of its deliveries while it is imported and afterwards. */
export const ProviderDeliveryViewSchema = z.object({
  status: JobViewSchema.shape.status,
  progress: JobViewSchema.shape.progress,
  error: JobViewSchema.shape.error,
  batch: ImportBatchViewSchema.nullable(),
});
export type ProviderDeliveryView = z.infer<typeof ProviderDeliveryViewSchema>;

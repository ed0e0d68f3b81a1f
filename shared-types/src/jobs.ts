import { z } from 'zod';

/** A value that survives JSON.stringify → JSON.parse unchanged: what job payloads and results are. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isJsonValue);
}

// Not z.json(): its recursive JSON Schema is a $ref that an OpenAPI document cannot resolve.
export const JsonValueSchema = z.custom<JsonValue>(isJsonValue, {
  message: 'must be a JSON value',
});

export const JobStatusSchema = z.enum(['queued', 'running', 'done', 'failed']);
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const JobProgressSchema = z.object({
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;

export const JobErrorSchema = z.object({ code: z.string(), message: z.string() });
export type JobError = z.infer<typeof JobErrorSchema>;

/** A background job (an import, a reconciliation run) as `GET /api/jobs/:id` reports it. */
export const JobViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: JobStatusSchema,
  /** The last progress the handler reported; null until it reports any. */
  progress: JobProgressSchema.nullable(),
  /** What the handler returned, once status is `done`. */
  result: JsonValueSchema.nullable(),
  /** Why the job failed, once status is `failed`: a stable code and a Chinese message. */
  error: JobErrorSchema.nullable(),
  /** How many times a worker started it; more than one after a crash interrupted it. */
  attempts: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type JobView = z.infer<typeof JobViewSchema>;

/** Codes a job's `error` or the jobs API may carry, besides a handler's own `AppError` codes. */
export const JobErrorCode = {
  /** No job has that id. */
  NOT_FOUND: 'JOB.NOT_FOUND',
  /** The job was interrupted (its worker stopped or crashed) too many times and was given up. */
  ABANDONED: 'JOB.ABANDONED',
  /** No handler is registered for the job's kind. */
  UNKNOWN_KIND: 'JOB.UNKNOWN_KIND',
  /** A caller stopped waiting before the job finished; the job itself goes on. */
  WAIT_TIMEOUT: 'JOB.WAIT_TIMEOUT',
} as const;
export type JobErrorCode = (typeof JobErrorCode)[keyof typeof JobErrorCode];

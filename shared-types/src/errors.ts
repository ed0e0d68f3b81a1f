import { z } from 'zod';

/**
 * Every failure the API reports has a stable code. The backend maps each code to an HTTP
 * status in one place; clients branch on `code` and show `message` (Simplified Chinese).
 */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Where a piece of bad input was: a field path for JSON, or file/line/column for batches. */
export const ErrorDetailSchema = z.object({
  code: z.string(),
  message: z.string(),
  path: z.string().optional(),
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.string().optional(),
  value: z.string().optional(),
});
export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;

export const ErrorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(ErrorDetailSchema).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

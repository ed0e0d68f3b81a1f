import { z } from 'zod';

export const DatabaseTypeSchema = z.enum(['sqlite', 'mysql']);
export type DatabaseType = z.infer<typeof DatabaseTypeSchema>;

export const HealthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ type: DatabaseTypeSchema, ok: z.boolean() }),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

import { z } from 'zod';

export const TariffViewSchema = z.object({
  id: z.number(),
  userClass: z.string(),
  voltage: z.string(),
  pricing: z.string(),
  tou: z.string(),
  /** 元/kWh, 5 decimals. */
  unitPrice: z.string(),
  effectiveFrom: z.string(),
  /** Exclusive; null = until a newer row takes over. */
  effectiveTo: z.string().nullable(),
});
export type TariffView = z.infer<typeof TariffViewSchema>;

export const TariffQuerySchema = z.object({
  userClass: z
    .enum(['general_commercial', 'large_industrial', 'residential', 'agricultural'])
    .optional(),
  voltage: z.enum(['lt_1kv', 'kv_1_10', 'kv_35', 'kv_110', 'kv_220_plus']).optional(),
  pricing: z.enum(['single', 'two_part']).optional(),
  /** YYYY-MM: the rows in force on the first day of that month. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
    .optional(),
});
export type TariffQuery = z.infer<typeof TariffQuerySchema>;

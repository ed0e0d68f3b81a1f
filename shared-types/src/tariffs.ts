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

export const USER_CLASS_LABELS: Record<string, string> = {
  general_commercial: '一般工商业',
  large_industrial: '大工业',
  residential: '居民',
  agricultural: '农业',
};
export const VOLTAGE_LABELS: Record<string, string> = {
  lt_1kv: '不满1千伏',
  kv_1_10: '1-10千伏',
  kv_35: '35千伏',
  kv_110: '110千伏',
  kv_220_plus: '220千伏及以上',
};
export const PRICING_LABELS: Record<string, string> = { single: '单一制', two_part: '两部制' };

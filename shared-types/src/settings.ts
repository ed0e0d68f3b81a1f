import { z } from 'zod';

/**
 * Settings the city's administrator changes in the console (GET /api/settings, PUT
 * /api/settings/:key). Values travel in the unit people read: money in 元 with at most two
 * decimals, ratios in percent, counts and months as whole numbers; the server converts them
 * exactly to what it stores (fen, fractions).
 */

export const SettingKindSchema = z.enum(['money', 'ratio', 'count', 'months']);
export type SettingKind = z.infer<typeof SettingKindSchema>;

export const SETTING_KIND_UNITS: Readonly<Record<SettingKind, string>> = {
  money: '元',
  ratio: '%',
  count: '人',
  months: '个月',
};

export interface SettingView {
  key: string;
  kind: SettingKind;
  /** What the setting is about, e.g. 双随机抽查. */
  group: string;
  label: string;
  /** What the value changes, and where the default comes from. */
  description: string;
  /** In the unit of its kind: "500.00", "60", "3". */
  value: string;
  defaultValue: string;
  /** False when the stored value cannot be read (changed by hand): the page shows it raw. */
  valid: boolean;
  /** When it was last changed; null while the default applies. */
  updatedAt: string | null;
}

/** PUT /api/settings/:key */
export const SettingUpdateBodySchema = z.object({
  value: z.string({ error: '请填写设置值' }).trim().min(1, '请填写设置值').max(30, '设置值过长'),
});
export type SettingUpdateBody = z.infer<typeof SettingUpdateBodySchema>;

export const SettingsErrorCode = {
  UNKNOWN_KEY: 'SETTING.NOT_FOUND',
  INVALID_VALUE: 'SETTING.INVALID_VALUE',
} as const;

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppSetting } from '../../database/app-setting.entity';

/** Settings an administrator changes without a release; each has a default in code. */
export const SETTING_DEFAULTS = {
  /** Share of G that line loss passed on may reach (spec §3; Shanghai publishes no number). */
  'reconciliation.loss_cap': '0.10',
  /** A refund of at least this many fen makes a month red. */
  'verdict.red_refund_fen': '1000',
  /** Supervision (docs/supervision.md): an entity's month is red from this refund owed, in fen. */
  'warning.red_refund_fen': '50000',
  /** … or when at least this many tenants are owed or named in a finding. */
  'warning.red_tenant_count': '3',
  /** 双随机 sampling ratio of each credit class (国市监信发〔2022〕6号 ranges; ours). */
  'draw.ratio.A': '0.05',
  'draw.ratio.B': '0.20',
  'draw.ratio.C': '0.60',
  'draw.ratio.D': '1',
  /** A fine from this many fen is a heavy (较重) penalty that allows a 列严 proposal. */
  'serious_list.heavy_fine_fen': '10000000',
  /** How long a listing lasts, and after how long credit repair may take it off. */
  'serious_list.period_months': '36',
  'serious_list.repair_after_months': '6',
} as const;
export type SettingKey = keyof typeof SETTING_DEFAULTS;

@Injectable()
export class SettingsService {
  constructor(private readonly ds: DataSource) {}

  async get(key: SettingKey): Promise<string> {
    const row = await this.ds.getRepository(AppSetting).findOneBy({ key });
    return row?.value ?? SETTING_DEFAULTS[key];
  }

  async set(key: SettingKey, value: string): Promise<void> {
    await this.ds
      .getRepository(AppSetting)
      .save({ key, value, updatedAt: new Date().toISOString() });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppSetting } from '../../database/app-setting.entity';

/** Settings an administrator changes without a release; each has a default in code. */
export const SETTING_DEFAULTS = {
  /** Share of G that line loss passed on may reach (spec §3; Shanghai publishes no number). */
  'reconciliation.loss_cap': '0.10',
  /** A refund of at least this many fen makes a month red. */
  'verdict.red_refund_fen': '1000',
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

import { Injectable } from '@nestjs/common';
import { SettingsErrorCode, type SettingView } from '@zgd/shared-types';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { AppSetting } from '../../database/app-setting.entity';
import { AuditService } from '../audit';
import type { Principal } from '../auth';
import {
  conflictWithOthers,
  displayValue,
  parseSettingInput,
  SETTING_DEFINITIONS,
} from './domain/setting-rules';

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

const invalid = (message: string) =>
  new AppError(SettingsErrorCode.INVALID_VALUE, message, [
    { code: SettingsErrorCode.INVALID_VALUE, message, path: 'body.value' },
  ]);

const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(SETTING_DEFAULTS, key);

@Injectable()
export class SettingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(key: SettingKey): Promise<string> {
    const row = await this.ds.getRepository(AppSetting).findOneBy({ key });
    return row?.value ?? SETTING_DEFAULTS[key];
  }

  /** Stores a value as the code reads it, unchecked and unaudited: for seeds and tests. */
  async set(key: SettingKey, value: string, m?: EntityManager): Promise<void> {
    await (m ?? this.ds.manager)
      .getRepository(AppSetting)
      .save({ key, value, updatedAt: new Date().toISOString() });
  }

  /** Every setting with its description, in the unit people read. */
  async list(): Promise<SettingView[]> {
    const rows = await this.ds.getRepository(AppSetting).find();
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return (Object.keys(SETTING_DEFINITIONS) as SettingKey[]).map((key) =>
      this.view(key, byKey.get(key) ?? null),
    );
  }

  /**
   * The city's administrator changes one setting: checked by its rules, stored as the code
   * reads it, and audited with the old and the new value in one transaction.
   */
  async update(p: Principal, key: string, input: string): Promise<SettingView> {
    if (!isSettingKey(key))
      throw new AppError(SettingsErrorCode.UNKNOWN_KEY, `没有名为 ${key} 的设置项`);
    const parsed = parseSettingInput(key, SETTING_DEFINITIONS[key], input);
    if (!parsed.ok) throw invalid(parsed.message);
    const now = new Date();
    const saved = await this.audit.transaction(async (m) => {
      const repo = m.getRepository(AppSetting);
      const stored = new Map((await repo.find()).map((r) => [r.key, r.value]));
      const conflict = conflictWithOthers(
        key,
        parsed.stored,
        (k) => stored.get(k) ?? SETTING_DEFAULTS[k as SettingKey] ?? '',
      );
      if (conflict) throw invalid(conflict);
      const before = await repo.findOneBy({ key });
      const old = before?.value ?? SETTING_DEFAULTS[key];
      if (old === parsed.stored && before) return before;
      const row = { key, value: parsed.stored, updatedAt: now.toISOString() };
      await repo.save(row);
      await this.audit.append(
        {
          actorUserId: p.userId,
          actorRole: p.role,
          action: 'setting.changed',
          subjectType: 'app_setting',
          subjectId: key,
          details: { old, new: parsed.stored, wasDefault: before === null },
          at: now,
        },
        m,
      );
      return row;
    });
    return this.view(key, saved);
  }

  private view(key: SettingKey, row: AppSetting | null): SettingView {
    const def = SETTING_DEFINITIONS[key];
    const stored = row?.value ?? SETTING_DEFAULTS[key];
    const shown = displayValue(def, stored);
    return {
      key,
      kind: def.kind,
      group: def.group,
      label: def.label,
      description: def.description,
      value: shown ?? stored,
      defaultValue: displayValue(def, SETTING_DEFAULTS[key]) ?? SETTING_DEFAULTS[key],
      valid: shown !== null,
      updatedAt: row?.updatedAt ?? null,
    };
  }
}

import { Injectable } from '@nestjs/common';
import type { PremisesView } from '@zgd/shared-types';
import { DataSource, type EntityManager } from 'typeorm';
import { ChargingEntity } from '../imports/charging-entity.entity';
import { TenantChargeLine, TenantChargeSheet } from '../imports/tenant-charge.entity';
import { BindingAttempt, TenantBinding } from './binding.entity';
import type { ChargeLineForProof } from './domain/tenancy-proof';

const SEARCH_LIMIT = 20;

/** Bindings, failed proofs, and the premises and charges a proof reads. */
@Injectable()
export class BindingsRepository {
  constructor(private readonly ds: DataSource) {}

  private get bindings() {
    return this.ds.getRepository(TenantBinding);
  }

  bindingsOfUser(userId: number): Promise<TenantBinding[]> {
    return this.bindings.find({ where: { userId }, order: { id: 'ASC' } });
  }

  findBinding(userId: number, tenantId: string, accountNo: string) {
    return this.bindings.findOneBy({ userId, tenantId, accountNo });
  }

  async insertBinding(row: Omit<TenantBinding, 'id'>, m: EntityManager): Promise<TenantBinding> {
    return m.getRepository(TenantBinding).save(m.getRepository(TenantBinding).create(row));
  }

  /** Removes the user's binding; false when it has none of that id. */
  async deleteBinding(userId: number, id: number, m: EntityManager): Promise<boolean> {
    const r = await m.getRepository(TenantBinding).delete({ id, userId });
    return (r.affected ?? 0) > 0;
  }

  failuresOn(userId: number, day: string): Promise<number> {
    return this.ds.getRepository(BindingAttempt).countBy({ userId, day });
  }

  async recordFailure(row: Omit<BindingAttempt, 'id'>): Promise<void> {
    await this.ds.getRepository(BindingAttempt).insert(row);
  }

  /**
   * The newest version of the newest month's tenant charges of an account, with the lines a
   * proof reads; null when the entity reported none.
   */
  async latestChargeSheet(
    accountNo: string,
  ): Promise<{ sheet: TenantChargeSheet; lines: ChargeLineForProof[] } | null> {
    const sheet = await this.ds.getRepository(TenantChargeSheet).findOne({
      where: { accountNo },
      order: { period: 'DESC', version: 'DESC' },
    });
    if (!sheet) return null;
    const lines = await this.ds.getRepository(TenantChargeLine).find({
      where: { sheetId: sheet.id },
      select: { tenantId: true, item: true, kwhMilli: true },
    });
    return { sheet, lines };
  }

  /** Entities by exact 统一社会信用代码, or the entity an account number belongs to. */
  async premisesByCode(code: string): Promise<PremisesView[]> {
    const byAccount: { entity_id: string }[] = await this.ds.query(
      `SELECT entity_id FROM tenant_charge_sheet WHERE account_no = ?
       UNION SELECT entity_id FROM grid_bill WHERE account_no = ?`,
      [code, code],
    );
    const uscc = code.toUpperCase();
    const premises = await this.premisesOf([uscc, ...byAccount.map((r) => r.entity_id)]);
    const onlyAccount = byAccount.length > 0 && !premises.some((p) => p.entityId === uscc);
    return onlyAccount ? premises.filter((p) => p.accountNo === code) : premises;
  }

  /** Entities whose name contains `name`, with their accounts. */
  async premisesByName(name: string): Promise<PremisesView[]> {
    // '!' escapes the wildcards: a backslash is read differently by MySQL and SQLite.
    const escaped = name.replace(/[!%_]/g, (c) => `!${c}`);
    const entities = await this.ds
      .getRepository(ChargingEntity)
      .createQueryBuilder('e')
      .select('e.id', 'id')
      .where("e.name LIKE :pattern ESCAPE '!'", { pattern: `%${escaped}%` })
      .orderBy('e.name', 'ASC')
      .limit(SEARCH_LIMIT)
      .getRawMany<{ id: string }>();
    return this.premisesOf(entities.map((e) => e.id));
  }

  /** Every account of these entities that has tenant charges, newest month reported first. */
  private async premisesOf(entityIds: string[]): Promise<PremisesView[]> {
    const ids = [...new Set(entityIds)];
    if (!ids.length) return [];
    const marks = ids.map(() => '?').join(',');
    const rows: {
      entity_id: string;
      name: string;
      premises_address: string;
      district_code: string;
      account_no: string;
      latest: string | null;
    }[] = await this.ds.query(
      `SELECT e.id AS entity_id, e.name, e.premises_address, e.district_code,
              s.account_no, MAX(s.period) AS latest
         FROM charging_entity e
         JOIN tenant_charge_sheet s ON s.entity_id = e.id
        WHERE e.id IN (${marks})
        GROUP BY e.id, e.name, e.premises_address, e.district_code, s.account_no
        ORDER BY e.name, s.account_no`,
      ids,
    );
    return rows.slice(0, SEARCH_LIMIT * 5).map((r) => ({
      entityId: r.entity_id,
      entityName: r.name,
      premisesAddress: r.premises_address,
      districtCode: r.district_code,
      accountNo: r.account_no,
      latestPeriod: r.latest,
    }));
  }

  async entities(ids: string[]): Promise<Map<string, ChargingEntity>> {
    if (!ids.length) return new Map();
    const rows = await this.ds
      .getRepository(ChargingEntity)
      .createQueryBuilder('e')
      .where('e.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getMany();
    return new Map(rows.map((e) => [e.id, e]));
  }
}

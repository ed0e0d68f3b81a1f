import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DeclarationAnswer, TenantDeclaration, TenantDeclarationLine } from './declaration.entity';

const CHUNK = 500;
/** Attempts of an insert that collided with a concurrent declaration of the same month. */
const INSERT_ATTEMPTS = 5;

/** A unique index refused the write, or MySQL chose this transaction as a deadlock's victim. */
function isCollision(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string }; message?: string };
  const code = err?.driverError?.code ?? err?.code;
  return (
    code === 'ER_DUP_ENTRY' ||
    code === 'ER_LOCK_DEADLOCK' ||
    /UNIQUE constraint failed/i.test(err?.message ?? '')
  );
}

/** The only code of the declarations module that touches the database. */
@Injectable()
export class DeclarationsRepository {
  constructor(private readonly ds: DataSource) {}

  byKey(declarerUserId: number, idempotencyKey: string, m?: EntityManager) {
    return (m ?? this.ds.manager).findOneBy(TenantDeclaration, { declarerUserId, idempotencyKey });
  }

  byId(id: string) {
    return this.ds.manager.findOneBy(TenantDeclaration, { id });
  }

  ofTenants(tenantIds: string[]) {
    if (!tenantIds.length) return Promise.resolve([]);
    return this.ds.manager.find(TenantDeclaration, {
      where: { tenantId: In(tenantIds) },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  async linesOf(ids: string[]): Promise<Map<string, TenantDeclarationLine[]>> {
    const out = new Map<string, TenantDeclarationLine[]>(ids.map((id) => [id, []]));
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.ds.manager.find(TenantDeclarationLine, {
        where: { declarationId: In(ids.slice(i, i + CHUNK)) },
        order: { declarationId: 'ASC', seq: 'ASC' },
      });
      for (const r of rows) out.get(r.declarationId)!.push(r);
    }
    return out;
  }

  /**
   * Stores a declaration and its lines in one transaction; the tenant's earlier declarations of
   * the same month stop being current. The unique index on the current mark (migration
   * 1764461600000) refuses a second current declaration of the month: two declarations sent at
   * the same moment collide there (or, on MySQL, in a deadlock over the same index gap), and the
   * loser runs again, now seeing the winner as the one to replace. A concurrent retry of the same
   * key collides on its own unique index every time and is answered by the caller.
   */
  async insert(row: TenantDeclaration, lines: Omit<TenantDeclarationLine, 'id'>[]) {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.ds.transaction(async (m) => {
          await m.update(
            TenantDeclaration,
            {
              tenantId: row.tenantId,
              accountNo: row.accountNo,
              period: row.period,
              isCurrent: true,
            },
            { isCurrent: false },
          );
          await m.insert(TenantDeclaration, row);
          if (lines.length) await m.insert(TenantDeclarationLine, lines);
        });
        return;
      } catch (e) {
        if (attempt >= INSERT_ATTEMPTS || !isCollision(e)) throw e;
        if (await this.byKey(row.declarerUserId, row.idempotencyKey)) throw e;
      }
    }
  }

  /** Whether the entity ever reported this firm at this account. */
  async entityReported(tenantId: string, accountNo: string): Promise<boolean> {
    const rows = await this.ds.query(
      `SELECT 1 AS x FROM tenant_charge_line l JOIN tenant_charge_sheet s ON s.id = l.sheet_id
       WHERE l.tenant_id = ? AND s.account_no = ? LIMIT 1`,
      [tenantId, accountNo],
    );
    return rows.length > 0;
  }

  /** Of these accounts, those with a current declaration. */
  async declaredAccounts(accounts: string[]): Promise<string[]> {
    const found = new Set<string>();
    for (let i = 0; i < accounts.length; i += CHUNK) {
      const rows: { account_no: string }[] = await this.ds
        .createQueryBuilder(TenantDeclaration, 'd')
        .select('DISTINCT d.account_no', 'account_no')
        .where('d.account_no IN (:...part)', { part: accounts.slice(i, i + CHUNK) })
        .andWhere('d.is_current = :yes', { yes: true })
        .getRawMany();
      for (const r of rows) found.add(r.account_no);
    }
    return [...found];
  }

  currentOfAccount(accountNo: string) {
    return this.ds.manager.find(TenantDeclaration, {
      where: { accountNo, isCurrent: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Saves the judgement of several declarations together. */
  async saveJudgements(rows: TenantDeclaration[]) {
    await this.ds.transaction(async (m) => {
      for (const r of rows)
        await m.update(
          TenantDeclaration,
          { id: r.id },
          {
            status: r.status,
            entityId: r.entityId,
            judgement: r.judgement,
            mismatch: r.mismatch,
            gridBillId: r.gridBillId,
            chargeSheetId: r.chargeSheetId,
            judgedAt: r.judgedAt,
            noticedAt: r.noticedAt,
          },
        );
    });
  }

  /** The entity's months about which a current declaration differs from its report. */
  mismatchesOfEntity(entityId: string) {
    return this.ds.manager.find(TenantDeclaration, {
      where: { entityId, mismatch: true, isCurrent: true },
      order: { period: 'DESC', accountNo: 'ASC' },
    });
  }

  answersOf(entityId: string, months: { accountNo: string; period: string }[]) {
    if (!months.length) return Promise.resolve([]);
    return this.ds.manager.find(DeclarationAnswer, {
      where: months.map((x) => ({ entityId, accountNo: x.accountNo, period: x.period })),
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Stores an answer with the caller's (audited) transaction; answers its id. */
  async insertAnswer(row: Omit<DeclarationAnswer, 'id'>, m: EntityManager): Promise<number> {
    const saved = await m.save(DeclarationAnswer, m.create(DeclarationAnswer, row));
    return saved.id;
  }
}

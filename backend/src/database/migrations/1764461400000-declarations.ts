import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableIndex,
  type TableColumnOptions,
} from 'typeorm';

// Column shapes spelled out here, so this migration never changes when a shared helper does.
const str = (name: string, length: number, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
const int = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'int',
  isNullable,
});
const bigint = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'bigint',
  isNullable,
});
const datetime = (name: string, isNullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  isNullable,
});
const autoId: TableColumnOptions = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
};
const ix = (name: string, columnNames: string[], isUnique = false) =>
  new TableIndex({ name, columnNames, isUnique });

/**
 * Tenant declarations (issue 8): what a tenant says it paid for a month, kept apart from what
 * its charging entity reported; their lines as exact scaled integers; the entity's answers.
 */
export class Declarations1764461400000 implements MigrationInterface {
  name = 'Declarations1764461400000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.driver.options.type === 'mysql';
    // JSON text; MySQL's TEXT stops at 64 KB.
    const json = (name: string, isNullable = false): TableColumnOptions => ({
      name,
      type: mysql ? 'longtext' : 'text',
      isNullable,
    });
    await q.createTable(
      new Table({
        name: 'tenant_declaration',
        columns: [
          { ...str('id', 36), isPrimary: true },
          str('tenant_id', 18),
          int('declarer_user_id'),
          str('idempotency_key', 64),
          str('content_hash', 64),
          str('account_no', 32),
          str('period', 7),
          // Known once the account's grid bill is: the entity the declaration is about.
          str('entity_id', 18, true),
          json('photos'),
          { name: 'note', type: 'text' },
          // The newest declaration of a tenant's month is current; earlier ones are kept.
          { name: 'is_current', type: 'boolean' },
          str('status', 10),
          json('judgement', true),
          { name: 'mismatch', type: 'boolean', default: false },
          int('grid_bill_id', true),
          int('charge_sheet_id', true),
          datetime('created_at'),
          datetime('judged_at', true),
          // When a difference from the entity's report was first found: opens its window.
          datetime('noticed_at', true),
        ],
        indices: [
          ix('ux_tenant_declaration_idempotency', ['declarer_user_id', 'idempotency_key'], true),
          ix('ix_tenant_declaration_tenant', ['tenant_id', 'account_no', 'period']),
          ix('ix_tenant_declaration_account', ['account_no', 'period']),
          ix('ix_tenant_declaration_entity', ['entity_id', 'mismatch']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'tenant_declaration_line',
        columns: [
          autoId,
          str('declaration_id', 36),
          int('seq'),
          str('item', 16),
          str('tou', 16, true),
          bigint('kwh_milli', true),
          bigint('unit_price_e5', true),
          bigint('amount_fen'),
        ],
        indices: [ix('ix_tenant_declaration_line_declaration', ['declaration_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'declaration_answer',
        columns: [
          autoId,
          str('entity_id', 18),
          str('account_no', 32),
          str('period', 7),
          { name: 'statement', type: 'text' },
          int('user_id'),
          datetime('created_at'),
        ],
        indices: [ix('ix_declaration_answer_month', ['account_no', 'period'])],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('declaration_answer');
    await q.dropTable('tenant_declaration_line');
    await q.dropTable('tenant_declaration');
  }
}

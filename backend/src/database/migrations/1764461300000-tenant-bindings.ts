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
const id: TableColumnOptions = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
};

/**
 * Tenants' bindings of their firms to premises, failed proofs counted per day, and the
 * reporters' ratings of how their reports were handled.
 */
export class TenantBindings1764461300000 implements MigrationInterface {
  name = 'TenantBindings1764461300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'tenant_binding',
        columns: [
          id,
          { name: 'user_id', type: 'int' },
          str('tenant_id', 18),
          str('tenant_name', 100),
          str('entity_id', 18),
          str('account_no', 32),
          str('sub_meter_no', 32),
          str('proven_period', 7),
          { name: 'created_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({
            name: 'uq_tenant_binding_user_firm_account',
            columnNames: ['user_id', 'tenant_id', 'account_no'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_tenant_binding_user', columnNames: ['user_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'binding_attempt',
        columns: [
          id,
          { name: 'user_id', type: 'int' },
          str('day', 10),
          str('account_no', 32),
          { name: 'created_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({
            name: 'ix_binding_attempt_user_day',
            columnNames: ['user_id', 'day'],
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'report_rating',
        columns: [
          { ...str('report_id', 36), isPrimary: true },
          { name: 'user_id', type: 'int' },
          { name: 'stars', type: 'int' },
          str('comment', 500),
          { name: 'created_at', type: 'datetime' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('report_rating');
    await q.dropTable('binding_attempt');
    await q.dropTable('tenant_binding');
  }
}

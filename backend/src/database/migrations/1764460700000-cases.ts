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
const datetime = (name: string): TableColumnOptions => ({ name, type: 'datetime' });
const ix = (name: string, columnNames: string[], isUnique = false) =>
  new TableIndex({ name, columnNames, isUnique });

/**
 * Enforcement cases, the reports they handle and their timeline. The case's workflow model is
 * stored whole as JSON (`model`); the columns beside it are copies for queues and filters.
 */
export class Cases1764460700000 implements MigrationInterface {
  name = 'Cases1764460700000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.driver.options.type === 'mysql';
    // JSON text; MySQL's TEXT stops at 64 KB.
    const json = (name: string): TableColumnOptions => ({
      name,
      type: mysql ? 'longtext' : 'text',
    });
    await q.createTable(
      new Table({
        name: 'enforcement_case',
        columns: [
          str('id', 36),
          str('number', 40),
          str('district_code', 6),
          str('entity_id', 18),
          json('periods'),
          str('state', 24),
          str('source', 10),
          json('model'),
          datetime('received_at'),
          // Shanghai days, YYYY-MM-DD: they sort as text.
          str('filing_due', 10),
          str('decision_due', 10, true),
          int('assignee_user_id', true),
          int('version'),
          datetime('updated_at'),
        ].map((c) => (c.name === 'id' ? { ...c, isPrimary: true } : c)),
        indices: [
          ix('ux_enforcement_case_number', ['number'], true),
          ix('ix_enforcement_case_district_state', ['district_code', 'state']),
          ix('ix_enforcement_case_entity_state', ['entity_id', 'state']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_report',
        columns: [
          { ...str('id', 36), isPrimary: true },
          str('case_id', 36),
          str('tenant_id', 18),
          int('reporter_user_id'),
          { name: 'real_name', type: 'boolean' },
          str('account_no', 32),
          json('periods'),
          { name: 'description', type: 'text' },
          str('idempotency_key', 64),
          str('content_hash', 64),
          str('evidence_hash', 64),
          str('evidence_key', 200),
          datetime('created_at'),
        ],
        indices: [
          ix('ux_case_report_idempotency', ['reporter_user_id', 'idempotency_key'], true),
          ix('ix_case_report_case', ['case_id']),
          ix('ix_case_report_tenant', ['tenant_id']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_event',
        columns: [
          str('case_id', 36),
          int('seq'),
          str('action', 40),
          str('from_state', 24, true),
          str('to_state', 24),
          int('actor_user_id', true),
          str('actor_role', 20),
          json('details'),
          datetime('at'),
        ].map((c) => (c.name === 'case_id' || c.name === 'seq' ? { ...c, isPrimary: true } : c)),
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('case_event');
    await q.dropTable('case_report');
    await q.dropTable('enforcement_case');
  }
}

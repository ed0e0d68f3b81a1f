import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const INDEXES: Array<[table: string, index: TableIndex]> = [
  // The console counts accounts and tenants per entity, and lists an entity's charge sheets.
  [
    'tenant_charge_sheet',
    new TableIndex({ name: 'ix_tenant_charge_sheet_entity', columnNames: ['entity_id', 'period'] }),
  ],
  // The audit-log viewer filters by action or by who acted, newest first.
  ['audit_log', new TableIndex({ name: 'ix_audit_log_action', columnNames: ['action', 'seq'] })],
  [
    'audit_log',
    new TableIndex({ name: 'ix_audit_log_actor', columnNames: ['actor_user_id', 'seq'] }),
  ],
];

/** Indexes for the console's reads (charging entities, the audit-log viewer). */
export class ConsoleIndexes1764461100000 implements MigrationInterface {
  name = 'ConsoleIndexes1764461100000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, index] of INDEXES) await q.createIndex(table, index);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, index] of [...INDEXES].reverse()) await q.dropIndex(table, index.name!);
  }
}

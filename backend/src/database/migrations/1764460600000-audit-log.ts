import {
  MigrationInterface,
  QueryRunner,
  Table,
  TableIndex,
  type TableColumnOptions,
} from 'typeorm';

// Column shapes spelled out here, so this migration never changes when a shared helper does.
const str = (name: string, length: number): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
});
const int = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'int',
  ...extra,
});

/** The first entry's link: 64 zeros. Spelled out, as the chain's code may not change this. */
const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash-chained audit log and its one-row chain head. `seq` is assigned from the head under
 * its lock, not auto-incremented: MySQL does not give back an auto-increment value when a
 * transaction rolls back, and a gap would read as a deleted entry.
 */
export class AuditLog1764460600000 implements MigrationInterface {
  name = 'AuditLog1764460600000';

  async up(q: QueryRunner): Promise<void> {
    const mysql = q.connection.driver.options.type === 'mysql';
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          int('seq', { isPrimary: true }),
          { name: 'at', type: 'datetime' },
          int('actor_user_id', { isNullable: true }),
          str('actor_role', 20),
          str('action', 64),
          str('subject_type', 32),
          str('subject_id', 64),
          // JSON text; MySQL's TEXT stops at 64 KB.
          { name: 'details', type: mysql ? 'longtext' : 'text' },
          str('prev_hash', 64),
          str('hash', 64),
        ],
        indices: [
          new TableIndex({
            name: 'ix_audit_log_subject',
            columnNames: ['subject_type', 'subject_id'],
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_chain_head',
        columns: [int('id', { isPrimary: true }), int('last_seq'), str('last_hash', 64)],
      }),
    );
    await q.query('INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, ?)', [
      GENESIS_HASH,
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_chain_head');
    await q.dropTable('audit_log');
  }
}

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

/** The notification outbox: written with the change it reports, emptied by the worker. */
export class Notifications1764460800000 implements MigrationInterface {
  name = 'Notifications1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'notification_outbox',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'recipient_user_id', type: 'int' },
          str('wechat_openid', 64, true),
          str('template', 32),
          // A few short fields; TEXT's 64 KB on MySQL is ample.
          { name: 'data', type: 'text' },
          str('dedupe_key', 200),
          str('status', 10),
          { name: 'attempts', type: 'int', default: 0 },
          str('next_attempt_at', 30),
          str('last_error', 500, true),
          str('sent_at', 30, true),
          str('created_at', 30),
          str('claimed_by', 100, true),
          str('claimed_until', 30, true),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_notification_outbox_dedupe_key',
            columnNames: ['dedupe_key'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'IDX_notification_outbox_due',
            columnNames: ['status', 'next_attempt_at'],
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('notification_outbox');
  }
}

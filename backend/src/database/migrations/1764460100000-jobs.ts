import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class Jobs1764460100000 implements MigrationInterface {
  name = 'Jobs1764460100000';

  async up(q: QueryRunner): Promise<void> {
    // MySQL's TEXT holds only 64 KB; an import's result (its row errors) can be larger.
    // SQLite has one TEXT type of any length.
    const json = q.connection.driver.options.type === 'mysql' ? 'mediumtext' : 'text';
    await q.createTable(
      new Table({
        name: 'job',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '100' },
          { name: 'payload', type: json },
          { name: 'dedupe_key', type: 'varchar', length: '200', isNullable: true },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'progress_done', type: 'int', isNullable: true },
          { name: 'progress_total', type: 'int', isNullable: true },
          { name: 'result', type: json, isNullable: true },
          { name: 'error_code', type: 'varchar', length: '100', isNullable: true },
          { name: 'error_message', type: 'varchar', length: '1000', isNullable: true },
          { name: 'attempts', type: 'int', default: 0 },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'started_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'finished_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'locked_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'locked_until', type: 'varchar', length: '30', isNullable: true },
        ],
        indices: [
          new TableIndex({
            name: 'UQ_job_dedupe_key',
            columnNames: ['dedupe_key'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_job_status_created', columnNames: ['status', 'created_at'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('job');
  }
}

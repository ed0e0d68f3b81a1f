import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class Initial1764460000000 implements MigrationInterface {
  name = 'Initial1764460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'app_setting',
        columns: [
          { name: 'key', type: 'varchar', length: '100', isPrimary: true },
          { name: 'value', type: 'text' },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('app_setting');
  }
}

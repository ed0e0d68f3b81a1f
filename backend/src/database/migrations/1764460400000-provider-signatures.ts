import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from '../migration-columns';

export class ProviderSignatures1764460400000 implements MigrationInterface {
  name = 'ProviderSignatures1764460400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'provider_signature',
        columns: [col.key('signature', 64), col.str('provider_id', 64), col.datetime('seen_at')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('provider_signature');
  }
}

import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The case a 双随机 check's violation led to: the clue it opened in the district's queue, or the
 * open case that already covered the conduct (docs/supervision.md).
 */
export class SpotCheckClue1764461700000 implements MigrationInterface {
  name = 'SpotCheckClue1764461700000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'spot_check_item',
      new TableColumn({ name: 'case_id', type: 'varchar', length: '36', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('spot_check_item', 'case_id');
  }
}

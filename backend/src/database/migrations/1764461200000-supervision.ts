import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col, jsonText } from '../migration-columns';

const ix = (name: string, columnNames: string[], isUnique = false) =>
  new TableIndex({ name, columnNames, isUnique });

/** Credit supervision (issue 7): warning levels, credit classes, spot-check draws, 列严 list. */
export class Supervision1764461200000 implements MigrationInterface {
  name = 'Supervision1764461200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'warning_level',
        columns: [
          col.id(),
          col.int('run_id'),
          col.str('entity_id', 18),
          col.str('district_code', 6),
          col.str('period', 7),
          col.str('level', 8),
          jsonText(q, 'reasons'),
          col.bigint('refund_fen'),
          col.int('tenants_affected'),
          col.datetime('created_at'),
        ],
        indices: [
          ix('ux_warning_level_key', ['entity_id', 'period', 'run_id'], true),
          ix('ix_warning_level_district', ['district_code', 'period']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'credit_assessment',
        columns: [
          col.id(),
          col.str('entity_id', 18),
          col.str('district_code', 6),
          col.str('credit_class', 1),
          col.int('score'),
          jsonText(q, 'factors'),
          col.str('trigger', 60),
          col.datetime('computed_at'),
        ],
        indices: [
          ix('ix_credit_assessment_entity', ['entity_id', 'id']),
          ix('ix_credit_assessment_district', ['district_code']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'spot_check_draw',
        columns: [
          col.key('id', 36),
          col.str('district_code', 6),
          col.str('planned_date', 10),
          col.bigint('seed'),
          col.str('algorithm', 60),
          jsonText(q, 'ratios'),
          jsonText(q, 'population'),
          col.int('created_by'),
          col.datetime('created_at'),
          col.datetime('published_at'),
        ],
        indices: [ix('ix_spot_check_draw_district', ['district_code', 'created_at'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'spot_check_item',
        columns: [
          col.id(),
          col.str('draw_id', 36),
          col.str('entity_id', 18),
          col.str('credit_class', 1),
          col.int('inspector1_user_id'),
          col.int('inspector2_user_id'),
          col.str('outcome', 16, true),
          { name: 'note', type: 'text', isNullable: true },
          col.int('result_by', true),
          col.datetime('result_at', true),
        ],
        indices: [
          ix('ix_spot_check_item_draw', ['draw_id']),
          ix('ix_spot_check_item_entity', ['entity_id']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'serious_list_entry',
        columns: [
          col.key('id', 36),
          col.str('entity_id', 18),
          col.str('district_code', 6),
          col.str('case_id', 36),
          col.str('status', 10),
          { name: 'reason', type: 'text' },
          col.int('proposed_by'),
          col.datetime('proposed_at'),
          col.int('decided_by', true),
          col.datetime('decided_at', true),
          col.str('ends_on', 10, true),
          col.str('repair_from', 10, true),
          col.int('removed_by', true),
          col.datetime('removed_at', true),
          col.str('removal_reason', 16, true),
        ],
        indices: [
          ix('ix_serious_list_entity', ['entity_id', 'status']),
          ix('ix_serious_list_district', ['district_code', 'status']),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'serious_list_entry',
      'spot_check_item',
      'spot_check_draw',
      'credit_assessment',
      'warning_level',
    ])
      await q.dropTable(t);
  }
}

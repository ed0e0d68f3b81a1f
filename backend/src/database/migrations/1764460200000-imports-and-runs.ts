import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { col, jsonText } from '../migration-columns';

/** Import batches, the versioned inputs they carry, tariffs, and reconciliation runs. */
export class ImportsAndRuns1764460200000 implements MigrationInterface {
  name = 'ImportsAndRuns1764460200000';

  async up(q: QueryRunner): Promise<void> {
    const table = async (
      name: string,
      columns: TableColumnOptions[],
      indices: TableIndex[] = [],
    ) => {
      await q.createTable(new Table({ name, columns, indices }));
    };
    const ix = (name: string, columnNames: string[], isUnique = false) =>
      new TableIndex({ name, columnNames, isUnique });

    await table(
      'import_batch',
      [
        col.key('id', 36),
        col.char('content_hash', 64),
        col.str('source', 16),
        col.str('provider_id', 64, true),
        col.str('status', 16),
        jsonText(q, 'files'),
        col.str('raw_path', 500),
        jsonText(q, 'summary', true),
        jsonText(q, 'errors', true),
        col.str('job_id', 64, true),
        col.datetime('created_at'),
        col.datetime('finished_at', true),
      ],
      [ix('uq_import_batch_content', ['content_hash'], true)],
    );
    await table('charging_entity', [
      col.key('id', 18),
      col.str('name', 200),
      col.str('premises_address', 300),
      col.char('district_code', 6),
      col.str('batch_id', 36),
    ]);
    const versioned = [
      col.id(),
      col.str('entity_id', 18),
      col.str('account_no', 32),
      col.char('period', 7),
      col.int('version'),
      col.str('batch_id', 36),
    ];
    await table(
      'grid_bill',
      [
        ...versioned,
        col.str('user_class', 24),
        col.str('voltage', 16),
        col.str('pricing', 16),
        col.char('content_hash', 64),
      ],
      [
        ix('uq_grid_bill_version', ['account_no', 'period', 'version'], true),
        ix('ix_grid_bill_entity', ['entity_id', 'period']),
      ],
    );
    await table(
      'grid_bill_line',
      [
        col.id(),
        col.int('grid_bill_id'),
        col.str('line', 16),
        col.str('tou', 16, true),
        col.bigint('kwh_milli', true),
        col.bigint('unit_price_e5', true),
        col.bigint('amount_fen'),
        col.int('source_line'),
      ],
      [ix('ix_grid_bill_line_bill', ['grid_bill_id'])],
    );
    await table(
      'tenant_charge_sheet',
      [...versioned, col.char('content_hash', 64)],
      [ix('uq_tenant_charge_sheet_version', ['account_no', 'period', 'version'], true)],
    );
    await table(
      'tenant_charge_line',
      [
        col.id(),
        col.int('sheet_id'),
        col.str('tenant_id', 18),
        col.str('tenant_name', 200),
        col.str('item', 16),
        col.str('tou', 16, true),
        col.bigint('kwh_milli', true),
        col.bigint('unit_price_e5', true),
        col.bigint('amount_fen'),
        col.int('source_line'),
      ],
      [
        ix('ix_tenant_charge_line_sheet', ['sheet_id']),
        ix('ix_tenant_charge_line_tenant', ['tenant_id']),
      ],
    );
    await table(
      'own_use',
      [...versioned, col.bigint('kwh_milli'), col.int('source_line')],
      [ix('uq_own_use_version', ['account_no', 'period', 'version'], true)],
    );
    await table(
      'tariff',
      [
        col.id(),
        col.str('user_class', 24),
        col.str('voltage', 16),
        col.str('pricing', 16),
        col.str('tou', 16),
        col.bigint('unit_price_e5'),
        col.char('effective_from', 10),
        col.char('effective_to', 10, true),
        col.str('batch_id', 36),
      ],
      [
        ix(
          'uq_tariff_version',
          ['user_class', 'voltage', 'pricing', 'tou', 'effective_from'],
          true,
        ),
      ],
    );
    await table('reconciliation_run', [
      col.id(),
      col.str('status', 16),
      col.str('loss_cap', 16),
      col.str('trigger', 64),
      col.char('input_hash', 64, true),
      col.int('supply_months', false, 0),
      col.int('finding_count', false, 0),
      col.bigint('total_refund_fen', false, 0),
      col.str('job_id', 64, true),
      col.datetime('created_at'),
      col.datetime('finished_at', true),
    ]);
    const runKey = [
      col.int('run_id'),
      col.str('entity_id', 18),
      col.str('account_no', 32),
      col.char('period', 7),
    ];
    await table(
      'run_supply_month',
      [
        col.id(),
        ...runKey,
        col.int('grid_bill_id', true),
        col.int('charge_sheet_id', true),
        col.int('own_use_id', true),
        col.str('verdict', 8),
        col.bigint('total_refund_fen'),
        jsonText(q, 'sheet'),
      ],
      [
        ix('ix_run_supply_month_key', ['account_no', 'period', 'run_id']),
        ix('ix_run_supply_month_entity', ['entity_id', 'period']),
      ],
    );
    await table(
      'finding',
      [
        col.id(),
        ...runKey,
        col.str('type', 32),
        col.str('tenant_id', 18, true),
        col.bigint('amount_fen', true),
        col.int('grid_bill_id', true),
        col.int('charge_sheet_id', true),
        col.int('own_use_id', true),
      ],
      [ix('ix_finding_run', ['run_id']), ix('ix_finding_tenant', ['tenant_id', 'period'])],
    );
    await table(
      'refund',
      [col.id(), ...runKey, col.str('tenant_id', 18), col.bigint('amount_fen')],
      [ix('ix_refund_run', ['run_id']), ix('ix_refund_tenant', ['tenant_id', 'period'])],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'refund',
      'finding',
      'run_supply_month',
      'reconciliation_run',
      'tariff',
      'own_use',
      'tenant_charge_line',
      'tenant_charge_sheet',
      'grid_bill_line',
      'grid_bill',
      'charging_entity',
      'import_batch',
    ]) {
      await q.dropTable(t);
    }
  }
}

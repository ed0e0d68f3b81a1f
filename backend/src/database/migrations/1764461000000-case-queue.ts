import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The officers' work queue, sorted by the nearest deadline with keyset pagination.
 *
 * - `queue_due`: a generated column, the deadline that orders the queue: the filing decision
 *   (立案决定) before 立案, the case decision (处理决定) while investigating, and '9999-12-31'
 *   for states with neither (decided, refund supervision, closed, not opened). Derived by the
 *   database from the columns the case ledger already writes, so no writer has to keep it.
 *   VIRTUAL: MySQL, MariaDB, TiDB and SQLite all index a virtual column and all can add one
 *   with ALTER TABLE.
 * - `claimed_fen`: Σ of the overcharges (refunds owed) frozen in the case's reports, added
 *   by intake; the queue's amount filter.
 * - Indexes in the queue's order, per district and city-wide, ending in the primary key so a
 *   keyset (queue_due, id) is one range scan.
 */
export class CaseQueue1764461000000 implements MigrationInterface {
  name = 'CaseQueue1764461000000';

  async up(q: QueryRunner): Promise<void> {
    const due = `COALESCE(CASE WHEN state IN ('registered', 'assigned', 'verifying') THEN filing_due
      WHEN state = 'investigating' THEN decision_due END, '9999-12-31')`;
    await q.query(
      `ALTER TABLE enforcement_case ADD COLUMN queue_due VARCHAR(10) GENERATED ALWAYS AS (${due}) VIRTUAL`,
    );
    await q.query('ALTER TABLE enforcement_case ADD COLUMN claimed_fen BIGINT NOT NULL DEFAULT 0');
    await q.query(
      'CREATE INDEX ix_enforcement_case_queue ON enforcement_case (district_code, queue_due, id)',
    );
    await q.query(
      'CREATE INDEX ix_enforcement_case_queue_city ON enforcement_case (queue_due, id)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const on = q.connection.driver.options.type === 'mysql' ? ' ON enforcement_case' : '';
    await q.query(`DROP INDEX ix_enforcement_case_queue_city${on}`);
    await q.query(`DROP INDEX ix_enforcement_case_queue${on}`);
    await q.query('ALTER TABLE enforcement_case DROP COLUMN claimed_fen');
    await q.query('ALTER TABLE enforcement_case DROP COLUMN queue_due');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { WorkingCalendar, type CalendarYearData } from '../../modules/calendar';
import { SHIPPED_YEARS } from '../../modules/calendar/shipped-calendar';
import { reporterNoticeDueDay } from '../../modules/cases/case-deadline-facts';
import { caseFromJson } from '../../modules/cases/domain/case-json';

/** The queue's deadline before this migration (1764461000000), and after it. */
const BASE_DUE = `COALESCE(CASE WHEN state IN ('registered', 'assigned', 'verifying') THEN filing_due
      WHEN state = 'investigating' THEN decision_due END, '9999-12-31')`;
const QUEUE_DUE = `CASE WHEN notice_due IS NOT NULL AND notice_due < ${BASE_DUE}
      THEN notice_due ELSE ${BASE_DUE} END`;

/**
 * The work queue also orders by the reporter-notice deadline (告知: 5 working days after the
 * decision on 立案 or 不予立案, while a real-name reporter is still to be told), so a refused or
 * closed case with a reporter untold is due and overdue in the queue as on /api/cases/due.
 *
 * - `notice_due`: that day, or NULL when nobody is to be told. Working days need the holiday
 *   calendar, which SQL does not have, so the case ledger writes it with every step, like
 *   filing_due and decision_due; this migration fills it for the cases stored before.
 * - `queue_due` (still generated) becomes the nearer of notice_due and the old deadline.
 *   SQLite cannot change a generated column's expression: its indexes and the column are
 *   dropped and made again, on both engines alike.
 */
export class ReporterNoticeDue1764461500000 implements MigrationInterface {
  name = 'ReporterNoticeDue1764461500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE enforcement_case ADD COLUMN notice_due VARCHAR(10) NULL');
    await backfill(q);
    await rebuildQueueDue(q, QUEUE_DUE);
  }

  async down(q: QueryRunner): Promise<void> {
    await rebuildQueueDue(q, BASE_DUE);
    await q.query('ALTER TABLE enforcement_case DROP COLUMN notice_due');
  }
}

async function rebuildQueueDue(q: QueryRunner, expression: string): Promise<void> {
  const on = q.connection.driver.options.type === 'mysql' ? ' ON enforcement_case' : '';
  await q.query(`DROP INDEX ix_enforcement_case_queue_city${on}`);
  await q.query(`DROP INDEX ix_enforcement_case_queue${on}`);
  await q.query('ALTER TABLE enforcement_case DROP COLUMN queue_due');
  await q.query(
    `ALTER TABLE enforcement_case ADD COLUMN queue_due VARCHAR(10) GENERATED ALWAYS AS (${expression}) VIRTUAL`,
  );
  await q.query(
    'CREATE INDEX ix_enforcement_case_queue ON enforcement_case (district_code, queue_due, id)',
  );
  await q.query('CREATE INDEX ix_enforcement_case_queue_city ON enforcement_case (queue_due, id)');
}

/** notice_due of every case decided on 立案, on the stored calendar (shipped years beneath). */
async function backfill(q: QueryRunner): Promise<void> {
  const stored: { year: number | string; holidays: string; makeup_workdays: string }[] =
    await q.query('SELECT year, holidays, makeup_workdays FROM holiday_calendar_year');
  const years = new Map<number, CalendarYearData>(SHIPPED_YEARS.map((y) => [y.year, y]));
  for (const y of stored)
    years.set(Number(y.year), {
      year: Number(y.year),
      holidays: JSON.parse(y.holidays) as string[],
      makeupWorkdays: JSON.parse(y.makeup_workdays) as string[],
    });
  const calendar = new WorkingCalendar([...years.values()]);
  const rows: { id: string; model: string }[] = await q.query(
    `SELECT id, model FROM enforcement_case
      WHERE state IN ('investigating', 'decided', 'refund_supervision', 'closed', 'not_opened')`,
  );
  for (const row of rows) {
    const due = reporterNoticeDueDay(caseFromJson(row.model), calendar);
    if (due)
      await q.query('UPDATE enforcement_case SET notice_due = ? WHERE id = ?', [due, row.id]);
  }
}

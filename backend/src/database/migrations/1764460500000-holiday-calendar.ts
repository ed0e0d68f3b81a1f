import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, jsonText } from '../migration-columns';

/** The official working-day calendar: one row per year of the State Council's arrangement. */
export class HolidayCalendar1764460500000 implements MigrationInterface {
  name = 'HolidayCalendar1764460500000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'holiday_calendar_year',
        columns: [
          { name: 'year', type: 'int', isPrimary: true },
          jsonText(q, 'holidays'),
          jsonText(q, 'makeup_workdays'),
          col.str('source', 1000),
          col.str('loaded_by', 64, true),
          col.datetime('loaded_at'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('holiday_calendar_year');
  }
}

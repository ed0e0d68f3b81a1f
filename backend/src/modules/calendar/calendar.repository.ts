import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HolidayCalendarYear } from './holiday-calendar-year.entity';

@Injectable()
export class CalendarRepository {
  constructor(private readonly ds: DataSource) {}

  all(): Promise<HolidayCalendarYear[]> {
    return this.ds.getRepository(HolidayCalendarYear).find({ order: { year: 'ASC' } });
  }

  /** Loads or replaces a year. */
  async save(row: HolidayCalendarYear): Promise<HolidayCalendarYear> {
    return this.ds.getRepository(HolidayCalendarYear).save(row);
  }

  /**
   * Inserts a year unless one is stored, whoever stored it. Two instances starting together may
   * both try: the loser's duplicate key is not an error.
   */
  async insertIfAbsent(row: HolidayCalendarYear): Promise<boolean> {
    const repo = this.ds.getRepository(HolidayCalendarYear);
    if (await repo.existsBy({ year: row.year })) return false;
    try {
      await repo.insert(row);
      return true;
    } catch (e) {
      if (await repo.existsBy({ year: row.year })) return false;
      throw e;
    }
  }
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { CalendarYearBody, CalendarYearView, WorkingDaysAnswer } from '@zgd/shared-types';
import { JsonLogger } from '../../common/logging/json-logger';
import type { Principal } from '../auth';
import { CalendarRepository } from './calendar.repository';
import { WorkingCalendar } from './domain/working-calendar';
import type { HolidayCalendarYear } from './holiday-calendar-year.entity';
import { SHIPPED_YEARS } from './shipped-calendar';

/**
 * How long a cached calendar is trusted. A load on this instance refreshes it at once; another
 * instance's load is seen within this time.
 */
const CACHE_MS = 60_000;

/** The official working-day calendar: seeded from the release, loaded by administrators. */
@Injectable()
export class CalendarService implements OnModuleInit {
  private cached: { calendar: WorkingCalendar; at: number; seq: number } | null = null;
  private loading: Promise<WorkingCalendar> | null = null;
  private reads = 0;

  constructor(
    private readonly repo: CalendarRepository,
    private readonly logger: JsonLogger,
  ) {}

  /** Years shipped with the release are stored when absent; a stored year is never overwritten. */
  async onModuleInit(): Promise<void> {
    const now = new Date();
    for (const y of SHIPPED_YEARS) {
      const row = {
        year: y.year,
        holidays: [...y.holidays],
        makeupWorkdays: [...y.makeupWorkdays],
        source: y.source,
        loadedBy: null,
        loadedAt: now,
      };
      if (await this.repo.insertIfAbsent(row))
        this.logger.emit('info', { msg: 'holiday calendar year seeded', year: y.year }, 'Calendar');
    }
    await this.read();
  }

  /** The current calendar (cached). */
  async calendar(): Promise<WorkingCalendar> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.calendar;
    return this.refresh();
  }

  async listYears(): Promise<CalendarYearView[]> {
    return (await this.repo.all()).map(toView);
  }

  /** Loads or replaces a year (the body was validated against the year's rules). */
  async loadYear(year: number, body: CalendarYearBody, by: Principal): Promise<CalendarYearView> {
    const row = await this.repo.save({
      year,
      holidays: [...body.holidays].sort(),
      makeupWorkdays: [...body.makeupWorkdays].sort(),
      source: body.source,
      loadedBy: by.username,
      loadedAt: new Date(),
    });
    this.logger.emit(
      'info',
      { msg: 'holiday calendar year loaded', year, by: by.userId },
      'Calendar',
    );
    await this.read();
    return toView(row);
  }

  async addWorkingDays(from: string, days: number): Promise<WorkingDaysAnswer> {
    return { from, days, date: (await this.calendar()).addWorkingDays(from, days) };
  }

  /**
   * Reads the stored years. Readers share one read in flight; a read that started earlier never
   * replaces the calendar of one that started later (a load's own refresh wins).
   */
  private refresh(): Promise<WorkingCalendar> {
    this.loading ??= this.read().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async read(): Promise<WorkingCalendar> {
    const seq = ++this.reads;
    const calendar = new WorkingCalendar(await this.repo.all());
    if (!this.cached || seq > this.cached.seq) this.cached = { calendar, at: Date.now(), seq };
    return calendar;
  }
}

function toView(r: HolidayCalendarYear): CalendarYearView {
  return {
    year: r.year,
    holidays: r.holidays,
    makeupWorkdays: r.makeupWorkdays,
    source: r.source,
    loadedBy: r.loadedBy,
    loadedAt: r.loadedAt.toISOString(),
  };
}

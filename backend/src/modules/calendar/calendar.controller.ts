import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  calendarYearBodySchema,
  CalendarYearSchema,
  WorkingDaysQuerySchema,
  type CalendarYearView,
  type WorkingDaysAnswer,
} from '@zgd/shared-types';
import { validate } from '../../common/http/validate';
import { CurrentUser, Roles, type Principal } from '../auth';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('years')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({
    summary: 'Years of the official holiday calendar that are loaded, with their source',
  })
  years(): Promise<CalendarYearView[]> {
    return this.calendar.listYears();
  }

  @Put('years/:year')
  @Roles('city_admin')
  @ApiOperation({
    summary: "Load or replace a year from the State Council General Office's notice",
    description:
      'Body: { holidays: YYYY-MM-DD[], makeupWorkdays: YYYY-MM-DD[], source }. Dates must lie in the year, make-up working days on weekends, no date twice or in both lists. Deadlines use it at once.',
  })
  load(
    @Param('year') year: string,
    @Body() body: unknown,
    @CurrentUser() p: Principal,
  ): Promise<CalendarYearView> {
    const y = validate(CalendarYearSchema, year, 'params.year');
    return this.calendar.loadYear(y, validate(calendarYearBodySchema(y), body, 'body'), p);
  }

  @Get('working-days')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({
    summary: 'The day N working days after a day (counting starts the day after)',
    description:
      'A year that is not loaded answers 404 CALENDAR_YEAR.NOT_FOUND, never plain weekdays.',
  })
  workingDays(@Query() query: Record<string, string>): Promise<WorkingDaysAnswer> {
    const q = validate(WorkingDaysQuerySchema, query, 'query');
    return this.calendar.addWorkingDays(q.from, q.days);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { TariffQuerySchema, touSchedule, type TariffView, type TouBand } from '@zgd/shared-types';
import { z } from 'zod';
import { validate } from '../../common/http/validate';
import { Public } from '../auth';
import { TariffsService } from './tariffs.service';

/** Regulated prices are public information: anyone may read them. */
@ApiTags('tariffs')
@Controller('tariffs')
export class TariffsController {
  constructor(private readonly tariffs: TariffsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Regulated prices by class, voltage, pricing and month' })
  list(@Query() query: Record<string, string>): Promise<TariffView[]> {
    return this.tariffs.list(validate(TariffQuerySchema, query, 'query'));
  }

  @Get('tou-hours')
  @Public()
  @ApiOperation({ summary: "Shanghai's time-of-use hours for a pricing and calendar month" })
  touHours(@Query('pricing') pricing: string, @Query('month') month: string): readonly TouBand[] {
    const q = validate(
      z.object({
        pricing: z.enum(['single', 'two_part']),
        month: z.coerce.number().int().min(1).max(12),
      }),
      { pricing, month },
      'query',
    );
    return touSchedule(q.pricing, q.month);
  }
}

import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SettingUpdateBodySchema } from '@zgd/shared-types';
import { validate } from '../../common/http/validate';
import { CurrentUser, Roles, type Principal } from '../auth';
import { SettingsService } from './settings.service';

/** Thresholds and ratios: staff read them, the city's administrator changes them. */
@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @Roles('city_admin', 'district_lead', 'district_officer')
  @ApiOperation({ summary: 'Every setting with its description, in the unit people read' })
  list() {
    return this.settings.list();
  }

  @Put(':key')
  @Roles('city_admin')
  @ApiOperation({ summary: 'Change one setting (checked per key, audited with old and new)' })
  update(@CurrentUser() p: Principal, @Param('key') key: string, @Body() body: unknown) {
    return this.settings.update(p, key, validate(SettingUpdateBodySchema, body, 'body').value);
  }
}

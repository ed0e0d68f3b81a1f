import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BlacklistProposalBodySchema,
  BlacklistRemovalBodySchema,
  CreditListQuerySchema,
  DrawBodySchema,
  isValidUscc,
  SpotCheckResultBodySchema,
  WarningListQuerySchema,
} from '@zgd/shared-types';
import { z } from 'zod';
import { validate } from '../../common/http/validate';
import { CurrentUser, Public, Roles, type Principal } from '../auth';
import { CreditService } from './credit.service';
import { SeriousListService } from './serious-list.service';
import { SpotChecksService } from './spot-checks.service';
import { WarningLevelsService } from './warning-levels.service';

const Uscc = z.string().refine(isValidUscc, '不是有效的统一社会信用代码');
const Id = z.string().uuid('编号格式不正确');
const District = z
  .string()
  .regex(/^\d{6}$/, '区划代码应为 6 位数字')
  .optional();

/**
 * Credit supervision. Everything here is for regulator staff, scoped to their district, except
 * the tenant's colours: credit classes and the reasons of a level never reach a tenant or an
 * entity.
 */
@ApiTags('supervision')
@Controller()
export class SupervisionController {
  constructor(
    private readonly levels: WarningLevelsService,
    private readonly credit: CreditService,
    private readonly draws: SpotChecksService,
    private readonly list: SeriousListService,
  ) {}

  @Get('supervision/warnings')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({ summary: 'Warning levels per entity and month, with reasons and trend' })
  warnings(@CurrentUser() p: Principal, @Query() q: unknown) {
    return this.levels.list(p, validate(WarningListQuerySchema, q, 'query'));
  }

  @Get('supervision/warnings/:entityId')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({ summary: "One entity's warning levels by month, with reasons and trend" })
  warningsOf(@CurrentUser() p: Principal, @Param('entityId') entityId: string) {
    return this.levels.ofEntity(p, validate(Uscc, entityId, 'params.entityId'));
  }

  @Get('me/warning-colours')
  @Roles('tenant')
  @ApiOperation({ summary: 'The colour of each month of the entities billing the tenant' })
  colours(@CurrentUser() p: Principal) {
    return this.levels.tenantColours(p);
  }

  @Get('supervision/credit')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({ summary: 'Current credit class of each entity, with the factors behind it' })
  creditClasses(@CurrentUser() p: Principal, @Query() q: unknown) {
    return this.credit.list(p, validate(CreditListQuerySchema, q, 'query'));
  }

  @Get('supervision/credit/:entityId')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({ summary: "One entity's credit classes over time, newest first" })
  creditHistory(@CurrentUser() p: Principal, @Param('entityId') entityId: string) {
    return this.credit.history(p, validate(Uscc, entityId, 'params.entityId'));
  }

  @Post('supervision/draws')
  @Roles('city_admin', 'district_lead')
  @ApiOperation({ summary: '双随机 draw: entities by class ratio, two inspectors each; published' })
  draw(@CurrentUser() p: Principal, @Body() body: unknown) {
    return this.draws.draw(p, validate(DrawBodySchema, body, 'body'));
  }

  @Get('supervision/draws')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({ summary: 'Published draws, newest first' })
  drawList(@CurrentUser() p: Principal, @Query('district') district?: string) {
    return this.draws.list(p, validate(District, district, 'query.district'));
  }

  @Get('supervision/draws/:id')
  @Roles('city_admin', 'district_officer', 'district_lead')
  drawDetail(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.draws.get(p, validate(Id, id, 'params.id'));
  }

  @Get('public/spot-checks')
  @Public()
  @ApiOperation({ summary: '一公开: published draws and results for anyone; no credit class' })
  publicSpotChecks(@Query('district') district?: string) {
    return this.draws.published(validate(District, district, 'query.district'));
  }

  @Post('supervision/draws/:id/items/:itemId/result')
  @HttpCode(200)
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({ summary: 'The result of one check, recorded once' })
  result(
    @CurrentUser() p: Principal,
    @Param('id') id: string,
    @Param('itemId') itemId: string,
    @Body() body: unknown,
  ) {
    return this.draws.recordResult(
      p,
      validate(Id, id, 'params.id'),
      validate(z.coerce.number().int().positive(), itemId, 'params.itemId'),
      validate(SpotCheckResultBodySchema, body, 'body'),
    );
  }

  @Get('supervision/serious-list')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({ summary: '列严 entries with their history (proposed, listed, removed)' })
  seriousList(@CurrentUser() p: Principal, @Query('district') district?: string) {
    return this.list.list(p, validate(District, district, 'query.district'));
  }

  @Post('supervision/serious-list')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({ summary: 'Propose listing after a heavy penalty recorded in a case' })
  propose(@CurrentUser() p: Principal, @Body() body: unknown) {
    return this.list.propose(p, validate(BlacklistProposalBodySchema, body, 'body'));
  }

  @Post('supervision/serious-list/:id/approve')
  @HttpCode(200)
  @Roles('city_admin', 'district_lead')
  approve(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.list.approve(p, validate(Id, id, 'params.id'));
  }

  @Post('supervision/serious-list/:id/reject')
  @HttpCode(200)
  @Roles('city_admin', 'district_lead')
  reject(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.list.reject(p, validate(Id, id, 'params.id'));
  }

  @Post('supervision/serious-list/:id/remove')
  @HttpCode(200)
  @Roles('city_admin', 'district_lead')
  @ApiOperation({ summary: 'Take off the list: period ended, or credit repaired' })
  remove(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: unknown) {
    return this.list.remove(
      p,
      validate(Id, id, 'params.id'),
      validate(BlacklistRemovalBodySchema, body, 'body').reason,
    );
  }
}

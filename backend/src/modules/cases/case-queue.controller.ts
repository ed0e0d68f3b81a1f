import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CaseBulkAssignBodySchema,
  CaseQueueQuerySchema,
  type CaseAssigneeView,
  type CaseBulkAssignAnswer,
  type CaseQueuePage,
  type CaseWorkbenchView,
} from '@zgd/shared-types';
import type { Response } from 'express';
import { z } from 'zod';
import { validate } from '../../common/http/validate';
import { CurrentUser, Roles, type Principal } from '../auth';
import { CaseQueueService } from './case-queue.service';

const Id = z.string().uuid('编号格式不正确');
const District = z
  .string()
  .regex(/^\d{6}$/, '区划代码应为 6 位数字')
  .optional();

/**
 * The officers' work queue and the case page's extras. Registered before CasesController, so
 * `cases/assign` and `cases/assignees` are not taken for a case id.
 */
@ApiTags('cases')
@Controller()
export class CaseQueueController {
  constructor(private readonly queue: CaseQueueService) {}

  @Get('cases')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({
    summary:
      'The work queue, nearest deadline first, by keyset: { items, nextCursor }. Filters: status (a,b), due (overdue|soon|all), entityId, amountMin/amountMax (元), district (city only)',
  })
  list(@CurrentUser() p: Principal, @Query() query: unknown): Promise<CaseQueuePage> {
    return this.queue.page(p, validate(CaseQueueQuerySchema, query, 'query'));
  }

  @Post('cases/assign')
  @HttpCode(200)
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({ summary: 'Assigns every listed case to one officer, or none of them' })
  assign(@CurrentUser() p: Principal, @Body() body: unknown): Promise<CaseBulkAssignAnswer> {
    return this.queue.assign(p, validate(CaseBulkAssignBodySchema, body, 'body'));
  }

  @Get('cases/assignees')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({ summary: "Officers and leads a case may be given (staff: their district's)" })
  assignees(
    @CurrentUser() p: Principal,
    @Query('district') district: unknown,
  ): Promise<CaseAssigneeView[]> {
    return this.queue.assignees(p, validate(District, district, 'query.district'));
  }

  @Get('cases/:id/workbench')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({ summary: 'The steps the signed-in user may take now, reasons, documents' })
  workbench(@CurrentUser() p: Principal, @Param('id') id: string): Promise<CaseWorkbenchView> {
    return this.queue.workbench(p, validate(Id, id, 'params.id'));
  }

  @Get('cases/:id/reports/:reportId/evidence')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @Header('content-type', 'application/json; charset=utf-8')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: "A report's frozen evidence, byte for byte (audited)" })
  async evidence(
    @CurrentUser() p: Principal,
    @Param('id') id: string,
    @Param('reportId') reportId: string,
    @Res() res: Response,
  ): Promise<void> {
    const bytes = await this.queue.evidence(
      p,
      validate(Id, id, 'params.id'),
      validate(Id, reportId, 'params.reportId'),
    );
    res.end(bytes);
  }

  @Get('cases/:id/documents/:kind')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'filing-approval (立案审批表) or refund-order: print-ready HTML' })
  document(
    @CurrentUser() p: Principal,
    @Param('id') id: string,
    @Param('kind') kind: string,
  ): Promise<string> {
    return this.queue.document(p, validate(Id, id, 'params.id'), kind);
  }
}

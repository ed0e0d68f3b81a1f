import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RunView, TenantMonthSheet, TenantMonthSummary } from '@zgd/shared-types';
import { isValidUscc } from '@zgd/shared-types';
import { z } from 'zod';
import { AppError } from '../../common/errors/app-error';
import { validate } from '../../common/http/validate';
import { CurrentUser, Roles, tenantAt, type Principal } from '../auth';
import { ReconciliationService } from './reconciliation.service';
import { TenantViewService } from './tenant-view.service';

const Uscc = z.string().refine(isValidUscc, '不是有效的统一社会信用代码');
const MonthKey = z.object({
  accountNo: z.string().regex(/^[0-9A-Za-z-]{1,32}$/, '户号格式不正确'),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
});

@ApiTags('reconciliation')
@Controller()
export class ReconciliationController {
  constructor(
    private readonly runs: ReconciliationService,
    private readonly tenantView: TenantViewService,
  ) {}

  @Get('runs')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({ summary: 'Reconciliation runs, newest first' })
  listRuns(@Query('limit') limit?: string): Promise<RunView[]> {
    return this.runs.listRuns(
      validate(z.coerce.number().int().min(1).max(500).default(50), limit, 'query.limit'),
    );
  }

  @Get('runs/:id')
  @Roles('city_admin', 'district_officer', 'district_lead')
  getRun(@Param('id') id: string): Promise<RunView> {
    return this.runs.getRun(validate(z.coerce.number().int().positive(), id, 'params.id'));
  }

  @Post('runs')
  @Roles('city_admin')
  @ApiOperation({ summary: 'Reconcile every account again (e.g. after changing the loss cap)' })
  async runAll(): Promise<RunView | null> {
    const run = await this.runs.runNow('all');
    return run && this.runs.getRun(run.id);
  }

  @Get('me/months')
  @Roles('tenant')
  @ApiOperation({
    summary: "The signed-in tenant's supply months at the premises it is bound to, with verdicts",
  })
  myMonths(@CurrentUser() p: Principal): Promise<TenantMonthSummary[]> {
    return this.tenantView.myMonths(p);
  }

  @Get('me/months/:accountNo/:period')
  @Roles('tenant')
  @ApiOperation({ summary: "The formula sheet of one of the signed-in tenant's months" })
  myMonth(
    @CurrentUser() p: Principal,
    @Param() params: Record<string, string>,
  ): Promise<TenantMonthSheet> {
    const k = validate(MonthKey, params, 'params');
    const tenantId = tenantAt(p, k.accountNo);
    if (!tenantId)
      throw new AppError('TENANT_VIEW.NOT_FOUND', '您尚未绑定该户号下的企业，请先绑定后查看');
    return this.tenantView.sheet(p, tenantId, k.accountNo, k.period);
  }

  @Get('tenants/:tenantId/months')
  @Roles('city_admin', 'tenant')
  @ApiOperation({ summary: "A tenant's supply months with their verdicts" })
  months(
    @CurrentUser() p: Principal,
    @Param('tenantId') tenantId: string,
  ): Promise<TenantMonthSummary[]> {
    return this.tenantView.months(p, validate(Uscc, tenantId, 'params.tenantId'));
  }

  @Get('tenants/:tenantId/months/:accountNo/:period')
  @Roles('city_admin', 'tenant')
  @ApiOperation({ summary: "The formula sheet of one of a tenant's supply months" })
  month(
    @CurrentUser() p: Principal,
    @Param() params: Record<string, string>,
  ): Promise<TenantMonthSheet> {
    const tenantId = validate(Uscc, params.tenantId, 'params.tenantId');
    const k = validate(MonthKey, params, 'params');
    return this.tenantView.sheet(p, tenantId, k.accountNo, k.period);
  }
}

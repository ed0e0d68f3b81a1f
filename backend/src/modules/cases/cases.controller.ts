import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request } from 'express';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CaseActionBodySchema,
  ReportBodySchema,
  ReportRatingBodySchema,
  type ReportAnswer,
  type ReportAttachmentView,
  type ReportRatingView,
  type TenantReportWithRating,
} from '@zgd/shared-types';
import { z } from 'zod';
import { parseMultipart } from '../../common/http/multipart';
import { readRawBody } from '../../common/http/raw-body';
import { validate } from '../../common/http/validate';
import { CurrentUser, Roles, type Principal } from '../auth';
import { CaseParticipantsService } from './case-participants.service';
import { CaseWorkService } from './case-work.service';
import { ReportAttachmentsService } from './report-attachments.service';
import { ReportIntakeService } from './report-intake.service';
import { ReportRatingService } from './report-rating.service';

const MB = 1024 * 1024;
/** Busboy stops a file past the PDF limit; the kind's own limit is checked on its bytes. */
const ATTACHMENT_UPLOAD = { maxFileBytes: 20 * MB, maxFiles: 5, maxBodyBytes: 101 * MB };

const Id = z.string().uuid('编号格式不正确');

/** GET /api/me/reports: a page of the tenant's reports, newest first (50 unless asked). */
const MyReportsQuery = z.object({
  limit: z.coerce
    .number()
    .int('条数应为整数')
    .min(1, '条数至少为 1')
    .max(200, '每页最多 200 条')
    .default(50),
  offset: z.coerce.number().int('起始位置应为整数').min(0, '起始位置不能为负').default(0),
});

@ApiTags('cases')
@Controller()
export class CasesController {
  constructor(
    private readonly intake: ReportIntakeService,
    private readonly work: CaseWorkService,
    private readonly participants: CaseParticipantsService,
    private readonly attachments: ReportAttachmentsService,
    private readonly ratings: ReportRatingService,
  ) {}

  @Post('reports')
  @Roles('tenant')
  @ApiOperation({ summary: 'One-click report: 201 new, 200 the same report again (same key)' })
  async report(
    @CurrentUser() p: Principal,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: { status(code: number): unknown },
  ): Promise<ReportAnswer> {
    const { answer, replayed } = await this.intake.report(
      p,
      validate(ReportBodySchema, body, 'body'),
    );
    res.status(replayed ? 200 : 201);
    return answer;
  }

  @Post('reports/:id/attachments')
  @Roles('tenant')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Photos (JPEG, PNG, WebP ≤ 10 MB) and PDF (≤ 20 MB) for an own report; judged by content',
  })
  async attach(
    @CurrentUser() p: Principal,
    @Param('id') id: string,
    @Req() req: Request,
  ): Promise<ReportAttachmentView[]> {
    const reportId = validate(Id, id, 'params.id');
    const body = await readRawBody(req, ATTACHMENT_UPLOAD.maxBodyBytes);
    const { files } = await parseMultipart(body, req.headers['content-type'], ATTACHMENT_UPLOAD);
    return this.attachments.attach(p, reportId, files);
  }

  @Get('me/reports')
  @Roles('tenant')
  @ApiOperation({ summary: "The signed-in tenant's reports with their case's public steps" })
  async myReports(
    @CurrentUser() p: Principal,
    @Query() query: unknown,
  ): Promise<TenantReportWithRating[]> {
    const reports = await this.participants.tenantReports(
      p,
      validate(MyReportsQuery, query, 'query'),
    );
    const ratings = await this.ratings.ratingsOf(reports.map((r) => r.reportId));
    return reports.map((r) => ({ ...r, rating: ratings.get(r.reportId) ?? null }));
  }

  @Post('me/reports/:id/rating')
  @Roles('tenant')
  @ApiOperation({ summary: 'Rate the handling of an own report, once, after its case ended' })
  rate(
    @CurrentUser() p: Principal,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<ReportRatingView> {
    return this.ratings.rate(
      p,
      validate(Id, id, 'params.id'),
      validate(ReportRatingBodySchema, body, 'body'),
    );
  }

  @Get('entity/cases')
  @Roles('entity_user')
  @ApiOperation({ summary: "The signed-in entity's cases, without who reported" })
  entityCases(@CurrentUser() p: Principal) {
    return this.participants.entityCases(p);
  }

  // GET cases, the work queue: CaseQueueController.

  @Get('cases/due')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({ summary: 'Open cases with a deadline overdue or due soon' })
  due(@CurrentUser() p: Principal) {
    return this.work.due(p);
  }

  @Get('cases/:id')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({ summary: 'One case in full; each read of a reporter is audited' })
  detail(@CurrentUser() p: Principal, @Param('id') id: string) {
    return this.work.detail(p, validate(Id, id, 'params.id'));
  }

  @Post('cases/:id/actions')
  @HttpCode(200)
  @Roles('city_admin', 'district_officer', 'district_lead', 'entity_user', 'tenant')
  @ApiOperation({ summary: 'One step of the case workflow' })
  act(@CurrentUser() p: Principal, @Param('id') id: string, @Body() body: unknown) {
    return this.work.act(
      p,
      validate(Id, id, 'params.id'),
      validate(CaseActionBodySchema, body, 'body'),
    );
  }
}

import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  AuditLogQuerySchema,
  DashboardExportQuerySchema,
  DashboardQuerySchema,
  EntitySearchQuerySchema,
  isValidUscc,
  type AuditChainView,
  type AuditLogPage,
  type DashboardView,
  type EntityPortalView,
  type EntityProfileView,
  type EntitySearchPage,
  type RefundProofView,
} from '@zgd/shared-types';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { parseMultipart } from '../../common/http/multipart';
import { readRawBody } from '../../common/http/raw-body';
import { validate } from '../../common/http/validate';
import { CurrentUser, Roles, type Principal } from '../auth';
import { AuditLogsService } from './audit-logs.service';
import { ChargingEntitiesService } from './charging-entities.service';
import { DashboardService } from './dashboard.service';
import { EntityPortalService } from './entity-portal.service';
import { EntityRefundProofsService } from './entity-refund-proofs.service';

const Uscc = z.string().refine(isValidUscc, '不是有效的统一社会信用代码');
const CaseId = z.string().uuid('编号格式不正确');
const MB = 1024 * 1024;
/** As a report's attachments: photos up to 10 MB and PDF up to 20 MB, judged by content. */
const PROOF_UPLOAD = { maxFileBytes: 20 * MB, maxFiles: 5, maxBodyBytes: 101 * MB };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ProofId = z.string().regex(/^[0-9a-f]{16}$/, '凭证编号格式不正确');
/** The stored kinds of a proof (judged by its bytes) and how they are served. */
const PROOF_TYPES: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

@ApiTags('console')
@Controller()
export class ConsoleController {
  constructor(
    private readonly entities: ChargingEntitiesService,
    private readonly dashboard: DashboardService,
    private readonly auditLogs: AuditLogsService,
    private readonly portal: EntityPortalService,
    private readonly proofs: EntityRefundProofsService,
  ) {}

  @Get('charging-entities')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({
    summary: 'Charging entities by name, 统一社会信用代码 or account number, by id (keyset)',
    description: 'District staff search their own district only.',
  })
  search(@CurrentUser() p: Principal, @Query() query: unknown): Promise<EntitySearchPage> {
    return this.entities.search(p, validate(EntitySearchQuerySchema, query, 'query'));
  }

  @Get('charging-entities/:id')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({
    summary:
      'A charging entity: accounts, tenants, findings by month, cases (warnings and credit: /supervision)',
  })
  profile(@CurrentUser() p: Principal, @Param('id') id: string): Promise<EntityProfileView> {
    return this.entities.profile(p, validate(Uscc, id, 'params.id'));
  }

  @Get('dashboard')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({
    summary: 'Cases by district and state, overdue, money by month, entities with most findings',
  })
  view(@CurrentUser() p: Principal, @Query() query: unknown): Promise<DashboardView> {
    return this.dashboard.view(p, validate(DashboardQuerySchema, query, 'query'));
  }

  @Get('dashboard/export')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: 'One list of the dashboard as an Excel workbook (.xlsx)' })
  async export(
    @CurrentUser() p: Principal,
    @Query() query: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.dashboard.export(
      p,
      validate(DashboardExportQuerySchema, query, 'query'),
    );
    res
      .status(200)
      .type(XLSX)
      .set(
        'Content-Disposition',
        `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      )
      .send(file.data);
  }

  @Get('audit-logs')
  @Roles('city_admin')
  @ApiOperation({ summary: 'The audit log, newest first (keyset by seq), with filters' })
  auditLog(@Query() query: unknown): Promise<AuditLogPage> {
    return this.auditLogs.page(validate(AuditLogQuerySchema, query, 'query'));
  }

  @Get('audit-logs/verification')
  @Roles('city_admin')
  @ApiOperation({ summary: 'Whether the audit chain verifies, with the first broken entry' })
  verify(): Promise<AuditChainView> {
    return this.auditLogs.verification();
  }

  @Get('entity/overview')
  @Roles('entity_user')
  @ApiOperation({
    summary: "The signed-in entity's allowed prices and findings by month (no reporter, ever)",
  })
  overview(@CurrentUser() p: Principal): Promise<EntityPortalView> {
    return this.portal.overview(p);
  }

  @Post('entity/refund-proofs/:id')
  @Roles('entity_user')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Proof of refunds for an own case: in the correction window, or under supervision',
  })
  async addRefundProofs(
    @CurrentUser() p: Principal,
    @Param('id') id: string,
    @Req() req: Request,
  ): Promise<RefundProofView[]> {
    const caseId = validate(CaseId, id, 'params.id');
    const body = await readRawBody(req, PROOF_UPLOAD.maxBodyBytes);
    const { files } = await parseMultipart(body, req.headers['content-type'], PROOF_UPLOAD);
    return this.proofs.add(p, caseId, files);
  }

  @Get('refund-proofs/:id')
  @Roles('city_admin', 'district_officer', 'district_lead', 'entity_user')
  @ApiOperation({ summary: "A case's proofs of refunds: its entity, and staff of its district" })
  refundProofs(@CurrentUser() p: Principal, @Param('id') id: string): Promise<RefundProofView[]> {
    return this.proofs.listFor(p, validate(CaseId, id, 'params.id'));
  }

  @Get('refund-proofs/:id/:proofId/file')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiProduces(...Object.values(PROOF_TYPES))
  @ApiOperation({ summary: "One proof's stored bytes, for staff of the case's district (audited)" })
  async refundProofFile(
    @CurrentUser() p: Principal,
    @Param('id') id: string,
    @Param('proofId') proofId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { proof, data } = await this.proofs.file(
      p,
      validate(CaseId, id, 'params.id'),
      validate(ProofId, proofId, 'params.proofId'),
    );
    const name = proof.fileName ?? `${proof.id}.${proof.kind}`;
    res
      .status(200)
      .type(PROOF_TYPES[proof.kind] ?? 'application/octet-stream')
      .set('Cache-Control', 'no-store')
      .set('X-Content-Type-Options', 'nosniff')
      .set(
        'Content-Disposition',
        `inline; filename="${proof.id}.${proof.kind}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      )
      .send(data);
  }
}

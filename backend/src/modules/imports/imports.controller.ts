import { Controller, Get, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeliveryReceipt, ImportBatchView, ProviderDeliveryView } from '@zgd/shared-types';
import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from '../../common/errors/app-error';
import { parseMultipart } from '../../common/http/multipart';
import { readRawBody } from '../../common/http/raw-body';
import { validate } from '../../common/http/validate';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CurrentUser, Public, Roles, type Principal } from '../auth';
import { ImportsService } from './imports.service';
import { checkSignature } from './provider-signature';

/** A month's batch is a few files; a million tenant lines is about 100 MB of CSV. */
export const UPLOAD_LIMITS = {
  maxBodyBytes: 256 * 1048576,
  maxFileBytes: 200 * 1048576,
  maxFiles: 10,
};

const multipartBody = {
  schema: {
    type: 'object',
    properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } },
  },
} as const;

@ApiTags('imports')
@Controller()
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('imports')
  @Roles('city_admin', 'district_officer', 'district_lead', 'entity_user')
  @ApiOperation({
    summary: 'Upload a batch (CSV or Excel files named as in the reconciliation contract)',
    description:
      'An entity user may upload only tenant_charges and own_use rows of its own entity. A batch seen before answers with its first result; a new one is imported in the background: follow GET /api/jobs/{jobId}.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(multipartBody)
  async upload(@Req() req: Request, @CurrentUser() p: Principal): Promise<DeliveryReceipt> {
    const body = await readRawBody(req, UPLOAD_LIMITS.maxBodyBytes);
    const { files } = await parseMultipart(body, req.headers['content-type'], UPLOAD_LIMITS);
    return this.imports.receive(files, {
      source: 'upload',
      providerId: null,
      onlyEntityId: p.role === 'entity_user' ? p.entityId : null,
    });
  }

  @Get('imports/deliveries/:jobId')
  @Roles('city_admin', 'district_officer', 'district_lead', 'entity_user')
  @ApiOperation({
    summary: 'An upload followed by whoever made it: the job, then the batch with every error',
    description:
      'Charging entities see only their own uploads (they cannot read the import history).',
  })
  uploadDelivery(
    @Param('jobId') jobId: string,
    @CurrentUser() p: Principal,
  ): Promise<ProviderDeliveryView> {
    return this.imports.deliveryOf(jobId, (d) =>
      p.role === 'entity_user'
        ? d.source === 'upload' && d.onlyEntityId !== null && d.onlyEntityId === p.entityId
        : true,
    );
  }

  @Get('imports')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({ summary: 'Import history, newest first' })
  list(@Query('limit') limit?: string): Promise<ImportBatchView[]> {
    const n = validate(z.coerce.number().int().min(1).max(500).default(50), limit, 'query.limit');
    return this.imports.list(n);
  }

  @Get('imports/:id')
  @Roles('city_admin', 'district_officer', 'district_lead')
  @ApiOperation({ summary: 'One batch: what it stored, or every error by file, line and column' })
  get(@Param('id') id: string): Promise<ImportBatchView> {
    return this.imports.get(id);
  }

  @Get('provider/deliveries/:jobId')
  @Public()
  @ApiOperation({
    summary: 'A data provider follows its delivery: the job, and the batch once stored or refused',
    description:
      'Signed like a delivery, with the request path in place of the body: X-Signature = hex(HMAC-SHA256(secret, timestamp + "\\n" + hex(SHA-256(path)))), e.g. path "/api/provider/deliveries/<jobId>". A provider sees only its own deliveries.',
  })
  async delivery(
    @Req() req: Request,
    @Param('jobId') jobId: string,
  ): Promise<ProviderDeliveryView> {
    const check = checkSignature(
      {
        keyId: req.header('x-provider-key'),
        timestamp: req.header('x-timestamp'),
        signature: req.header('x-signature'),
        body: Buffer.from(req.originalUrl.split('?')[0], 'utf8'),
      },
      this.config.providerKeys,
      Date.now(),
    );
    if (!check.ok) throw new AppError(check.code, check.message);
    return this.imports.deliveryOf(
      jobId,
      (d) => d.source === 'provider' && d.providerId === check.providerId,
    );
  }

  @Post('provider/batches')
  @Public()
  @ApiOperation({
    summary: 'A data provider delivers a batch (multipart), signed with HMAC-SHA256',
    description:
      'Headers: X-Provider-Key, X-Timestamp (unix seconds, within 300 s), X-Signature = hex(HMAC-SHA256(secret, timestamp + "\\n" + hex(SHA-256(body)))). Each signature is accepted once.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(multipartBody)
  async deliver(@Req() req: Request): Promise<DeliveryReceipt> {
    const body = await readRawBody(req, UPLOAD_LIMITS.maxBodyBytes);
    const check = checkSignature(
      {
        keyId: req.header('x-provider-key'),
        timestamp: req.header('x-timestamp'),
        signature: req.header('x-signature'),
        body,
      },
      this.config.providerKeys,
      Date.now(),
    );
    if (!check.ok) throw new AppError(check.code, check.message);
    await this.imports.acceptSignatureOnce(req.header('x-signature')!, check.providerId);
    const { files } = await parseMultipart(body, req.headers['content-type'], UPLOAD_LIMITS);
    return this.imports.receive(files, {
      source: 'provider',
      providerId: check.providerId,
      onlyEntityId: null,
    });
  }
}

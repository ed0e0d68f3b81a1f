import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DeclarationAnswerBodySchema,
  DeclarationErrorCode,
  DeclarationBodySchema,
  SupplyMonthSchema,
  type DeclarationPhotoView,
  type DeclarationView,
  type EntityDeclarationNotice,
} from '@zgd/shared-types';
import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from '../../common/errors/app-error';
import { parseMultipart } from '../../common/http/multipart';
import { readRawBody } from '../../common/http/raw-body';
import { validate } from '../../common/http/validate';
import { CurrentUser, Roles, tenantIdsOf, type Principal } from '../auth';
import { DeclarationNoticesService } from './declaration-notices.service';
import { DeclarationPhotosService } from './declaration-photos.service';
import { DeclarationsService } from './declarations.service';

const MB = 1024 * 1024;
/** Busboy stops a file past the image limit; the kind's own limit is checked on its bytes. */
const PHOTO_UPLOAD = { maxFileBytes: 10 * MB + 1, maxFiles: 6, maxBodyBytes: 61 * MB };

const Id = z.string().uuid('编号格式不正确');
const AccountNo = z.string().regex(/^[0-9A-Za-z-]{1,32}$/, '户号格式不正确');

@ApiTags('declarations')
@Controller()
export class DeclarationsController {
  constructor(
    private readonly declarations: DeclarationsService,
    private readonly photos: DeclarationPhotosService,
    private readonly notices: DeclarationNoticesService,
  ) {}

  @Post('me/declaration-photos')
  @Roles('tenant')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Photos of a bill or receipt (JPEG, PNG, WebP ≤ 10 MB), judged by content',
  })
  async uploadPhotos(
    @CurrentUser() p: Principal,
    @Req() req: Request,
  ): Promise<DeclarationPhotoView[]> {
    const body = await readRawBody(req, PHOTO_UPLOAD.maxBodyBytes);
    const { files } = await parseMultipart(body, req.headers['content-type'], PHOTO_UPLOAD);
    if (!tenantIdsOf(p).length)
      throw new AppError(DeclarationErrorCode.NO_TENANT, '请先绑定您的企业后再上传照片');
    return this.photos.upload(p.userId, files);
  }

  @Post('me/declarations')
  @Roles('tenant')
  @ApiOperation({
    summary:
      'Declare what was paid for a month: 201 new, 200 the same declaration again (same key)',
  })
  async declare(
    @CurrentUser() p: Principal,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: { status(code: number): unknown },
  ): Promise<DeclarationView> {
    const { view, replayed } = await this.declarations.declare(
      p,
      validate(DeclarationBodySchema, body, 'body'),
    );
    res.status(replayed ? 200 : 201);
    return view;
  }

  @Get('me/declarations')
  @Roles('tenant')
  @ApiOperation({
    summary: "The signed-in tenant's declarations, newest first, with both verdicts",
  })
  list(@CurrentUser() p: Principal): Promise<DeclarationView[]> {
    return this.declarations.list(p);
  }

  @Get('me/declarations/:id')
  @Roles('tenant')
  @ApiOperation({ summary: 'One declaration: declared and reported verdicts side by side' })
  get(@CurrentUser() p: Principal, @Param('id') id: string): Promise<DeclarationView> {
    return this.declarations.get(p, validate(Id, id, 'params.id'));
  }

  @Get('entity/declaration-notices')
  @Roles('entity_user')
  @ApiOperation({
    summary: "Months of the entity's accounts a tenant declared differently; no identity",
  })
  entityNotices(@CurrentUser() p: Principal): Promise<EntityDeclarationNotice[]> {
    return this.notices.notices(p);
  }

  @Post('entity/declaration-notices/:accountNo/:period/answers')
  @Roles('entity_user')
  @ApiOperation({
    summary: "The entity's answer to a differing declaration, in its correction window",
  })
  answer(
    @CurrentUser() p: Principal,
    @Param('accountNo') accountNo: string,
    @Param('period') period: string,
    @Body() body: unknown,
  ): Promise<EntityDeclarationNotice> {
    return this.notices.answer(
      p,
      validate(AccountNo, accountNo, 'params.accountNo'),
      validate(SupplyMonthSchema, period, 'params.period'),
      validate(DeclarationAnswerBodySchema, body, 'body'),
    );
  }
}

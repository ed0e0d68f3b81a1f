import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BindingBodySchema,
  PremisesQuerySchema,
  type BindingView,
  type PremisesView,
} from '@zgd/shared-types';
import { z } from 'zod';
import { validate } from '../../common/http/validate';
import { CurrentUser, Roles, type Principal } from '../auth';
import { BindingsService } from './bindings.service';

const Id = z.coerce.number().int().positive('编号应为正整数');

@ApiTags('bindings')
@Controller()
@Roles('tenant')
export class BindingsController {
  constructor(private readonly bindings: BindingsService) {}

  @Get('premises')
  @ApiOperation({
    summary: 'Premises to bind: ?code= a scanned entity USCC or account number, or ?name=',
  })
  premises(@Query() query: unknown): Promise<PremisesView[]> {
    return this.bindings.premises(validate(PremisesQuerySchema, query, 'query'));
  }

  @Get('me/bindings')
  @ApiOperation({ summary: "The signed-in user's firms bound to premises" })
  list(@CurrentUser() p: Principal): Promise<BindingView[]> {
    return this.bindings.list(p);
  }

  @Post('me/bindings')
  @ApiOperation({
    summary: 'Bind a firm to premises, proven by the kWh of the latest month (5 failures a day)',
  })
  bind(@CurrentUser() p: Principal, @Body() body: unknown): Promise<BindingView> {
    return this.bindings.bind(p, validate(BindingBodySchema, body, 'body'));
  }

  @Delete('me/bindings/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unbind: the firm at those premises leaves the user’s scope' })
  unbind(@CurrentUser() p: Principal, @Param('id') id: string): Promise<void> {
    return this.bindings.unbind(p, validate(Id, id, 'params.id'));
  }
}

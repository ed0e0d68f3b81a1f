import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  type ApiResponseSchemaHost,
} from '@nestjs/swagger';
import {
  DemoLoginRequestSchema,
  LoginRequestSchema,
  LoginResponseSchema,
  MeSchema,
  WechatLoginRequestSchema,
  type LoginResponse,
  type Me,
} from '@zgd/shared-types';
import { z } from 'zod';
import { CurrentUser, Public } from './auth.decorators';
import { invalidRequest } from './auth.errors';
import { AuthService, toMe } from './auth.service';
import type { Principal } from './domain/principal';
import { bearerToken } from './session-token';

const openApi = (schema: z.ZodType) =>
  z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    unrepresentable: 'any',
  }) as ApiResponseSchemaHost['schema'];

/** The body as the shared schema defines it, or AUTH.VALIDATION_FAILED naming each bad field. */
function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  throw invalidRequest(
    parsed.error.issues.map((i) => ({ code: i.code, path: i.path.join('.'), message: i.message })),
  );
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with username and password (staff, charging entities)' })
  @ApiBody({ schema: openApi(LoginRequestSchema) })
  @ApiOkResponse({ description: 'A session token', schema: openApi(LoginResponseSchema) })
  login(@Body() body: unknown): Promise<LoginResponse> {
    const { username, password } = parse(LoginRequestSchema, body);
    return this.auth.login(username, password);
  }

  @Public()
  @Post('wechat')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in from the mini-program with a wx.login() code; a new user is a tenant',
  })
  @ApiBody({ schema: openApi(WechatLoginRequestSchema) })
  @ApiOkResponse({ description: 'A session token', schema: openApi(LoginResponseSchema) })
  wechat(@Body() body: unknown): Promise<LoginResponse> {
    return this.auth.wechatLogin(parse(WechatLoginRequestSchema, body).code);
  }

  @Public()
  @Post('demo')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in to a demo account without a password (only where DEMO_LOGIN is on)',
  })
  @ApiBody({ schema: openApi(DemoLoginRequestSchema) })
  @ApiOkResponse({ description: 'A session token', schema: openApi(LoginResponseSchema) })
  demo(@Body() body: unknown): Promise<LoginResponse> {
    return this.auth.demoLogin(parse(DemoLoginRequestSchema, body).username);
  }

  /** Public so that a client can always sign out, even with a token that already expired. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the session of the bearer token' })
  @ApiNoContentResponse({ description: 'The session is over (or was not one)' })
  async logout(@Headers('authorization') authorization?: string): Promise<void> {
    await this.auth.logout(bearerToken(authorization));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ description: 'The user of the session', schema: openApi(MeSchema) })
  me(@CurrentUser() principal: Principal): Me {
    return toMe(principal);
  }
}

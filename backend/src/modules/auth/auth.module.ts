import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { AUTH_CLOCK, systemClock } from './clock';
import { HttpWechatClient, WECHAT_CLIENT } from './wechat-client';

/** Users, sessions and logins. The app registers {@link AuthGuard} as its global guard. */
@Module({
  controllers: [AuthController],
  providers: [
    AuthRepository,
    AuthService,
    AuthGuard,
    { provide: AUTH_CLOCK, useFactory: systemClock },
    {
      provide: WECHAT_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new HttpWechatClient(c.wechat),
    },
  ],
  exports: [AuthService, AuthGuard],
})
export class AuthModule {}

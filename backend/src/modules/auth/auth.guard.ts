import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@zgd/shared-types';
import type { Request } from 'express';
import { IS_PUBLIC, PRINCIPAL, ROLES, type RequestWithPrincipal } from './auth.decorators';
import { forbidden } from './auth.errors';
import { AuthService } from './auth.service';
import { bearerToken } from './session-token';

/**
 * Default deny: every endpoint needs a live session unless it is marked @Public(), so an
 * endpoint someone forgot to think about is closed rather than open. Registered as APP_GUARD.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & RequestWithPrincipal>();
    const principal = await this.auth.authenticate(bearerToken(req.headers.authorization));
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(principal.role)) throw forbidden();
    req[PRINCIPAL] = principal;
    return true;
  }
}

import {
  applyDecorators,
  createParamDecorator,
  SetMetadata,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from '@zgd/shared-types';
import { unauthenticated } from './auth.errors';
import type { Principal } from './domain/principal';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';

/** Where the guard leaves the principal on the request. */
export const PRINCIPAL = Symbol('principal');
export type RequestWithPrincipal = { [PRINCIPAL]?: Principal };

/**
 * Open to anyone: skips the session check that every other endpoint has. The OpenAPI document
 * says so too (`x-public: true`), so clients and tests can tell which endpoints are open.
 */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-public', true));

/**
 * Only these roles may call the endpoint (or every endpoint of the controller); others get
 * 403 AUTH.FORBIDDEN. Scope within a role (which district, which entity) is the service's
 * check, with the helpers of `domain/scope.ts`.
 */
export const Roles = (...roles: [Role, ...Role[]]) => SetMetadata(ROLES, roles);

/** The signed-in user of the request. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<RequestWithPrincipal>()[PRINCIPAL];
  // Only on a @Public() endpoint, where no session was checked: a programming error.
  if (!principal) throw unauthenticated();
  return principal;
});

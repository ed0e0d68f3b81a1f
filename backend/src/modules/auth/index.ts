/** What other modules use from auth: the decorators, the principal, its role, and scope checks. */
export type { Principal, Role, TenantScopeEntry } from './domain/principal';
export { STAFF_ROLES } from './domain/principal';
export { CurrentUser, Public, Roles } from './auth.decorators';
export { canSeeDistrict, canSeeEntity, canSeeTenant, tenantAt, tenantIdsOf } from './domain/scope';
export { AuthModule } from './auth.module';
export { AuthGuard } from './auth.guard';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoUsers, type DemoAccount } from './demo-users';

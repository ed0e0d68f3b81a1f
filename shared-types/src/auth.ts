import { z } from 'zod';

/**
 * Who a signed-in user is. Staff: the city bureau sees every district, a district's officers
 * and leads see their own; a charging entity's user sees that entity; a tenant sees its firm.
 */
export const RoleSchema = z.enum([
  'city_admin',
  'district_officer',
  'district_lead',
  'entity_user',
  'tenant',
]);
export type Role = z.infer<typeof RoleSchema>;
export const ROLES = RoleSchema.options;

export const LoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** The code `wx.login()` gave the mini-program; exchanged once with WeChat for an openid. */
export const WechatLoginRequestSchema = z.object({
  code: z.string().trim().min(1).max(128),
});
export type WechatLoginRequest = z.infer<typeof WechatLoginRequestSchema>;

/** H5 and demos only: signs in one of the demo accounts without a password. */
export const DemoLoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
});
export type DemoLoginRequest = z.infer<typeof DemoLoginRequestSchema>;

/** The signed-in user, as `GET /api/auth/me` and every login answer it. */
export const MeSchema = z.object({
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  /** GB/T 2260 code, for district staff. */
  districtCode: z.string().nullable(),
  /** 统一社会信用代码 of the charging entity, for its users. */
  entityId: z.string().nullable(),
  /** 统一社会信用代码 of the tenant firm; null for a WeChat user that has not bound a firm yet. */
  tenantId: z.string().nullable(),
});
export type Me = z.infer<typeof MeSchema>;

/** Send `token` as `Authorization: Bearer <token>` until `expiresAt` or logout. */
export const LoginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: MeSchema,
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const AuthErrorCode = {
  /** No session, an unknown, expired or revoked token: sign in again. */
  UNAUTHENTICATED: 'AUTH.UNAUTHENTICATED',
  /** Wrong username or password (the answer does not say which). */
  BAD_CREDENTIALS: 'AUTH.BAD_CREDENTIALS',
  /** Too many wrong passwords in a row: the account is locked for a while. */
  LOCKED_OUT: 'AUTH.LOCKED_OUT',
  /** Signed in, but the role may not do this. */
  FORBIDDEN: 'AUTH.FORBIDDEN',
  VALIDATION_FAILED: 'AUTH.VALIDATION_FAILED',
  /** Demo login is switched off (production): the endpoint is as good as absent. */
  DEMO_LOGIN_OFF: 'DEMO_LOGIN.NOT_FOUND',
  /** WeChat refused the login code (invalid, used or expired): call `wx.login()` again. */
  WECHAT_BAD_CODE: 'WECHAT.BAD_CREDENTIALS',
  /** WeChat refused the user (flagged as high risk). */
  WECHAT_FORBIDDEN: 'WECHAT.FORBIDDEN',
  /** WeChat did not answer usably (busy, rate limit, network): try again later. */
  WECHAT_UNAVAILABLE: 'WECHAT.UNAVAILABLE',
  /** The server has no WeChat app id and secret. */
  WECHAT_NOT_CONFIGURED: 'WECHAT.NOT_CONFIGURED',
} as const;
export type AuthErrorCode = (typeof AuthErrorCode)[keyof typeof AuthErrorCode];

import { AuthErrorCode } from '@zgd/shared-types';
import type { ErrorDetail } from '@zgd/shared-types';
import { AppError } from '../../common/errors/app-error';

export const unauthenticated = (message = '请先登录') =>
  new AppError(AuthErrorCode.UNAUTHENTICATED, message);

export const sessionExpired = () => unauthenticated('登录已过期，请重新登录');

export const badCredentials = () => new AppError(AuthErrorCode.BAD_CREDENTIALS, '用户名或密码错误');

export const lockedOut = (minutes: number) =>
  new AppError(AuthErrorCode.LOCKED_OUT, `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试`);

export const forbidden = () => new AppError(AuthErrorCode.FORBIDDEN, '当前账号无权进行此操作');

export const invalidRequest = (details: ErrorDetail[]) =>
  new AppError(AuthErrorCode.VALIDATION_FAILED, '请求格式不正确', details);

export const demoLoginOff = () => new AppError(AuthErrorCode.DEMO_LOGIN_OFF, '演示登录未开启');

export const notADemoAccount = () =>
  new AppError(AuthErrorCode.BAD_CREDENTIALS, '没有这个演示账号');

export const wechatBadCode = () =>
  new AppError(AuthErrorCode.WECHAT_BAD_CODE, '微信登录凭证无效或已过期，请重新进入小程序');

export const wechatForbidden = () =>
  new AppError(AuthErrorCode.WECHAT_FORBIDDEN, '微信账号存在风险，暂时无法登录');

export const wechatUnavailable = () =>
  new AppError(AuthErrorCode.WECHAT_UNAVAILABLE, '微信服务暂时不可用，请稍后再试');

export const wechatNotConfigured = () =>
  new AppError(AuthErrorCode.WECHAT_NOT_CONFIGURED, '服务器未配置微信登录');

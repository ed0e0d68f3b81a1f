import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { ErrorBody } from '@zgd/shared-types';
import type { Response } from 'express';
import { JsonLogger } from '../logging/json-logger';
import { AppError } from './app-error';
import { httpStatusOf } from './http-status';

const HTTP_CODES: Record<number, [string, string]> = {
  400: ['VALIDATION_FAILED', '请求格式不正确'],
  401: ['UNAUTHENTICATED', '请先登录'],
  403: ['FORBIDDEN', '无权访问'],
  404: ['NOT_FOUND', '请求的资源不存在'],
  413: ['UPLOAD.TOO_LARGE', '上传内容过大'],
};

/** Maps every error to `{ code, message, details? }`; unexpected ones are logged, never leaked. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.toBody(exception);
    if (status >= 500) {
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.emit('error', { msg: err.message }, 'AppExceptionFilter', { stack: err.stack });
    }
    res.status(status).json(body);
  }

  private toBody(exception: unknown): [number, ErrorBody] {
    if (exception instanceof AppError) {
      const body: ErrorBody = { code: exception.code, message: exception.message };
      if (exception.details?.length) body.details = exception.details;
      return [httpStatusOf(exception.code), body];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const [code, message] = HTTP_CODES[status] ?? ['INTERNAL', '请求失败'];
      return [status, { code, message }];
    }
    return [500, { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' }];
  }
}

import type { ErrorDetail } from '@zgd/shared-types';
import { z } from 'zod';
import { AppError } from '../errors/app-error';

// Users read Simplified Chinese: zod's own messages too.
z.config(z.locales.zhCN());

/**
 * Checks request input against its shared schema. Bad input becomes one VALIDATION_FAILED
 * error listing every problem with where it is (`body.period`, `params.tenantId`).
 */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const details: ErrorDetail[] = r.error.issues.map((i) => ({
    code: 'VALIDATION_FAILED',
    message: i.message,
    path: [where, ...i.path.map(String)].join('.'),
  }));
  throw new AppError(
    'VALIDATION_FAILED',
    `请求参数有误：${details.map((d) => `${d.path} ${d.message}`).join('；')}`,
    details,
  );
}

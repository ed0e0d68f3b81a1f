import type { ErrorDetail } from '@zgd/shared-types';

/**
 * An expected failure, as data: a stable code, a Chinese message for the user, and where the
 * bad input was. Domain and service code throw or return these; only the HTTP filter knows
 * which status a code becomes.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

import type { ErrorDetail } from '@zgd/shared-types';

/**
 * Every reason a batch is rejected, with a stable code and the Chinese message users read.
 * `CSV.*` is about one row or the file's shape, `BATCH.*` about rows that contradict each other.
 */
export const BatchErrorCode = {
  INVALID_ENCODING: 'CSV.INVALID_ENCODING',
  UNTERMINATED_QUOTE: 'CSV.UNTERMINATED_QUOTE',
  MALFORMED_QUOTE: 'CSV.MALFORMED_QUOTE',
  MISSING_HEADER: 'CSV.MISSING_HEADER',
  MISSING_COLUMN: 'CSV.MISSING_COLUMN',
  DUPLICATE_COLUMN: 'CSV.DUPLICATE_COLUMN',
  FIELD_COUNT: 'CSV.FIELD_COUNT',
  REQUIRED: 'CSV.REQUIRED',
  MUST_BE_BLANK: 'CSV.MUST_BE_BLANK',
  INVALID_USCC: 'CSV.INVALID_USCC',
  INVALID_DISTRICT: 'CSV.INVALID_DISTRICT',
  INVALID_PERIOD: 'CSV.INVALID_PERIOD',
  INVALID_DATE: 'CSV.INVALID_DATE',
  INVALID_DATE_RANGE: 'CSV.INVALID_DATE_RANGE',
  INVALID_CHOICE: 'CSV.INVALID_CHOICE',
  INVALID_DECIMAL: 'CSV.INVALID_DECIMAL',
  TOO_MANY_DECIMALS: 'CSV.TOO_MANY_DECIMALS',
  NEGATIVE: 'CSV.NEGATIVE',
  DUPLICATE_ENERGY_LINE: 'BATCH.DUPLICATE_ENERGY_LINE',
  OVERLAPPING_TARIFF: 'BATCH.OVERLAPPING_TARIFF',
  GRID_BILL_DISAGREES: 'BATCH.GRID_BILL_DISAGREES',
  NO_ENERGY_KWH: 'BATCH.NO_ENERGY_KWH',
  DUPLICATE_OWN_USE: 'BATCH.DUPLICATE_OWN_USE',
  ENTITY_MISMATCH: 'BATCH.ENTITY_MISMATCH',
  OWN_USE_EXCEEDS_GRID: 'BATCH.OWN_USE_EXCEEDS_GRID',
} as const;
export type BatchErrorCode = (typeof BatchErrorCode)[keyof typeof BatchErrorCode];

/** One rejected value: where it is (file, line with header = 1, column), what, and why. */
export interface BatchError extends ErrorDetail {
  code: BatchErrorCode;
  message: string;
  file: string;
  line: number;
  column: string;
  value: string;
}

/** `tenant_charges.csv:12 tenant_id "9131…" CSV.INVALID_USCC 统一社会信用代码校验位错误` */
export function formatBatchError(error: BatchError): string {
  const where = `${error.file}:${error.line}`;
  return `${where} ${error.column || '-'} ${JSON.stringify(error.value)} ${error.code} ${error.message}`;
}

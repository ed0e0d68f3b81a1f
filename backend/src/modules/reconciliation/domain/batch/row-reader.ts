import { checkUscc, isShanghaiDistrictCode } from '@zgd/shared-types';
import type { CsvRow } from '../csv/csv-row';
import { parseScaledRange } from '../exact';
import { BatchErrorCode, type BatchError } from './batch-errors';
import { COLUMN_LABELS, choiceMessage, columnMessage } from './batch-messages';

/** Strings seen across the batch: repeated values share one instance, checks run once per value. */
export class BatchStrings {
  private readonly validUscc = new Map<string, string>();
  private readonly validPeriods = new Map<string, string>();
  private readonly texts = new Map<string, string>();

  intern(value: string): string {
    return this.texts.get(value) ?? remember(this.texts, value);
  }

  knownUscc(value: string): string | undefined {
    return this.validUscc.get(value);
  }

  addUscc(value: string): string {
    return remember(this.validUscc, value);
  }

  knownPeriod(value: string): string | undefined {
    return this.validPeriods.get(value);
  }

  addPeriod(value: string): string {
    return remember(this.validPeriods, value);
  }
}

/**
 * Stores a copy of `value`: a field split from a 1 MB chunk is a slice that keeps the whole
 * chunk alive, so a kept string must be detached from it (the concatenation is flattened into
 * a fresh string, and the slice of that points at the copy only).
 */
function remember(map: Map<string, string>, value: string): string {
  const copy = (' ' + value).slice(1);
  map.set(copy, copy);
  return copy;
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type Sign = 'non_negative' | 'signed';

/**
 * Reads the typed values of one row, recording every bad value as a BatchError. A method
 * returns undefined for a bad value (and clears `ok`), null for an allowed blank. Fields are
 * compared and parsed in place; a substring is made only for a value that is new.
 */
export class RowReader {
  ok = true;
  line = 0;
  private row: CsvRow | null = null;
  /**
   * The last accepted value of each column: consecutive rows mostly repeat the entity,
   * account, tenant, period and prices, so most checks end at one in-place compare.
   */
  private readonly lastValue: string[] = [];
  /** The same for decimals (non-negative only, so the sign rule of a row never matters). */
  private readonly lastDecimalRaw: string[] = [];
  private readonly lastDecimal: bigint[] = [];

  constructor(
    readonly file: string,
    /** Column name → index in the row, from the header. */
    private readonly columnIndex: Readonly<Record<string, number>>,
    private readonly errors: BatchError[],
    private readonly strings: BatchStrings,
  ) {}

  start(row: CsvRow, line: number): void {
    this.row = row;
    this.line = line;
    this.ok = true;
  }

  raw(column: string): string {
    return (this.row as CsvRow).field(this.columnIndex[column]);
  }

  reject(column: string, value: string, code: BatchErrorCode, message: string): undefined {
    this.ok = false;
    this.errors.push({ file: this.file, line: this.line, column, value, code, message });
    return undefined;
  }

  /** Free text (names, addresses): anything goes, repeated values share one string. */
  text(column: string): string {
    const index = this.columnIndex[column];
    const last = this.repeated(index);
    if (last !== undefined) return last;
    return this.accept(index, this.strings.intern(this.raw(column)));
  }

  requiredText(column: string): string | undefined {
    const index = this.columnIndex[column];
    const last = this.repeated(index);
    if (last !== undefined) return last;
    const value = this.raw(column);
    if (value === '') return this.required(column);
    return this.accept(index, this.strings.intern(value));
  }

  uscc(column: string): string | undefined {
    const index = this.columnIndex[column];
    const last = this.repeated(index);
    if (last !== undefined) return last;
    const value = this.raw(column);
    const known = this.strings.knownUscc(value);
    if (known !== undefined) return this.accept(index, known);
    if (value === '') return this.required(column);
    const check = checkUscc(value);
    if (!check.ok) return this.reject(column, value, BatchErrorCode.INVALID_USCC, check.message);
    return this.accept(index, this.strings.addUscc(value));
  }

  district(column: string): string | undefined {
    const value = this.raw(column);
    if (isShanghaiDistrictCode(value)) return this.strings.intern(value);
    if (value === '') return this.required(column);
    return this.reject(
      column,
      value,
      BatchErrorCode.INVALID_DISTRICT,
      '区代码不是上海市16个区之一（GB/T 2260，如 310115）',
    );
  }

  period(column: string): string | undefined {
    const index = this.columnIndex[column];
    const last = this.repeated(index);
    if (last !== undefined) return last;
    const value = this.raw(column);
    const known = this.strings.knownPeriod(value);
    if (known !== undefined) return this.accept(index, known);
    if (value === '') return this.required(column);
    if (!PERIOD.test(value)) {
      return this.reject(
        column,
        value,
        BatchErrorCode.INVALID_PERIOD,
        '账期应为 YYYY-MM 格式的月份，如 2025-07',
      );
    }
    return this.accept(index, this.strings.addPeriod(value));
  }

  /** A calendar date `YYYY-MM-DD`; blank gives null when `optional`. */
  date(column: string, optional: boolean): string | null | undefined {
    const value = this.raw(column);
    if (value === '') return optional ? null : this.required(column);
    if (isCalendarDate(value)) return value;
    return this.reject(
      column,
      value,
      BatchErrorCode.INVALID_DATE,
      columnMessage(column, '应为 YYYY-MM-DD 格式的有效日期'),
    );
  }

  choice<T extends string>(column: string, choices: readonly T[]): T | undefined {
    const row = this.row as CsvRow;
    const index = this.columnIndex[column];
    for (const choice of choices) if (row.fieldEquals(index, choice)) return choice;
    const value = row.field(index);
    if (value === '') return this.required(column);
    return this.reject(
      column,
      value,
      BatchErrorCode.INVALID_CHOICE,
      choiceMessage(column, choices),
    );
  }

  /** A required decimal with at most `scale` places, scaled to an integer. */
  decimal(column: string, scale: number, sign: Sign): bigint | undefined {
    const row = this.row as CsvRow;
    const index = this.columnIndex[column];
    const lastRaw = this.lastDecimalRaw[index];
    // Prices repeat from row to row; one BigInt serves them all.
    if (lastRaw !== undefined && row.fieldEquals(index, lastRaw)) return this.lastDecimal[index];
    const parsed = parseScaledRange(row.text, row.starts[index], row.ends[index], scale);
    if (typeof parsed === 'bigint') {
      if (parsed >= 0n) {
        this.lastDecimalRaw[index] = row.field(index);
        this.lastDecimal[index] = parsed;
        return parsed;
      }
      if (sign === 'signed') return parsed;
      return this.reject(
        column,
        row.field(index),
        BatchErrorCode.NEGATIVE,
        columnMessage(column, '不能为负数'),
      );
    }
    const value = row.field(index);
    if (value === '') return this.required(column);
    if (parsed === 'places') {
      return this.reject(
        column,
        value,
        BatchErrorCode.TOO_MANY_DECIMALS,
        columnMessage(column, `最多保留 ${scale} 位小数`),
      );
    }
    return this.reject(
      column,
      value,
      BatchErrorCode.INVALID_DECIMAL,
      columnMessage(column, '不是有效的数字（如 1234.5）'),
    );
  }

  /** A column that must stay empty on this kind of row. */
  blank(column: string, rowKind: string): null | undefined {
    const index = this.columnIndex[column];
    const row = this.row as CsvRow;
    if (row.starts[index] === row.ends[index]) return null;
    const value = row.field(index);
    return this.reject(
      column,
      value,
      BatchErrorCode.MUST_BE_BLANK,
      columnMessage(column, `在${rowKind}上应留空`),
    );
  }

  /** The last accepted value of the column if this row repeats it. */
  private repeated(index: number): string | undefined {
    const last = this.lastValue[index];
    return last !== undefined && (this.row as CsvRow).fieldEquals(index, last) ? last : undefined;
  }

  private accept(index: number, value: string): string {
    this.lastValue[index] = value;
    return value;
  }

  private required(column: string): undefined {
    return this.reject(
      column,
      '',
      BatchErrorCode.REQUIRED,
      `${COLUMN_LABELS[column] ?? column}（${column}）为必填项`,
    );
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

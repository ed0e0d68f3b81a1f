import type { CsvRow } from '../csv/csv-row';
import type { CsvSink, CsvSyntaxProblem } from '../csv/csv-tokenizer';
import { readCsvChunks } from '../csv/csv-reader';
import type { ReconciliationInput } from '../reconciliation-input';
import { checkBatchConsistency, gridGroupKey } from './batch-consistency';
import { BatchErrorCode, type BatchError } from './batch-errors';
import {
  BATCH_FILES,
  BATCH_FILE_ORDER,
  type BatchFileKey,
  type BatchFileName,
} from './batch-files';
import { BatchStrings, RowReader } from './row-reader';
import {
  parseEntityRow,
  parseGridBillRow,
  parseOwnUseRow,
  parseTariffRow,
  parseTenantChargeRow,
} from './row-parsers';

/** Where the files of a batch come from: the byte chunks of a file, or null when it is absent. */
export interface BatchSource {
  chunks(fileName: BatchFileName): Iterable<Uint8Array> | null;
}

export type BatchReadResult =
  { ok: true; input: ReconciliationInput } | { ok: false; errors: BatchError[] };

const PARSERS = {
  entities: parseEntityRow,
  tariffs: parseTariffRow,
  gridBills: parseGridBillRow,
  tenantCharges: parseTenantChargeRow,
  ownUse: parseOwnUseRow,
} satisfies Record<BatchFileKey, (r: RowReader) => unknown>;

type RowsOf = { [K in BatchFileKey]: NonNullable<ReturnType<(typeof PARSERS)[K]>>[] };

/**
 * Reads and validates a whole batch (§1): every error of every file is collected, and the
 * typed input is returned only when there is none.
 */
export function readBatch(source: BatchSource): BatchReadResult {
  const errors: BatchError[] = [];
  const strings = new BatchStrings();
  const rows = {} as RowsOf;
  const taintedGridBills = new Set<string>();
  for (const key of BATCH_FILE_ORDER) {
    const sink = new FileSink(key, errors, strings, taintedGridBills);
    const chunks = source.chunks(BATCH_FILES[key].fileName);
    if (chunks !== null) {
      readCsvChunks(chunks, sink);
      sink.finish();
    }
    (rows as Record<BatchFileKey, unknown[]>)[key] = sink.rows;
  }
  const input: ReconciliationInput = {
    entities: rows.entities,
    tariffs: rows.tariffs,
    gridBills: rows.gridBills,
    tenantCharges: rows.tenantCharges,
    ownUse: rows.ownUse,
  };
  checkBatchConsistency(input, taintedGridBills, errors);
  if (errors.length === 0) return { ok: true, input };
  return { ok: false, errors: sortErrors(errors) };
}

const SYNTAX_ERRORS: Record<CsvSyntaxProblem, [BatchError['code'], string]> = {
  invalid_encoding: [
    BatchErrorCode.INVALID_ENCODING,
    '文件不是有效的 UTF-8 编码（请以 UTF-8 保存 CSV）',
  ],
  unterminated_quote: [BatchErrorCode.UNTERMINATED_QUOTE, '引号未闭合：带引号的字段缺少结尾的引号'],
  malformed_quote: [
    BatchErrorCode.MALFORMED_QUOTE,
    '引号用法错误：字段中的引号须整体加引号并写成两个引号（""）',
  ],
};

/** Receives one file's records: checks the header, then parses each row. */
class FileSink implements CsvSink {
  readonly rows: unknown[] = [];
  invalidRows = 0;
  private reader: RowReader | null = null;
  private width = 0;
  private sawHeader = false;
  private readonly fileName: string;

  constructor(
    private readonly key: BatchFileKey,
    private readonly errors: BatchError[],
    private readonly strings: BatchStrings,
    private readonly taintedGridBills: Set<string>,
  ) {
    this.fileName = BATCH_FILES[key].fileName;
  }

  record(row: CsvRow, line: number): void {
    if (!this.sawHeader) {
      this.sawHeader = true;
      this.readHeader(row.fields());
      return;
    }
    const reader = this.reader;
    if (reader === null) return;
    if (row.count !== this.width) {
      this.invalidRows++;
      this.push(
        line,
        '',
        String(row.count),
        BatchErrorCode.FIELD_COUNT,
        `本行有 ${row.count} 个字段，表头有 ${this.width} 列`,
      );
      return;
    }
    reader.start(row, line);
    const parsed = PARSERS[this.key](reader);
    if (parsed !== undefined) {
      this.rows.push(parsed);
      return;
    }
    this.invalidRows++;
    // The sums of this grid bill are unknown now: checks on them would only add noise.
    if (this.key === 'gridBills') {
      this.taintedGridBills.add(gridGroupKey(reader.raw('account_no'), reader.raw('period')));
    }
  }

  syntaxError(line: number, problem: CsvSyntaxProblem): void {
    this.invalidRows++;
    const [code, message] = SYNTAX_ERRORS[problem];
    this.push(line, '', '', code, message);
  }

  /** A file that is present but empty has no header (an absent file is fine). */
  finish(): void {
    if (!this.sawHeader && this.invalidRows === 0) {
      this.push(1, '', '', BatchErrorCode.MISSING_HEADER, '文件为空：缺少表头行');
    }
  }

  private readHeader(fields: string[]): void {
    const required: readonly string[] = BATCH_FILES[this.key].columns;
    const index = new Map<string, number>();
    let usable = true;
    fields.forEach((raw, i) => {
      const name = raw.trim();
      // Unknown columns are ignored, even repeated; a repeated contract column is ambiguous.
      if (index.has(name) && required.includes(name)) {
        usable = false;
        this.push(1, name, raw, BatchErrorCode.DUPLICATE_COLUMN, `列名重复：${name}`);
      } else if (!index.has(name)) {
        index.set(name, i);
      }
    });
    for (const column of required) {
      if (!index.has(column)) {
        usable = false;
        this.push(1, column, '', BatchErrorCode.MISSING_COLUMN, `缺少必需的列：${column}`);
      }
    }
    this.width = fields.length;
    if (usable)
      this.reader = new RowReader(
        this.fileName,
        Object.fromEntries(index),
        this.errors,
        this.strings,
      );
  }

  private push(
    line: number,
    column: string,
    value: string,
    code: BatchError['code'],
    message: string,
  ): void {
    this.errors.push({ file: this.fileName, line, column, value, code, message });
  }
}

function sortErrors(errors: BatchError[]): BatchError[] {
  const fileRank = new Map(
    BATCH_FILE_ORDER.map((key, i) => [BATCH_FILES[key].fileName as string, i]),
  );
  return errors
    .map((error, i) => ({ error, i }))
    .sort(
      (a, b) =>
        (fileRank.get(a.error.file) ?? 9) - (fileRank.get(b.error.file) ?? 9) ||
        a.error.line - b.error.line ||
        a.i - b.i,
    )
    .map(({ error }) => error);
}

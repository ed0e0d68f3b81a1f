import { createHash } from 'node:crypto';
import type { ErrorDetail } from '@zgd/shared-types';
import ExcelJS from 'exceljs';

/** The files of a batch, by the contract's names (spec §1), without extension. */
export const BATCH_FILE_NAMES = [
  'entities',
  'tariffs',
  'grid_bills',
  'tenant_charges',
  'own_use',
] as const;
export type BatchFileName = (typeof BATCH_FILE_NAMES)[number];

export interface BatchFile {
  /** The contract's name, e.g. `grid_bills.csv`: what the validator reports. */
  name: `${BatchFileName}.csv`;
  /** CSV bytes (RFC 4180) as delivered; Excel sheets are converted to CSV so one parser judges both. */
  data: Buffer;
  /** What the user delivered, e.g. `月度账单.xlsx（工作表 grid_bills）`. */
  origin: string;
  /** For a converted sheet: the sheet row of each CSV line (index = CSV line − 1). */
  rowOfLine?: number[];
}

export interface Upload {
  name: string;
  data: Buffer;
}

function contractName(base: string): BatchFileName | null {
  const b = base.trim().toLowerCase();
  return (BATCH_FILE_NAMES as readonly string[]).includes(b) ? (b as BatchFileName) : null;
}

const allowed = BATCH_FILE_NAMES.map((n) => `${n}.csv`).join('、');

/**
 * Turns uploaded CSV and Excel files into the contract's CSV files. Problems with the files
 * themselves (unknown name, unreadable workbook, a file given twice) are returned as errors;
 * the rows, and their encoding, are judged by the batch reader.
 */
export async function toBatchFiles(
  uploads: Upload[],
): Promise<{ files: BatchFile[]; errors: ErrorDetail[] }> {
  const files: BatchFile[] = [];
  const errors: ErrorDetail[] = [];
  const add = (f: BatchFile) => {
    if (files.some((g) => g.name === f.name)) {
      errors.push({
        code: 'IMPORT.DUPLICATE_FILE',
        message: `${f.name} 在本批次中出现了两次`,
        file: f.origin,
      });
    } else files.push(f);
  };
  for (const u of uploads) {
    const ext = u.name.toLowerCase().match(/\.(csv|xlsx)$/)?.[1];
    const base = u.name.replace(/^.*[\\/]/, '').replace(/\.(csv|xlsx)$/i, '');
    if (ext === 'csv') {
      const name = contractName(base);
      if (!name) {
        errors.push({
          code: 'IMPORT.UNKNOWN_FILE',
          message: `无法识别的文件名，应为 ${allowed} 之一`,
          file: u.name,
        });
        continue;
      }
      add({ name: `${name}.csv`, data: u.data, origin: u.name });
    } else if (ext === 'xlsx') {
      const sheets = await readWorkbook(u, errors);
      for (const s of sheets) add(s);
    } else {
      errors.push({
        code: 'IMPORT.UNSUPPORTED_FILE',
        message: '只接受 .csv 或 .xlsx 文件',
        file: u.name,
      });
    }
  }
  if (!files.length && !errors.length) {
    errors.push({
      code: 'IMPORT.EMPTY',
      message: `批次中没有文件，应包含 ${allowed} 中的一个或多个`,
    });
  }
  return { files, errors };
}

/** A workbook's sheets named like the contract's files; a one-sheet workbook may be named so instead. */
async function readWorkbook(u: Upload, errors: ErrorDetail[]): Promise<BatchFile[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(u.data as unknown as ArrayBuffer);
  } catch {
    errors.push({
      code: 'IMPORT.BAD_WORKBOOK',
      message: '无法读取该 Excel 文件（需要 .xlsx 格式）',
      file: u.name,
    });
    return [];
  }
  const base = u.name.replace(/^.*[\\/]/, '').replace(/\.xlsx$/i, '');
  const out: BatchFile[] = [];
  for (const ws of wb.worksheets) {
    const name = contractName(ws.name) ?? (wb.worksheets.length === 1 ? contractName(base) : null);
    if (!name) {
      errors.push({
        code: 'IMPORT.UNKNOWN_SHEET',
        message: `无法识别的工作表“${ws.name}”，工作表应命名为 ${BATCH_FILE_NAMES.join('、')} 之一`,
        file: u.name,
      });
      continue;
    }
    out.push({ name: `${name}.csv`, origin: `${u.name}（工作表 ${ws.name}）`, ...sheetToCsv(ws) });
  }
  return out;
}

function sheetToCsv(ws: ExcelJS.Worksheet): { data: Buffer; rowOfLine: number[] } {
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (c, i) => (header[i - 1] = cellText(c, '').trim()));
  const width = header.length;
  const lines: string[] = [];
  const rowOfLine: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    for (let i = 1; i <= width; i++) values.push(cellText(row.getCell(i), header[i - 1] ?? ''));
    if (values.every((v) => v === '')) return;
    lines.push(values.map(csvField).join(','));
    rowOfLine.push(rowNumber);
  });
  return { data: Buffer.from(lines.join('\n') + '\n', 'utf8'), rowOfLine };
}

/**
 * A cell as the text the contract expects. Numbers use JavaScript's shortest round-trip form,
 * which gives back what was typed (3013.92, not 3013.9199999999…); dates become YYYY-MM-DD, or
 * YYYY-MM in a `period` column.
 */
function cellText(cell: ExcelJS.Cell, column: string): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return column === 'period' ? iso.slice(0, 7) : iso.slice(0, 10);
  }
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') {
    if ('result' in v)
      return v.result === undefined ? '' : cellText({ value: v.result } as ExcelJS.Cell, column);
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in v) return String(v.text).trim();
  }
  // Stray spaces and line breaks in a typed cell are invisible in Excel: never an error.
  return String(v).trim();
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The identity of a batch's content: the same files in any order and under any upload names
 * give the same hash, so a second delivery is recognised.
 */
export function batchContentHash(files: BatchFile[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    h.update(`${f.name}\n${f.data.length}\n`).update(f.data);
  }
  return h.digest('hex');
}

/** Puts an error found in converted CSV back where the user can find it: sheet and row. */
export function locateError(e: ErrorDetail, files: BatchFile[]): ErrorDetail {
  const f = files.find((g) => g.name === e.file);
  if (!f) return e;
  const line = e.line !== undefined && f.rowOfLine ? (f.rowOfLine[e.line - 1] ?? e.line) : e.line;
  return { ...e, file: f.origin, line };
}

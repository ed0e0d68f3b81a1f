import ExcelJS from 'exceljs';

/** One column of an exported list: its Chinese header and how its cells are written. */
export interface XlsxColumn<T> {
  header: string;
  width: number;
  /** text as is; int a whole number; money a decimal 元 string written as a number with 2 places. */
  kind: 'text' | 'int' | 'money';
  value: (row: T) => string | number;
}

export const MONEY_FORMAT = '#,##0.00';

/**
 * A workbook of one sheet: a bold header row and the rows below, frozen under the header.
 * Money goes in as a number (so a spreadsheet can sum it) shown with two decimals; the wire's
 * decimal string has at most two places, so the number read back is that exact decimal.
 */
export async function xlsxTable<T>(
  sheetName: string,
  columns: readonly XlsxColumn<T>[],
  rows: readonly T[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '转供电价格监管平台';
  book.created = new Date();
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow(columns.map((c) => cellValue(c, row)));
    columns.forEach((c, i) => {
      if (c.kind === 'money') added.getCell(i + 1).numFmt = MONEY_FORMAT;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function cellValue<T>(column: XlsxColumn<T>, row: T): string | number {
  const value = column.value(row);
  if (column.kind === 'text') return String(value);
  if (column.kind === 'int') return Number(value);
  const text = String(value);
  if (!/^-?\d+\.\d{2}$/.test(text)) throw new Error(`not an amount of 元: ${text}`);
  return Number(text);
}

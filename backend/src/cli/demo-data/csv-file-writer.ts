import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_CHARS = 1 << 20;

/**
 * Writes CSV rows to a file through a ~1 MB buffer, so a million-line batch streams out without
 * being held in memory. Fields with a comma, quote or line break are quoted (RFC 4180).
 */
export class CsvFileWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.fd = openSync(path, 'w');
    this.append(header.join(','));
  }

  write(fields: readonly string[]): void {
    let line = '';
    for (let i = 0; i < fields.length; i++) line += (i === 0 ? '' : ',') + quote(fields[i]);
    this.append(line);
    this.rows++;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private append(line: string): void {
    this.parts.push(line, '\n');
    this.size += line.length + 1;
    if (this.size >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.parts.length > 0) writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

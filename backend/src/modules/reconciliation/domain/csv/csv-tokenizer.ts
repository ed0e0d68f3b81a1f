/**
 * RFC 4180 tokenizer fed with text chunks: quoted fields (with "" escapes and line breaks),
 * CRLF or LF endings, blank lines skipped. Lines without a quote take a fast path (indexOf for
 * line ends and commas, no substrings), which is what lets a million-line file parse in about
 * a second. Pure: the caller decodes bytes and reads files.
 */
import { CsvRow } from './csv-row';

export type CsvSyntaxProblem = 'unterminated_quote' | 'malformed_quote' | 'invalid_encoding';

export interface CsvSink {
  /**
   * One record; `line` is the physical line it starts on (the header is line 1). The row is
   * reused for the next record: copy what must outlive the call.
   */
  record(row: CsvRow, line: number): void;
  syntaxError(line: number, problem: CsvSyntaxProblem): void;
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** Where a quoted record ended: the index after its terminator, or NEED_MORE to wait for text. */
const NEED_MORE = -1;

export class CsvTokenizer {
  private pending = '';
  /** The line on which `pending` (the next record) starts. */
  private line = 1;
  private readonly row = new CsvRow();

  constructor(private readonly sink: CsvSink) {}

  push(chunk: string): void {
    this.pending = this.parse(this.pending + chunk, false);
  }

  end(): void {
    this.parse(this.pending, true);
    this.pending = '';
  }

  /** Emits every complete record of `text` and returns the incomplete rest. */
  private parse(text: string, final: boolean): string {
    const length = text.length;
    let pos = 0;
    let quoteAt = text.indexOf('"');
    while (pos < length) {
      let newline = text.indexOf('\n', pos);
      if (quoteAt !== -1 && quoteAt < pos) quoteAt = text.indexOf('"', pos);
      if (quoteAt === -1 || (newline !== -1 && quoteAt > newline)) {
        if (newline === -1) {
          if (!final) break;
          newline = length;
        }
        const end = newline > pos && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
        if (end > pos) {
          this.row.setLine(text, pos, end);
          this.sink.record(this.row, this.line);
        }
        this.line++;
        pos = newline + 1;
        continue;
      }
      const next = this.parseQuotedRecord(text, pos, final);
      if (next === NEED_MORE) break;
      pos = next;
    }
    return pos >= length ? '' : text.slice(pos);
  }

  /** The slow path, for a record with a quote somewhere in it. */
  private parseQuotedRecord(text: string, start: number, final: boolean): number {
    const length = text.length;
    const fields: string[] = [];
    let pos = start;
    for (;;) {
      let value: string;
      if (text.charCodeAt(pos) === QUOTE) {
        const closed = readQuoted(text, pos + 1, final);
        if (closed === null) return NEED_MORE;
        if (closed === 'unterminated') return this.fail(text, start, length, 'unterminated_quote');
        [value, pos] = closed;
      } else {
        const end = unquotedEnd(text, pos);
        if (end < length && text.charCodeAt(end) === QUOTE) {
          return this.fail(text, start, lineEnd(text, end), 'malformed_quote');
        }
        value = text.slice(pos, end);
        pos = end;
      }
      fields.push(value);
      if (pos >= length) {
        if (!final) return NEED_MORE;
        return this.emit(fields, text, start, length);
      }
      const c = text.charCodeAt(pos);
      if (c === COMMA) {
        pos++;
        continue;
      }
      if (c === LF) return this.emit(fields, text, start, pos);
      if (c === CR && pos + 1 < length && text.charCodeAt(pos + 1) === LF) {
        return this.emit(fields, text, start, pos + 1);
      }
      if (c === CR && pos + 1 >= length && !final) return NEED_MORE;
      return this.fail(text, start, lineEnd(text, pos), 'malformed_quote');
    }
  }

  /** Emits a record that ends at `terminator` (its LF, or the end of text). */
  private emit(fields: string[], text: string, start: number, terminator: number): number {
    this.row.setFields(fields);
    this.sink.record(this.row, this.line);
    this.line += countLineBreaks(text, start, terminator) + 1;
    return terminator + 1;
  }

  private fail(text: string, start: number, terminator: number, problem: CsvSyntaxProblem): number {
    this.sink.syntaxError(this.line, problem);
    this.line += countLineBreaks(text, start, terminator) + 1;
    return terminator + 1;
  }
}

/**
 * Reads a quoted field whose content starts at `from`: [value, index after the closing quote],
 * null when the text ends before we can tell, 'unterminated' when it never closes.
 */
function readQuoted(
  text: string,
  from: number,
  final: boolean,
): [string, number] | null | 'unterminated' {
  let value = '';
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return final ? 'unterminated' : null;
    if (quote + 1 >= text.length && !final) return null;
    if (text.charCodeAt(quote + 1) === QUOTE) {
      value += text.slice(from, quote + 1);
      from = quote + 2;
      continue;
    }
    return [value + text.slice(from, quote), quote + 1];
  }
}

function unquotedEnd(text: string, pos: number): number {
  const length = text.length;
  while (pos < length) {
    const c = text.charCodeAt(pos);
    if (c === COMMA || c === LF || c === QUOTE) return pos;
    if (c === CR && pos + 1 < length && text.charCodeAt(pos + 1) === LF) return pos;
    pos++;
  }
  return pos;
}

function lineEnd(text: string, pos: number): number {
  const newline = text.indexOf('\n', pos);
  return newline === -1 ? text.length : newline;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

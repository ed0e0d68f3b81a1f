/**
 * One record as positions in a text: fields are sliced out only when asked for, so a reader
 * that compares or parses a field in place allocates nothing for it. The tokenizer reuses one
 * CsvRow, so it is valid only during the sink's call.
 */
export class CsvRow {
  text = '';
  count = 0;
  starts = new Int32Array(16);
  ends = new Int32Array(16);

  field(index: number): string {
    return this.text.slice(this.starts[index], this.ends[index]);
  }

  fields(): string[] {
    const fields = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) fields[i] = this.text.slice(this.starts[i], this.ends[i]);
    return fields;
  }

  /** Whether field `index` is exactly `value`, without slicing it. */
  fieldEquals(index: number, value: string): boolean {
    const start = this.starts[index];
    const length = value.length;
    if (this.ends[index] - start !== length) return false;
    // A charCodeAt loop is compiled inline; startsWith with a position is a runtime call.
    const text = this.text;
    for (let i = 0; i < length; i++)
      if (text.charCodeAt(start + i) !== value.charCodeAt(i)) return false;
    return true;
  }

  /** The fields of an unquoted line `text[from, to)`, split at commas. */
  setLine(text: string, from: number, to: number): void {
    this.text = text;
    this.count = 0;
    let start = from;
    for (
      let comma = text.indexOf(',', start);
      comma !== -1 && comma < to;
      comma = text.indexOf(',', start)
    ) {
      this.add(start, comma);
      start = comma + 1;
    }
    this.add(start, to);
  }

  /** Fields already unquoted (the slow path): laid end to end in one text. */
  setFields(fields: readonly string[]): void {
    this.text = fields.join('');
    this.count = 0;
    let start = 0;
    for (const field of fields) {
      this.add(start, start + field.length);
      start += field.length;
    }
  }

  private add(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2);
      const ends = new Int32Array(this.count * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }
}

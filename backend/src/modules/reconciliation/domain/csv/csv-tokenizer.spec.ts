import { describe, expect, it } from 'vitest';
import { readCsvChunks, readCsvText } from './csv-reader';
import { CsvTokenizer, type CsvSink } from './csv-tokenizer';

interface Collected {
  records: [number, string[]][];
  errors: [number, string][];
}

function collector(): [CsvSink, Collected] {
  const collected: Collected = { records: [], errors: [] };
  const sink: CsvSink = {
    record: (row, line) => collected.records.push([line, row.fields()]),
    syntaxError: (line, problem) => collected.errors.push([line, problem]),
  };
  return [sink, collected];
}

function parse(text: string): Collected {
  const [sink, collected] = collector();
  readCsvText(text, sink);
  return collected;
}

/** The same text fed one character at a time: every chunk boundary case at once. */
function parseCharByChar(text: string): Collected {
  const [sink, collected] = collector();
  const tokenizer = new CsvTokenizer(sink);
  for (const char of text) tokenizer.push(char);
  tokenizer.end();
  return collected;
}

describe('CsvTokenizer', () => {
  const cases: [string, string, [number, string[]][]][] = [
    [
      'plain LF',
      'a,b\n1,2\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'CRLF',
      'a,b\r\n1,2\r\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'no final newline',
      'a,b\n1,2',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    ['empty fields', 'a,,\n', [[1, ['a', '', '']]]],
    ['quoted comma', 'x,"上海,浦东"\n', [[1, ['x', '上海,浦东']]]],
    ['escaped quote', '"say ""hi""",2\n', [[1, ['say "hi"', '2']]]],
    ['empty quoted field', '"",x\n', [[1, ['', 'x']]]],
    [
      'line break inside quotes keeps the physical line numbers',
      'h\n"two\nlines",x\nnext\n',
      [
        [1, ['h']],
        [2, ['two\nlines', 'x']],
        [4, ['next']],
      ],
    ],
    [
      'CRLF inside quotes',
      '"a\r\nb"\r\nc\r\n',
      [
        [1, ['a\r\nb']],
        [3, ['c']],
      ],
    ],
    [
      'blank lines are skipped but counted',
      'a\n\n\r\nb\n',
      [
        [1, ['a']],
        [4, ['b']],
      ],
    ],
    ['quoted last field without newline', 'a,"b"', [[1, ['a', 'b']]]],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    expect(parse(text)).toEqual({ records: expected, errors: [] });
    expect(parseCharByChar(text)).toEqual({ records: expected, errors: [] });
  });

  it('drops a UTF-8 BOM', () => {
    expect(parse('\ufeffentity_id,x\n').records).toEqual([[1, ['entity_id', 'x']]]);
    const [sink, collected] = collector();
    readCsvChunks([new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a])], sink);
    expect(collected.records).toEqual([[1, ['a']]]);
  });

  it('decodes UTF-8 split across byte chunks', () => {
    const bytes = new TextEncoder().encode('名称\n浦东\n');
    const [sink, collected] = collector();
    readCsvChunks(
      Array.from(bytes, (b) => new Uint8Array([b])),
      sink,
    );
    expect(collected.records).toEqual([
      [1, ['名称']],
      [2, ['浦东']],
    ]);
  });

  it('reports bytes that are not UTF-8 (e.g. a GBK export)', () => {
    const [sink, collected] = collector();
    readCsvChunks(
      [new TextEncoder().encode('a\n'), new Uint8Array([0xc9, 0xcf, 0xba, 0xa3, 0x0a])],
      sink,
    );
    expect(collected.errors).toEqual([[1, 'invalid_encoding']]);
  });

  it('reports an unterminated quote at the line the record starts on', () => {
    expect(parse('a\n"open,x\nmore\n')).toEqual({
      records: [[1, ['a']]],
      errors: [[2, 'unterminated_quote']],
    });
  });

  it('reports a stray quote and carries on with the next line', () => {
    expect(parse('a\nab"c,d\n"x"y,z\ne\n')).toEqual({
      records: [
        [1, ['a']],
        [4, ['e']],
      ],
      errors: [
        [2, 'malformed_quote'],
        [3, 'malformed_quote'],
      ],
    });
  });
});

import { CsvTokenizer, type CsvSink } from './csv-tokenizer';

/**
 * Decodes UTF-8 byte chunks (a leading BOM is dropped, invalid bytes are an error) and feeds
 * the tokenizer. Takes the chunks from the caller, so this stays free of file I/O.
 */
export function readCsvChunks(chunks: Iterable<Uint8Array>, sink: CsvSink): void {
  // fatal: a wrong encoding (GBK from Excel, say) is reported instead of turned into U+FFFD.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lastLine = 1;
  const tokenizer = new CsvTokenizer({
    record: (row, line) => {
      lastLine = line;
      sink.record(row, line);
    },
    syntaxError: (line, problem) => {
      lastLine = line;
      sink.syntaxError(line, problem);
    },
  });
  try {
    for (const chunk of chunks) tokenizer.push(decoder.decode(chunk, { stream: true }));
    tokenizer.push(decoder.decode());
  } catch {
    // The bad bytes are at or after the last record we saw.
    sink.syntaxError(lastLine, 'invalid_encoding');
    return;
  }
  tokenizer.end();
}

/** Tokenizes a whole text (tests, and callers that already hold the file as a string). */
export function readCsvText(text: string, sink: CsvSink): void {
  const tokenizer = new CsvTokenizer(sink);
  tokenizer.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  tokenizer.end();
}

import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchSource } from '../modules/reconciliation/domain/batch/batch-reader';

const CHUNK_BYTES = 1 << 20;

/** A batch folder on disk, read in 1 MiB chunks so a large file never sits in memory whole. */
export function folderBatchSource(dir: string): BatchSource {
  return {
    chunks(fileName) {
      const path = join(dir, fileName);
      return existsSync(path) ? fileChunks(path) : null;
    },
  };
}

export function* fileChunks(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

import type { BatchSource } from './batch-reader';
import type { BatchFileName } from './batch-files';

/** A batch held in memory (an upload, a test): file name → its text or bytes. */
export function memoryBatchSource(
  files: Partial<Record<BatchFileName, string | Uint8Array>>,
): BatchSource {
  return {
    chunks(fileName) {
      const content = files[fileName];
      if (content === undefined) return null;
      return [typeof content === 'string' ? new TextEncoder().encode(content) : content];
    },
  };
}

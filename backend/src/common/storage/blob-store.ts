import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Where submitted files are kept (batches, photos, evidence). Local disk by default; an object
 * store implements the same three calls. Keys are relative paths chosen by the caller.
 */
export interface BlobStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');

export class LocalDiskBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private resolve(key: string): string {
    const full = path.resolve(this.root, key);
    if (!full.startsWith(path.resolve(this.root) + path.sep))
      throw new Error(`bad blob key: ${key}`);
    return full;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const full = this.resolve(key);
    await fs.mkdir(path.dirname(full), { recursive: true });
    // Write then rename: a crash never leaves a half-written file under the final name.
    const tmp = `${full}.${process.pid}.${createHash('sha1').update(key).digest('hex').slice(0, 8)}.tmp`;
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, full);
  }

  get(key: string): Promise<Buffer> {
    return fs.readFile(this.resolve(key));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await fs.access(this.resolve(key));
      return true;
    } catch {
      return false;
    }
  }
}

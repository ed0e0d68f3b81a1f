import type { Request } from 'express';
import { AppError } from '../errors/app-error';

/** Reads a request body that no parser consumed (multipart), refusing one over `maxBytes`. */
export async function readRawBody(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number) {
  return new AppError('UPLOAD.TOO_LARGE', `上传内容超过 ${Math.round(maxBytes / 1048576)} MB 上限`);
}
